package dev.byocfleet.sqlguard;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Rows of a guarded statement. Values are JSON-ready: numbers, strings, booleans, ISO-8601 times,
 * JSON columns as their text.
 *
 * @param sql           the statement as executed (rendered by the guard)
 * @param rowLimit      the LIMIT the guard put in place; null for SHOW/DESCRIBE/EXPLAIN
 * @param limitReached  as many rows as the limit: there may be more
 * @param truncated     reading stopped at the byte cap (or, without a LIMIT, at the row cap), so the
 *                      statement produced more rows than these
 */
public record QueryResult(
        String sql,
        List<Column> columns,
        List<List<@Nullable Object>> rows,
        int rowCount,
        @Nullable Integer rowLimit,
        boolean limitReached,
        boolean truncated,
        long elapsedMs) {

    public record Column(String name, String type) {
    }
}
