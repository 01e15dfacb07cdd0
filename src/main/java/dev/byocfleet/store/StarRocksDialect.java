package dev.byocfleet.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * StarRocks over the MySQL protocol. The three databases are StarRocks databases; entity tables
 * are PRIMARY KEY tables, so a plain INSERT replaces rows with the same key.
 */
public final class StarRocksDialect implements Dialect {

    static final int BATCH_ROWS = 5_000;

    @Override
    public String name() {
        return "starrocks";
    }

    @Override
    public DataSource openDataSource(StoreProperties props) {
        if (props.starrocksUrl() == null || props.starrocksUrl().isBlank()) {
            throw new IllegalStateException("BYOC_STORE=starrocks needs BYOC_STARROCKS_URL "
                    + "(for example jdbc:mysql://fe-host:9030/?rewriteBatchedStatements=true)");
        }
        return pool("starrocks", props.starrocksUrl(), props.starrocksUser(), props.starrocksPassword(),
                props.poolSize());
    }

    @Override
    public DataSource openReadOnlyDataSource(StoreProperties props, @Nullable String user, @Nullable String password,
                                             int poolSize) {
        if (props.starrocksUrl() == null || props.starrocksUrl().isBlank()) {
            throw new IllegalStateException("BYOC_STORE=starrocks needs BYOC_STARROCKS_URL");
        }
        boolean own = user != null && !user.isBlank();
        return pool("starrocks-read-only", props.starrocksUrl(), own ? user : props.starrocksUser(),
                own ? password : props.starrocksPassword(), poolSize);
    }

    @Override
    public Optional<String> beginReadOnlyTransaction() {
        return Optional.empty();
    }

    private static HikariDataSource pool(String name, String url, String user, String password, int size) {
        HikariConfig config = new HikariConfig();
        config.setPoolName(name);
        config.setDriverClassName("com.mysql.cj.jdbc.Driver");
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(size);
        config.setConnectionTimeout(10_000);
        config.setInitializationFailTimeout(-1);
        return new HikariDataSource(config);
    }

    @Override
    public String percentile(String expr, double p) {
        return "percentile_approx(" + expr + ", " + p + ")";
    }

    @Override
    public String hoursBetween(String fromExpr, String toExpr) {
        // hours_diff(a, b) is a - b in whole hours
        return "hours_diff(" + toExpr + ", " + fromExpr + ")";
    }

    @Override
    public String stringAgg(String expr, String separator, String orderBy) {
        return "group_concat(" + expr + " ORDER BY " + orderBy + " SEPARATOR '" + separator.replace("'", "''") + "')";
    }

    @Override
    public String stringAggUnordered(String expr, String separator) {
        return "group_concat(" + expr + " SEPARATOR '" + separator.replace("'", "''") + "')";
    }

    @Override
    public String rowHash(List<String> expressions) {
        // murmur_hash3_32 takes text only and is NULL when a part is: a value as 'v' and its text, a
        // NULL as 'n' (so no text hashes like NULL); widened so that the sum cannot overflow an INT
        return "CAST(murmur_hash3_32(" + expressions.stream()
                .map(e -> "coalesce(concat('v', CAST(" + e + " AS VARCHAR)), 'n')")
                .collect(java.util.stream.Collectors.joining(", ")) + ") AS BIGINT)";
    }

    @Override
    public String jsonString(String jsonExpr, String jsonPath) {
        return "get_json_string(" + jsonExpr + ", '" + jsonPath.replace("'", "''") + "')";
    }

    @Override
    public String snapshotBackfillTable() {
        return "metrics.hourly_snapshots_backfill";
    }

    @Override
    public Optional<String> storeManagedSnapshotRefresh() {
        return Optional.of("REFRESH MATERIALIZED VIEW metrics.amv_hourly_snapshots_v1 WITH SYNC MODE");
    }

    @Override
    public String upsert(String table, List<String> columns, List<String> keyColumns) {
        // PRIMARY KEY tables replace on key: the key list is implied by the table.
        return "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
                + String.join(", ", Collections.nCopies(columns.size(), "?")) + ")";
    }

    /**
     * StarRocks has no insert-ignore: a PRIMARY KEY table replaces the row. Callers filter out keys
     * that exist before inserting; a concurrent duplicate then overwrites a row with equal content.
     */
    @Override
    public String insertIfAbsent(String table, List<String> columns) {
        return upsert(table, columns, List.of());
    }

    @Override
    public TableWriter openWriter(Connection connection, String schema, String table, int columnCount)
            throws SQLException {
        String sql = "INSERT INTO " + schema + "." + table + " VALUES ("
                + String.join(", ", Collections.nCopies(columnCount, "?")) + ")";
        return new BatchWriter(connection.prepareStatement(sql), columnCount);
    }

    /** Batched INSERT; with rewriteBatchedStatements the driver sends multi-row statements. */
    private static final class BatchWriter implements TableWriter {
        private final PreparedStatement statement;
        private final int columnCount;
        private long rows;
        private int pending;
        private boolean closed;

        BatchWriter(PreparedStatement statement, int columnCount) {
            this.statement = statement;
            this.columnCount = columnCount;
        }

        @Override
        public void row(Object... values) throws SQLException {
            if (values.length != columnCount) {
                throw new SQLException("expected " + columnCount + " values, got " + values.length);
            }
            for (int i = 0; i < values.length; i++) {
                Object v = values[i];
                switch (v) {
                    case LocalDateTime t -> statement.setTimestamp(i + 1, Timestamp.valueOf(t));
                    case LocalDate d -> statement.setObject(i + 1, d);
                    case BigDecimal d -> statement.setBigDecimal(i + 1, d);
                    case null, default -> statement.setObject(i + 1, v);
                }
            }
            statement.addBatch();
            rows++;
            if (++pending >= BATCH_ROWS) {
                statement.executeBatch();
                pending = 0;
            }
        }

        @Override
        public long rowsWritten() {
            return rows;
        }

        @Override
        public void close() throws SQLException {
            if (closed) {
                return;
            }
            closed = true;
            try (statement) {
                if (pending > 0) {
                    statement.executeBatch();
                }
            }
        }
    }
}
