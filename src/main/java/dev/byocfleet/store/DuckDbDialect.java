package dev.byocfleet.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.duckdb.DuckDBDriver;
import org.jspecify.annotations.Nullable;

/** The embedded default: one DuckDB file; the three databases are schemas in it. */
public final class DuckDbDialect implements Dialect {

    /** Numbers the staging tables of {@link #bulkReplace}: one process per DuckDB file, so concurrent ones stay apart. */
    private static final AtomicLong STAGES = new AtomicLong();

    @Override
    public String name() {
        return "duckdb";
    }

    @Override
    public DataSource openDataSource(StoreProperties props) {
        Path file = props.duckdbPath().toAbsolutePath();
        try {
            // DuckDB does not create missing folders, and the pool connects eagerly.
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data folder " + file.getParent(), e);
        }
        return pool("duckdb", "jdbc:duckdb:" + file, props.poolSize(), props.duckdbKeptStatements(),
                props.duckdbQueryThreads(), props.duckdbCheckpointThreshold());
    }

    /** Same URL and settings as the main pool, so DuckDB hands out connections to the same instance. */
    @Override
    public DataSource openReadOnlyDataSource(StoreProperties props, @Nullable String user, @Nullable String password,
                                             int poolSize) {
        // Agent SQL is seldom repeated word for word: its statements are not kept.
        return pool("duckdb-read-only", "jdbc:duckdb:" + props.duckdbPath().toAbsolutePath(), poolSize, 0,
                props.duckdbQueryThreads(), props.duckdbCheckpointThreshold());
    }

    @Override
    public Optional<String> beginReadOnlyTransaction() {
        // Verified on DuckDB 2.0: any write in it fails with "transaction is launched in read-only mode".
        return Optional.of("BEGIN TRANSACTION READ ONLY");
    }

    /** A pool on any DuckDB URL; tests pass a temporary file. */
    public static HikariDataSource pool(String jdbcUrl, int size) {
        return pool("duckdb", jdbcUrl, size, StoreProperties.DEFAULT_KEPT_STATEMENTS, 0,
                StoreProperties.DEFAULT_CHECKPOINT_THRESHOLD);
    }

    /**
     * {@code keptStatements} per connection are kept prepared ({@link StatementCachingDataSource}); 0 keeps
     * none. {@code threads} &gt; 0 sets DuckDB's threads per query (a setting of the whole database,
     * so the same for every pool on the file); 0 leaves DuckDB's default, every core. {@code checkpointThreshold}
     * (checked by {@link StoreProperties}: a number and a unit) is DuckDB's {@code checkpoint_threshold}, also a
     * setting of the whole database.
     */
    private static HikariDataSource pool(String name, String jdbcUrl, int size, int keptStatements, int threads,
                                         String checkpointThreshold) {
        HikariConfig config = new HikariConfig();
        config.setPoolName(name);
        if (keptStatements > 0) {
            config.setDataSource(new StatementCachingDataSource(new DuckDBDriver(), jdbcUrl, keptStatements));
        } else {
            config.setDriverClassName("org.duckdb.DuckDBDriver");
            config.setJdbcUrl(jdbcUrl);
        }
        config.setMaximumPoolSize(size);
        config.setMinimumIdle(1);
        config.setConnectionInitSql("SET TimeZone = 'UTC'; SET checkpoint_threshold = '" + checkpointThreshold + "'"
                + (threads > 0 ? "; SET threads = " + threads : ""));
        // Fail start-up fast when another process holds the file lock.
        config.setInitializationFailTimeout(5_000);
        config.setConnectionTimeout(10_000);
        return new HikariDataSource(config);
    }

    @Override
    public String percentile(String expr, double p) {
        return "quantile_cont(" + expr + ", " + p + ")";
    }

    @Override
    public String hoursBetween(String fromExpr, String toExpr) {
        return "date_diff('hour', " + fromExpr + ", " + toExpr + ")";
    }

    @Override
    public String stringAgg(String expr, String separator, String orderBy) {
        return "string_agg(" + expr + ", '" + separator.replace("'", "''") + "' ORDER BY " + orderBy + ")";
    }

    @Override
    public String stringAggUnordered(String expr, String separator) {
        return "string_agg(" + expr + ", '" + separator.replace("'", "''") + "')";
    }

    @Override
    public String rowHash(List<String> expressions) {
        // hash() takes any number and type of values (NULL included) and gives a UBIGINT; its sum is a HUGEINT
        return "hash(" + String.join(", ", expressions) + ")";
    }

    @Override
    public java.util.Optional<String> arrayAgg(String expr, String orderBy) {
        return java.util.Optional.of("list(" + expr + " ORDER BY " + orderBy + ")");
    }

    @Override
    public boolean soleWriter() {
        return true;
    }

    @Override
    public Optional<String> checkpoint() {
        return Optional.of("CHECKPOINT");
    }

    @Override
    public String jsonString(String jsonExpr, String jsonPath) {
        return "json_extract_string(" + jsonExpr + ", '" + jsonPath.replace("'", "''") + "')";
    }

    @Override
    public String snapshotBackfillTable() {
        return "metrics.amv_hourly_snapshots_v1";
    }

    @Override
    public Optional<String> storeManagedSnapshotRefresh() {
        return Optional.empty();
    }

    @Override
    public String upsert(String table, List<String> columns, List<String> keyColumns) {
        return "INSERT OR REPLACE INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
                + columns.stream().map(c -> "?").collect(Collectors.joining(", ")) + ")";
    }

    @Override
    public String insertIfAbsent(String table, List<String> columns) {
        return "INSERT OR IGNORE INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
                + columns.stream().map(c -> "?").collect(Collectors.joining(", ")) + ")";
    }

    @Override
    public TableWriter openWriter(Connection connection, String schema, String table, int columnCount)
            throws SQLException {
        DuckDBAppender appender = connection.unwrap(DuckDBConnection.class).createAppender(schema, table);
        return new AppenderWriter(appender, columnCount);
    }

    /**
     * Appends the rows to a staging table made like the target (in the same transaction, so a
     * rollback leaves nothing), then replaces by key in one {@code INSERT OR REPLACE … SELECT}.
     * Thousands of rows as multi-row upserts cost DuckDB a parse and plan of a statement with
     * thousands of parameters each; the appender parses nothing.
     */
    @Override
    public boolean bulkReplace(Connection connection, String schema, String table, List<String> columns,
                               List<Object[]> rows) throws SQLException {
        String cols = String.join(", ", columns);
        String stageName = table + "_stage_" + STAGES.incrementAndGet();
        String stage = schema + "." + stageName;
        try (Statement st = connection.createStatement()) {
            st.execute("CREATE TABLE " + stage + " AS SELECT " + cols + " FROM " + schema + "." + table + " LIMIT 0");
            SQLException failure = null;
            try {
                try (TableWriter writer = openWriter(connection, schema, stageName, columns.size())) {
                    for (Object[] row : rows) {
                        writer.row(row);
                    }
                }
                st.execute("INSERT OR REPLACE INTO " + schema + "." + table + " (" + cols + ") SELECT " + cols + " FROM " + stage);
            } catch (SQLException e) {
                failure = e;
                throw e;
            } finally {
                try {
                    st.execute("DROP TABLE IF EXISTS " + stage);
                } catch (SQLException e) {
                    if (failure != null) {
                        failure.addSuppressed(e);
                    } else {
                        throw e;
                    }
                }
            }
        }
        return true;
    }

    /** DuckDB's appender: columnar, no SQL parsing, by far the fastest way in. */
    private static final class AppenderWriter implements TableWriter {
        private final DuckDBAppender appender;
        private final int columnCount;
        private long rows;

        AppenderWriter(DuckDBAppender appender, int columnCount) {
            this.appender = appender;
            this.columnCount = columnCount;
        }

        @Override
        public void row(Object... values) throws SQLException {
            if (values.length != columnCount) {
                throw new SQLException("expected " + columnCount + " values, got " + values.length);
            }
            appender.beginRow();
            for (Object v : values) {
                switch (v) {
                    case null -> appender.appendNull();
                    case String s -> appender.append(s);
                    case Byte b -> appender.append(b);
                    case Integer i -> appender.append(i.intValue());
                    case Long l -> appender.append(l.longValue());
                    case Double d -> appender.append(d.doubleValue());
                    case Boolean b -> appender.append(b.booleanValue());
                    case BigDecimal d -> appender.append(d);
                    case LocalDateTime t -> appender.append(t);
                    case LocalDate d -> appender.append(d);
                    default -> throw new SQLException("unsupported value type " + v.getClass().getName());
                }
            }
            appender.endRow();
            rows++;
        }

        @Override
        public long rowsWritten() {
            return rows;
        }

        @Override
        public void close() throws SQLException {
            if (appender.isClosed()) {
                return;
            }
            try {
                // close() alone drops rows that break a constraint without a word; flush() reports it.
                appender.flush();
            } finally {
                appender.close();
            }
        }
    }
}
