package dev.byocfleet.mcp;

import dev.byocfleet.sqlguard.ReadOnlySqlService;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import java.util.List;

/** sql_query, schema_overview and table_overview over {@link ReadOnlySqlService}. */
final class SqlTools {

    private SqlTools() {
    }

    static List<SyncToolSpecification> tools(ToolSupport support, ReadOnlySqlService sql) {
        int maxRows = sql.limits().maxRows();
        return List.of(
                support.readOnlyTool("sql_query", "Run read-only SQL", """
                        Run one read-only SQL statement on the fleet store (DuckDB or StarRocks) and get rows back. \
                        Allowed: a single SELECT or WITH (every CTE a SELECT), SHOW TABLES, SHOW DATABASES, DESCRIBE \
                        schema.table, EXPLAIN SELECT. Every table must be written schema.table and be readable (see \
                        schema_overview); table functions, INTO, FOR UPDATE, parameters, hints and functions outside a \
                        read-only allow-list are refused with the rule that refused them. A LIMIT of at most max_rows \
                        is added or enforced; long statements are cancelled after the timeout and large results are \
                        cut at a byte cap (truncated=true). Use portable SQL: date_trunc('hour', ts), INTERVAL 24 HOUR, \
                        window functions, CTEs. Key tables: metrics.amv_hourly_snapshots_v1 (hourly metrics per \
                        cluster), metrics.metric_dictionary, byoc.cluster, byoc.node, alerts.lark_alerts, alerts.issues.""",
                        """
                        {"type": "object", "properties": {
                          "sql": {"type": "string", "description": "One read-only statement"},
                          "max_rows": {"type": "integer", "minimum": 1, "maximum": %d,
                                       "description": "Rows wanted (default %d)"}
                        }, "required": ["sql"], "additionalProperties": false}""".formatted(maxRows,
                                sql.limits().defaultRows()),
                        args -> sql.query(args.requiredString("sql"), args.integer("max_rows"))),
                support.readOnlyTool("schema_overview", "Readable tables", """
                        List the tables and views sql_query may read, with their kind, column count and exact row \
                        count (like db_summary of the StarRocks MCP server). The three schemas are metrics (telemetry \
                        and hourly snapshots), byoc (control-plane replica: organizations, clusters, nodes, billing) \
                        and alerts (alerts, issues, scores, agents, knowledge).""",
                        """
                        {"type": "object", "properties": {
                          "schema": {"type": "string", "enum": ["metrics", "byoc", "alerts"],
                                     "description": "Only this schema (default: all three)"}
                        }, "additionalProperties": false}""",
                        args -> sql.schemaOverview(args.string("schema"))),
                support.readOnlyTool("table_overview", "Describe one table", """
                        Describe one readable table or view: columns with types and nullability, exact row count and \
                        three sample rows (like table_overview of the StarRocks MCP server).""",
                        """
                        {"type": "object", "properties": {
                          "table": {"type": "string", "description": "schema.table, for example metrics.amv_hourly_snapshots_v1"}
                        }, "required": ["table"], "additionalProperties": false}""",
                        args -> sql.tableOverview(args.requiredString("table"))));
    }
}
