package dev.byocfleet.sqlguard;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** One readable table: its columns, row count and a few sample rows (table_overview). */
public record TableOverview(String schema, String table, String kind, List<ColumnInfo> columns,
                            @Nullable Long rows, QueryResult sample) {

    public record ColumnInfo(String name, String type, boolean nullable) {
    }
}
