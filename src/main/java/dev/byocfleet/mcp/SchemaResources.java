package dev.byocfleet.mcp;

import dev.byocfleet.sqlguard.ReadOnlySqlService;
import io.modelcontextprotocol.server.McpServerFeatures.SyncResourceSpecification;
import io.modelcontextprotocol.server.McpServerFeatures.SyncResourceTemplateSpecification;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.ReadResourceResult;
import io.modelcontextprotocol.spec.McpSchema.TextResourceContents;
import java.util.List;

/**
 * One MCP resource per readable table ({@code byoc-fleet://tables/<schema>/<table>}): columns, row
 * count and sample rows as JSON. The same URIs also resolve through a resource template.
 */
final class SchemaResources {

    static final String PREFIX = "byoc-fleet://tables/";
    static final String MIME = "application/json";

    private SchemaResources() {
    }

    static List<SyncResourceSpecification> resources(ToolSupport support, ReadOnlySqlService sql) {
        return sql.readableTables().stream().map(table -> {
            String uri = PREFIX + table.replace('.', '/');
            McpSchema.Resource resource = McpSchema.Resource.builder()
                    .uri(uri)
                    .name(table)
                    .title("Table " + table)
                    .description("Columns, row count and sample rows of " + table)
                    .mimeType(MIME)
                    .build();
            return new SyncResourceSpecification(resource, (exchange, request) -> read(support, sql, request.uri()));
        }).toList();
    }

    static List<SyncResourceTemplateSpecification> templates(ToolSupport support, ReadOnlySqlService sql) {
        McpSchema.ResourceTemplate template = McpSchema.ResourceTemplate.builder()
                .uriTemplate(PREFIX + "{schema}/{table}")
                .name("table")
                .title("A readable table")
                .description("Columns, row count and sample rows of one table sql_query may read")
                .mimeType(MIME)
                .build();
        return List.of(new SyncResourceTemplateSpecification(template,
                (exchange, request) -> read(support, sql, request.uri())));
    }

    private static ReadResourceResult read(ToolSupport support, ReadOnlySqlService sql, String uri) {
        if (!uri.startsWith(PREFIX)) {
            throw McpError.builder(McpSchema.ErrorCodes.INVALID_PARAMS).message("Unknown resource " + uri).build();
        }
        String table = uri.substring(PREFIX.length()).replace('/', '.');
        try {
            return new ReadResourceResult(List.of(new TextResourceContents(uri, MIME,
                    support.toJson(sql.tableOverview(table)))));
        } catch (RuntimeException e) {
            throw McpError.builder(McpSchema.ErrorCodes.INVALID_PARAMS)
                    .message("Cannot read " + uri + ": " + e.getMessage()).build();
        }
    }
}
