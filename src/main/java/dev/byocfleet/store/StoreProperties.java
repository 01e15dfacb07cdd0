package dev.byocfleet.store;

import java.nio.file.Path;
import java.util.regex.Pattern;
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
 * @param duckdbCheckpointThreshold how large DuckDB's write-ahead log may grow before DuckDB writes it into
 *                      the database file (its {@code checkpoint_threshold}; {@link #DEFAULT_CHECKPOINT_THRESHOLD}
 *                      unless set). DuckDB's own 16 MB checkpoints every few thousand webhook alerts, and each
 *                      checkpoint writes the tables' indexes again: with 256 MB, appending the same alert rows
 *                      took about half the CPU, and the whole webhook pipeline 10-20 % less (README,
 *                      Configuration). The price: a restart after a crash replays up to this much log, and a
 *                      stop writes it out.
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
        int duckdbKeptStatements,
        String duckdbCheckpointThreshold) {

    /** Prepared statements a pooled DuckDB connection keeps unless configured otherwise. */
    public static final int DEFAULT_KEPT_STATEMENTS = 64;
    /** DuckDB's checkpoint threshold unless configured otherwise. */
    public static final String DEFAULT_CHECKPOINT_THRESHOLD = "256MB";
    /** A size as DuckDB's settings take it: a number and a unit, nothing else (it is put into SQL). */
    private static final Pattern SIZE =
            Pattern.compile("[0-9]{1,9}(\\.[0-9]{1,3})? ?(B|KB|MB|GB|TB|KiB|MiB|GiB|TiB)", Pattern.CASE_INSENSITIVE);

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
        duckdbCheckpointThreshold = duckdbCheckpointThreshold == null || duckdbCheckpointThreshold.isBlank()
                ? DEFAULT_CHECKPOINT_THRESHOLD : duckdbCheckpointThreshold.trim();
        if (!SIZE.matcher(duckdbCheckpointThreshold).matches()) {
            throw new IllegalArgumentException("byoc.store.duckdb-checkpoint-threshold (BYOC_DUCKDB_CHECKPOINT_THRESHOLD)"
                    + " must be a size such as 256MB or 1GB, not '" + duckdbCheckpointThreshold + "'");
        }
    }

    /** With the default checkpoint threshold ({@link #DEFAULT_CHECKPOINT_THRESHOLD}). */
    public StoreProperties(String kind, Path dataDir, String duckdbFile, String starrocksUrl, String starrocksUser,
                           String starrocksPassword, int poolSize, int duckdbThreads, int duckdbKeptStatements) {
        this(kind, dataDir, duckdbFile, starrocksUrl, starrocksUser, starrocksPassword, poolSize, duckdbThreads,
                duckdbKeptStatements, null);
    }

    /** With the default DuckDB threads (half the cores) and kept statements ({@link #DEFAULT_KEPT_STATEMENTS}). */
    public StoreProperties(String kind, Path dataDir, String duckdbFile, String starrocksUrl, String starrocksUser,
                           String starrocksPassword, int poolSize) {
        this(kind, dataDir, duckdbFile, starrocksUrl, starrocksUser, starrocksPassword, poolSize, 0,
                DEFAULT_KEPT_STATEMENTS, null);
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
