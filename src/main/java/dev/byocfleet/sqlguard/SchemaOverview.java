package dev.byocfleet.sqlguard;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** The readable tables of one schema or all three, like the StarRocks MCP server's db_summary. */
public record SchemaOverview(List<TableSummary> tables) {

    /**
     * @param rows exact row count; null when counting took longer than the statement timeout
     */
    public record TableSummary(String schema, String table, String kind, int columns, @Nullable Long rows) {
    }
}
