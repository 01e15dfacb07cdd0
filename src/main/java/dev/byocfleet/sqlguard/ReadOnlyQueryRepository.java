package dev.byocfleet.sqlguard;

import com.zaxxer.hikari.HikariDataSource;
import dev.byocfleet.api.InvalidParameterException;
import dev.byocfleet.store.Dialect;
import dev.byocfleet.store.StoreProperties;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.support.SQLStateSQLExceptionTranslator;
import org.springframework.stereotype.Repository;

/**
 * Runs statements the guard allowed on a pool of its own, each inside a transaction the store keeps
 * read-only (DuckDB) and that is always rolled back, with a statement timeout and row and byte caps.
 */
@Repository
class ReadOnlyQueryRepository implements DisposableBean {

    private static final SQLStateSQLExceptionTranslator TRANSLATOR = new SQLStateSQLExceptionTranslator();

    private final Dialect dialect;
    private final StoreProperties store;
    private final SqlGuardProperties guard;
    private final DataSource mainPool;
    private volatile @Nullable DataSource pool;
    private final Optional<String> beginReadOnly;

    /**
     * Opens its pool on first use, once the main pool can hand out a connection: then the store is open
     * and migrated (for DuckDB, this process holds the file), and a store still unreachable fails fast.
     */
    ReadOnlyQueryRepository(Dialect dialect, StoreProperties store, SqlGuardProperties guard, DataSource mainPool) {
        this.dialect = dialect;
        this.store = store;
        this.guard = guard;
        this.mainPool = mainPool;
        this.beginReadOnly = dialect.beginReadOnlyTransaction();
    }

    private DataSource pool() throws SQLException {
        DataSource open = pool;
        if (open != null) {
            return open;
        }
        synchronized (this) {
            if (pool == null) {
                mainPool.getConnection().close();
                pool = dialect.openReadOnlyDataSource(store, guard.starrocksUser(), guard.starrocksPassword(),
                        guard.poolSize());
            }
            return pool;
        }
    }

    /** Runs {@code sql}; reads at most {@code maxRows} rows and about {@code maxBytes} bytes of values. */
    QueryResult run(String sql, @Nullable Integer rowLimit, int maxRows, long maxBytes, Duration timeout) {
        long start = System.nanoTime();
        return inReadOnlyTransaction(sql, connection -> {
            try (Statement statement = connection.createStatement()) {
                statement.setQueryTimeout((int) Math.max(1, timeout.toSeconds()));
                statement.setMaxRows(maxRows + 1);
                try (ResultSet rs = statement.executeQuery(sql)) {
                    ResultSetMetaData meta = rs.getMetaData();
                    List<QueryResult.Column> columns = new ArrayList<>();
                    for (int i = 1; i <= meta.getColumnCount(); i++) {
                        columns.add(new QueryResult.Column(meta.getColumnLabel(i), meta.getColumnTypeName(i)));
                    }
                    List<List<@Nullable Object>> rows = new ArrayList<>();
                    long bytes = 0;
                    boolean truncated = false;
                    while (rows.size() < maxRows && rs.next()) {
                        List<@Nullable Object> row = new ArrayList<>(columns.size());
                        for (int i = 1; i <= columns.size(); i++) {
                            Object value = jsonValue(rs.getObject(i));
                            bytes += value == null ? 4 : String.valueOf(value).getBytes(StandardCharsets.UTF_8).length;
                            row.add(value);
                        }
                        if (bytes > maxBytes) {
                            truncated = true;
                            break;
                        }
                        rows.add(row);
                    }
                    // Without a LIMIT of its own (SHOW, DESCRIBE, EXPLAIN) a statement may have more rows than the cap.
                    if (!truncated && rowLimit == null && rows.size() >= maxRows && rs.next()) {
                        truncated = true;
                    }
                    boolean limitReached = !truncated && rowLimit != null && rows.size() >= rowLimit;
                    return new QueryResult(sql, columns, rows, rows.size(), rowLimit, limitReached, truncated,
                            (System.nanoTime() - start) / 1_000_000);
                }
            }
        }, timeout);
    }

    /** Kind and columns of the readable tables that exist, in schema, table, ordinal order. */
    List<CatalogColumn> columns(List<String> schemas) {
        String in = String.join(", ", schemas.stream().map(s -> "'" + s.replace("'", "''") + "'").toList());
        String sql = """
                SELECT c.table_schema, c.table_name, t.table_type, c.column_name, c.data_type, c.is_nullable
                FROM information_schema.columns c
                JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
                WHERE c.table_schema IN (%s)
                ORDER BY c.table_schema, c.table_name, c.ordinal_position""".formatted(in);
        return inReadOnlyTransaction(sql, connection -> {
            List<CatalogColumn> out = new ArrayList<>();
            try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
                while (rs.next()) {
                    out.add(new CatalogColumn(rs.getString(1).toLowerCase(), rs.getString(2).toLowerCase(),
                            rs.getString(3), rs.getString(4), rs.getString(5), "YES".equalsIgnoreCase(rs.getString(6))));
                }
            }
            return out;
        }, Duration.ofSeconds(30));
    }

    /**
     * Exact row count of a table the caller took from the allow-list (never from request text), or
     * empty when counting exceeds the timeout.
     */
    Optional<Long> countRows(String qualifiedTable, Duration timeout) {
        String sql = "SELECT count(*) FROM " + qualifiedTable;
        try {
            return inReadOnlyTransaction(sql, connection -> {
                try (Statement statement = connection.createStatement()) {
                    statement.setQueryTimeout((int) Math.max(1, timeout.toSeconds()));
                    try (ResultSet rs = statement.executeQuery(sql)) {
                        rs.next();
                        return Optional.of(rs.getLong(1));
                    }
                }
            }, timeout);
        } catch (StatementTimeoutException e) {
            return Optional.empty();
        }
    }

    record CatalogColumn(String schema, String table, String tableType, String column, String type, boolean nullable) {
    }

    /** The statement ran past its timeout and was cancelled. */
    static final class StatementTimeoutException extends InvalidParameterException {
        StatementTimeoutException(Duration timeout) {
            super("sql", "the statement ran longer than " + timeout.toSeconds() + " s and was cancelled; "
                    + "narrow the time window or aggregate more");
        }
    }

    private <T> T inReadOnlyTransaction(String sql, ConnectionCallback<T> work, Duration timeout) {
        try (Connection connection = pool().getConnection()) {
            if (beginReadOnly.isPresent()) {
                try (Statement begin = connection.createStatement()) {
                    begin.execute(beginReadOnly.get());
                }
            }
            try {
                return work.doInConnection(connection);
            } finally {
                if (beginReadOnly.isPresent()) {
                    rollback(connection);
                }
            }
        } catch (SQLException e) {
            throw translate(sql, e, timeout);
        }
    }

    /** Ends the transaction; a connection that cannot is taken out of the pool rather than reused in it. */
    private void rollback(Connection connection) {
        // A fresh statement: after a failed one DuckDB wants a new Statement.
        try (Statement rollback = connection.createStatement()) {
            rollback.execute("ROLLBACK");
        } catch (SQLException e) {
            if (pool instanceof HikariDataSource hikari) {
                hikari.evictConnection(connection);
            }
        }
    }

    private static RuntimeException translate(String sql, SQLException e, Duration timeout) {
        if (e instanceof SQLTimeoutException || String.valueOf(e.getMessage()).contains("INTERRUPT")) {
            return new StatementTimeoutException(timeout);
        }
        DataAccessException translated = TRANSLATOR.translate("guarded query", sql, e);
        if (translated instanceof DataAccessResourceFailureException
                || translated instanceof TransientDataAccessResourceException) {
            return translated;
        }
        String message = String.valueOf(e.getMessage());
        int nl = message.indexOf('\n');
        message = nl < 0 ? message : message.substring(0, nl);
        return new InvalidParameterException("sql", "the statement failed: "
                + (message.length() > 500 ? message.substring(0, 500) + "..." : message));
    }

    static @Nullable Object jsonValue(@Nullable Object value) throws SQLException {
        return switch (value) {
            case null -> null;
            case String s -> s;
            case Number n -> n;
            case Boolean b -> b;
            case Timestamp t -> t.toLocalDateTime().toString();
            case java.sql.Date d -> d.toLocalDate().toString();
            case java.sql.Time t -> t.toLocalTime().toString();
            case TemporalAccessor t -> t.toString();
            case byte[] bytes -> Base64.getEncoder().encodeToString(bytes);
            case Array array -> {
                Object[] items = (Object[]) array.getArray();
                List<Object> out = new ArrayList<>(items.length);
                for (Object item : items) {
                    out.add(jsonValue(item));
                }
                yield out;
            }
            default -> value.toString();
        };
    }

    @Override
    public synchronized void destroy() {
        if (pool instanceof HikariDataSource hikari) {
            hikari.close();
        }
    }
}
