package dev.byocfleet.store;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Connections to an embedded DuckDB that keep the statements they prepared and hand the same one
 * out again for the same SQL text, as the MySQL driver's {@code cachePrepStmts} does.
 *
 * <p>Why: DuckDB plans a statement when it is prepared, and for the small queries most API routes
 * run the plan costs as much as the run (0.4 ms for a count of an empty table, 4.6 ms for the fleet
 * summary's union of groupings, on this machine). Spring prepares every statement anew; the pool
 * keeps the physical connections, so keeping their statements too saves the planning on every
 * repeated query. DuckDB plans a statement again by itself when the catalog changed since it was
 * prepared (a migration, a table dropped and made again), so a kept statement never runs a stale plan.
 *
 * <p>What is kept: statements made by {@code prepareStatement(String)} only, of at most
 * {@link #MAX_KEPT_SQL_LENGTH} characters (longer texts are generated, such as multi-row inserts and
 * long {@code IN} lists: seldom repeated word for word, and large plans), at most
 * {@code perConnection} per connection, the least recently used closed first. A statement goes back
 * to its connection's cache when the caller closes it, with its parameters cleared; one whose
 * settings the caller changed (maximum rows, fetch size, time-out, a batch, close-on-completion) or
 * whose execution failed is closed for real instead, so nothing of one use leaks into the next.
 * When a statement for the same text is still open (a query run inside the loop over another's
 * results), the second one is made and closed as before, without the cache. Closing the connection
 * closes every statement it kept.
 */
final class StatementCachingDataSource implements DataSource {

    /** The methods of a kept statement after which it is not handed out again. */
    private static final Set<String> CHANGES_SETTINGS = Set.of("setMaxRows", "setLargeMaxRows", "setFetchSize",
            "setQueryTimeout", "setMaxFieldSize", "setFetchDirection", "setEscapeProcessing", "setCursorName",
            "setPoolable", "addBatch", "closeOnCompletion");

    /** Longer SQL texts are prepared for each use, as without this class. */
    static final int MAX_KEPT_SQL_LENGTH = 4_096;

    private final Driver driver;
    private final String url;
    private final int perConnection;
    private int loginTimeout;

    StatementCachingDataSource(Driver driver, String url, int perConnection) {
        if (perConnection < 1) {
            throw new IllegalArgumentException("a connection keeps at least one statement");
        }
        this.driver = driver;
        this.url = url;
        this.perConnection = perConnection;
    }

    @Override
    public Connection getConnection() throws SQLException {
        Connection physical = driver.connect(url, new Properties());
        if (physical == null) {
            throw new SQLException("the DuckDB driver does not accept the URL " + url, "08001");
        }
        return (Connection) Proxy.newProxyInstance(StatementCachingDataSource.class.getClassLoader(),
                new Class<?>[] {Connection.class}, new CachingConnection(physical, perConnection));
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return getConnection();
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        // no log writer: the application logs through SLF4J
    }

    @Override
    public void setLoginTimeout(int seconds) {
        loginTimeout = seconds;
    }

    @Override
    public int getLoginTimeout() {
        return loginTimeout;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException("no java.util.logging parent");
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        throw new SQLException("not a wrapper of " + type.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return type.isInstance(this);
    }

    /** What {@link #ownMethod} answers for a method the proxy does not answer itself. */
    private static final Object NOT_OWN = new Object();

    /**
     * The methods a proxy answers itself: wrapper access that reaches through it to the DuckDB
     * object, and identity; {@link #NOT_OWN} for the rest.
     */
    private static Object ownMethod(Object proxy, java.sql.Wrapper target, Method method, Object[] args)
            throws SQLException {
        return switch (method.getName()) {
            case "unwrap" -> ((Class<?>) args[0]).isInstance(proxy) ? proxy : target.unwrap((Class<?>) args[0]);
            case "isWrapperFor" -> ((Class<?>) args[0]).isInstance(proxy) || target.isWrapperFor((Class<?>) args[0]);
            case "equals" -> proxy == args[0];
            case "hashCode" -> System.identityHashCode(proxy);
            case "toString" -> "statement-caching proxy of " + target;
            default -> NOT_OWN;
        };
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** A physical connection and the statements it keeps, in least-recently-used order. */
    private static final class CachingConnection implements InvocationHandler {

        private final Connection physical;
        private final Map<String, Kept> kept;

        CachingConnection(Connection physical, int perConnection) {
            this.physical = physical;
            this.kept = new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Kept> eldest) {
                    if (size() <= perConnection || eldest.getValue().inUse) {
                        return false;
                    }
                    eldest.getValue().closeQuietly();
                    return true;
                }
            };
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            switch (method.getName()) {
                case "prepareStatement" -> {
                    if (args.length == 1 && args[0] instanceof String sql && sql.length() <= MAX_KEPT_SQL_LENGTH) {
                        return prepare(sql);
                    }
                }
                case "close" -> {
                    closeKept();
                    return StatementCachingDataSource.invoke(physical, method, args);
                }
                default -> {
                    // every other method goes to the physical connection
                }
            }
            Object own = ownMethod(proxy, physical, method, args);
            return own != NOT_OWN ? own : StatementCachingDataSource.invoke(physical, method, args);
        }

        private synchronized PreparedStatement prepare(String sql) throws SQLException {
            Kept k = kept.get(sql);
            if (k != null && k.inUse) {
                return physical.prepareStatement(sql);
            }
            if (k == null) {
                k = new Kept(this, sql, physical.prepareStatement(sql));
                kept.put(sql, k);
            }
            k.inUse = true;
            k.dirty = false;
            return k.proxy;
        }

        /** Back into the cache, or closed for real when its use changed it. */
        synchronized void release(Kept k) throws SQLException {
            k.inUse = false;
            if (!k.dirty) {
                try {
                    k.statement.clearParameters();
                    return;
                } catch (SQLException e) {
                    // cannot be reset: closed below
                }
            }
            if (kept.get(k.sql) == k) {
                kept.remove(k.sql);
            }
            k.statement.close();
        }

        private synchronized void closeKept() {
            for (Iterator<Kept> it = kept.values().iterator(); it.hasNext(); ) {
                it.next().closeQuietly();
                it.remove();
            }
        }
    }

    /** A statement a connection keeps, and the proxy its callers get. */
    private static final class Kept implements InvocationHandler {

        final CachingConnection owner;
        final String sql;
        final PreparedStatement statement;
        final PreparedStatement proxy;
        boolean inUse;
        boolean dirty;

        Kept(CachingConnection owner, String sql, PreparedStatement statement) {
            this.owner = owner;
            this.sql = sql;
            this.statement = statement;
            this.proxy = (PreparedStatement) Proxy.newProxyInstance(StatementCachingDataSource.class.getClassLoader(),
                    new Class<?>[] {PreparedStatement.class}, this);
        }

        @Override
        public Object invoke(Object p, Method method, Object[] args) throws Throwable {
            String name = method.getName();
            switch (name) {
                case "close" -> {
                    if (inUse) {
                        owner.release(this);
                    }
                    return null;
                }
                case "isClosed" -> {
                    return !inUse || statement.isClosed();
                }
                case "getConnection" -> {
                    // the DuckDB statement's own connection, answered even after close (Hikari hands its
                    // callers its own connection proxy instead)
                    return statement.getConnection();
                }
                default -> {
                    // every other method goes to the statement
                }
            }
            Object own = ownMethod(p, statement, method, args);
            if (own != NOT_OWN) {
                return own;
            }
            if (!inUse) {
                throw new SQLException("statement is closed");
            }
            if (CHANGES_SETTINGS.contains(name)) {
                dirty = true;
            }
            try {
                return StatementCachingDataSource.invoke(statement, method, args);
            } catch (SQLException e) {
                if (name.startsWith("execute")) {
                    dirty = true;
                }
                throw e;
            }
        }

        void closeQuietly() {
            try {
                statement.close();
            } catch (SQLException e) {
                // closing anyway
            }
        }
    }
}
