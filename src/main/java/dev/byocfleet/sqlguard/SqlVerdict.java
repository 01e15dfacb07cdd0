package dev.byocfleet.sqlguard;

import java.util.List;

/** What the guard decided about one SQL text. */
public sealed interface SqlVerdict {

    /**
     * The statement may run, as {@code sql}: the parsed statement rendered again (comments dropped,
     * row limit added or clamped), which is exactly what will be executed.
     *
     * @param statementType select, show, describe or explain
     * @param tables        the tables read, {@code schema.table}
     * @param rowLimit      the LIMIT the statement carries after the guard, null for SHOW/DESCRIBE/EXPLAIN
     */
    record Allowed(String sql, String statementType, List<String> tables, Integer rowLimit) implements SqlVerdict {
    }

    /**
     * The statement may not run.
     *
     * @param rule   a stable code for the rule that refused it ({@code table_not_allowed}, ...)
     * @param reason a sentence saying what to change
     */
    record Rejected(String rule, String reason) implements SqlVerdict {
    }
}
