package dev.byocfleet.store;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;

/**
 * Where the data lives. Bound from {@code byoc.store.*}, which application.yml fills from the
 * environment names fixed in DESIGN.md section 11 (BYOC_STORE, BYOC_DATA_DIR, BYOC_STARROCKS_*).
 *
 * @param kind        {@code duckdb} (default) or {@code starrocks}
 * @param dataDir     folder for the DuckDB file, generated payload files and ground truth
 * @param duckdbFile  DuckDB file name inside {@code dataDir}, or an absolute path
 * @param starrocksUrl JDBC URL of a StarRocks FE (MySQL protocol)
 * @param duckdbThreads threads DuckDB may use for one query; 0 (the default) is half the cores, at least
 *                      one, because the server runs many small queries at once, where a second thread
 *                      per query costs more CPU than it saves time (the one-shot commands use every core)
 * @param duckdbKeptStatements prepared statements each pooled DuckDB connection keeps for the next use of the
 *                      same SQL text; 0 keeps none
 */
@ConfigurationProperties("byoc.store")
public record StoreProperties(
        String kind,
        Path dataDir,
        String duckdbFile,
        String starrocksUrl,
        String starrocksUser,
        String starrocksPassword,
        int poolSize,
        int duckdbThreads,
        int duckdbKeptStatements) {

    /** Prepared statements a pooled DuckDB connection keeps unless configured otherwise. */
    public static final int DEFAULT_KEPT_STATEMENTS = 64;

    @ConstructorBinding
    public StoreProperties {
        kind = kind == null || kind.isBlank() ? "duckdb" : kind.trim().toLowerCase();
        dataDir = dataDir == null ? Path.of("data") : dataDir;
        duckdbFile = duckdbFile == null || duckdbFile.isBlank() ? "byoc-fleet.duckdb" : duckdbFile;
        poolSize = poolSize <= 0 ? 8 : poolSize;
        if (duckdbThreads < 0) {
            throw new IllegalArgumentException("byoc.store.duckdb-threads (BYOC_DUCKDB_THREADS) must be 0 (half the cores)"
                    + " or a number of threads, not " + duckdbThreads);
        }
        if (duckdbKeptStatements < 0) {
            throw new IllegalArgumentException("byoc.store.duckdb-kept-statements (BYOC_DUCKDB_KEPT_STATEMENTS) must be 0"
                    + " (none) or more, not " + duckdbKeptStatements);
        }
    }

    /** With the default DuckDB threads (half the cores) and kept statements ({@link #DEFAULT_KEPT_STATEMENTS}). */
    public StoreProperties(String kind, Path dataDir, String duckdbFile, String starrocksUrl, String starrocksUser,
                           String starrocksPassword, int poolSize) {
        this(kind, dataDir, duckdbFile, starrocksUrl, starrocksUser, starrocksPassword, poolSize, 0,
                DEFAULT_KEPT_STATEMENTS);
    }

    /** The threads DuckDB may use for one query: {@link #duckdbThreads}, or half the cores when that is 0. */
    public int duckdbQueryThreads() {
        return duckdbThreads > 0 ? duckdbThreads : Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
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
