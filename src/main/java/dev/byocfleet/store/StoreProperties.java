package dev.byocfleet.store;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the data lives. Bound from {@code byoc.store.*}, which application.yml fills from the
 * environment names fixed in DESIGN.md section 11 (BYOC_STORE, BYOC_DATA_DIR, BYOC_STARROCKS_*).
 *
 * @param kind        {@code duckdb} (default) or {@code starrocks}
 * @param dataDir     folder for the DuckDB file, generated payload files and ground truth
 * @param duckdbFile  DuckDB file name inside {@code dataDir}, or an absolute path
 * @param starrocksUrl JDBC URL of a StarRocks FE (MySQL protocol)
 */
@ConfigurationProperties("byoc.store")
public record StoreProperties(
        String kind,
        Path dataDir,
        String duckdbFile,
        String starrocksUrl,
        String starrocksUser,
        String starrocksPassword,
        int poolSize) {

    public StoreProperties {
        kind = kind == null || kind.isBlank() ? "duckdb" : kind.trim().toLowerCase();
        dataDir = dataDir == null ? Path.of("data") : dataDir;
        duckdbFile = duckdbFile == null || duckdbFile.isBlank() ? "byoc-fleet.duckdb" : duckdbFile;
        poolSize = poolSize <= 0 ? 8 : poolSize;
    }

    public Path duckdbPath() {
        Path file = Path.of(duckdbFile);
        return file.isAbsolute() ? file : dataDir.resolve(file);
    }

    /** Keeps the password out of logs and actuator output. */
    @Override
    public String toString() {
        return "StoreProperties[kind=" + kind + ", dataDir=" + dataDir + ", duckdbFile=" + duckdbFile
                + ", starrocksUrl=" + starrocksUrl + ", starrocksUser=" + starrocksUser + "]";
    }
}
