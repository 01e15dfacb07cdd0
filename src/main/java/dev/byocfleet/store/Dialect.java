package dev.byocfleet.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * Everything that differs between the embedded store (DuckDB) and the distributed one (StarRocks).
 * Feature code builds portable SQL and asks the dialect only for the pieces that differ; it never
 * asks which dialect it runs on.
 */
public interface Dialect {

    /** {@code duckdb} or {@code starrocks}; also the DDL folder under {@code db/}. */
    String name();

    /** Opens the pool for this store, creating whatever must exist first (the data folder). */
    DataSource openDataSource(StoreProperties props);

    /**
     * A small pool for guarded ad-hoc SQL (MCP tools, agents) on the same store. DuckDB allows one
     * process per file and refuses a second, read-only open of it in the same process, so these are
     * further connections to the same database instance; {@link #beginReadOnlyTransaction()} makes
     * them read-only. StarRocks has no read-only transaction: there {@code user} should be an account
     * with SELECT grants only (the main account is used when it is null).
     */
    DataSource openReadOnlyDataSource(StoreProperties props, @Nullable String user, @Nullable String password,
                                      int poolSize);

    /** A statement starting a transaction in which the store refuses every write; empty when it has none. */
    Optional<String> beginReadOnlyTransaction();

    /** Exact-or-approximate percentile of {@code expr}, {@code p} in [0, 1], as an aggregate. */
    String percentile(String expr, double p);

    /**
     * Whole hours from {@code fromExpr} to {@code toExpr} (both timestamps; negative when
     * {@code toExpr} is earlier), as an integer expression.
     */
    String hoursBetween(String fromExpr, String toExpr);

    /**
     * An aggregate concatenating {@code expr} (text) of a group with {@code separator}, in the
     * order of {@code orderBy}: fewer, wider rows where many small ones would cross the wire.
     */
    String stringAgg(String expr, String separator, String orderBy);

    /**
     * The same in no particular order, for callers that order the parts themselves: an ordered
     * aggregate sorts every group, which costs more than the aggregation around it at fleet scale.
     */
    String stringAggUnordered(String expr, String separator);

    /**
     * A whole-number hash of a row's values (each {@code expressions} entry a column or expression of
     * any type; NULL hashes too, and differently from every text), for a fingerprint of a table's
     * content as {@code sum(rowHash(...))}: any change of one of those values changes the sum but
     * for a chance of one in about 2^32 or better. Not for anything that must resist an adversary.
     */
    String rowHash(List<String> expressions);

    /**
     * An aggregate collecting {@code expr} of a group into an array in the order of {@code orderBy},
     * which the JDBC driver hands back as a {@link java.sql.Array} of Java values: no text to format
     * and parse for numbers (a double's shortest text is dear to print and dearer to read back).
     * Arrays of the same group ordered by the same unique key pair up element by element. Empty
     * where the driver hands arrays back as text (StarRocks over the MySQL protocol): callers then
     * aggregate text with {@link #stringAggUnordered}.
     */
    default java.util.Optional<String> arrayAgg(String expr, String orderBy) {
        return java.util.Optional.empty();
    }

    /**
     * A statement that writes what the store's write-ahead log holds into the database file now,
     * when the store has one to run by hand (DuckDB: {@code CHECKPOINT}; otherwise it checkpoints
     * on its own when the log passes a size, in whichever commit crosses it). Empty when the store
     * manages that itself.
     */
    default Optional<String> checkpoint() {
        return Optional.empty();
    }

    /**
     * True when this process is the only one that can write to the store while it runs (DuckDB: one
     * read-write process per database file), so a process may keep in memory what it wrote and trust
     * that no row appeared behind its back. False where several servers share the store (StarRocks).
     */
    default boolean soleWriter() {
        return false;
    }

    /** Text value at a JSON path such as {@code $.labels.cluster}. */
    String jsonString(String jsonExpr, String jsonPath);

    /**
     * Table that takes hourly snapshots written directly (history older than the raw window).
     * On DuckDB that is the snapshot table itself; on StarRocks the snapshot table is a materialized
     * view and direct rows go to a backfill table that the view unions in.
     */
    String snapshotBackfillTable();

    /**
     * A statement that refreshes the hourly snapshots in the store itself, when the store maintains
     * them (a materialized view); empty when the application must refresh them incrementally.
     */
    Optional<String> storeManagedSnapshotRefresh();

    /** Inserts rows, replacing those with the same key. */
    String upsert(String table, List<String> columns, List<String> keyColumns);

    /**
     * {@link #upsert} of {@code rows} rows in one statement (a multi-row VALUES list, which both
     * stores take): parameters row after row. The rows must have distinct keys.
     */
    default String upsert(String table, List<String> columns, List<String> keyColumns, int rows) {
        String tuple = "(" + String.join(", ", Collections.nCopies(columns.size(), "?")) + ")";
        return upsert(table, columns, keyColumns) + (", " + tuple).repeat(Math.max(0, rows - 1));
    }

    /**
     * Inserts rows, silently skipping those whose key already exists (callers check existing keys
     * first where the store cannot skip them itself).
     */
    String insertIfAbsent(String table, List<String> columns);

    /** A bulk writer for generated or imported rows; values must follow the table's column order. */
    TableWriter openWriter(Connection connection, String schema, String table, int columnCount) throws SQLException;

    /**
     * Writes rows with distinct keys over the rows with the same keys, on the caller's connection and
     * transaction, when this store has a cheaper way for many rows than {@link #upsert} statements;
     * false (nothing written) when it has none and the caller should upsert.
     */
    default boolean bulkReplace(Connection connection, String schema, String table, List<String> columns,
                                List<Object[]> rows) throws SQLException {
        return false;
    }
}
