package dev.byocfleet.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.byocfleet.knowledge.KnowledgeIndexAwait;
import dev.byocfleet.knowledge.KnowledgeService;
import dev.byocfleet.support.AppTestBase;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.jdbc.Sql;

/**
 * The MCP server at /mcp through the real MCP Java SDK client over Streamable HTTP: lists the tools
 * and resources and calls every tool against the running application.
 */
@Sql(scripts = "/fleet/fixture.sql", executionPhase = Sql.ExecutionPhase.BEFORE_TEST_CLASS)
class McpServerIT extends AppTestBase {

    static final Set<String> TOOLS = Set.of("fleet_overview", "fleet_clusters", "cluster_profile", "cluster_metrics",
            "knowledge_search", "knowledge_get", "sql_query", "schema_overview", "table_overview", "issues_for_cluster",
            "issue_detail");

    @LocalServerPort
    int port;

    private McpSyncClient client;

    @Autowired
    KnowledgeService knowledge;

    @BeforeEach
    void connect() throws InterruptedException {
        KnowledgeIndexAwait.awaitIndex(knowledge);
        String token = adminToken();
        client = McpClient.sync(HttpClientStreamableHttpTransport.builder("http://localhost:" + port)
                        .endpoint("/mcp")
                        .requestBuilder(java.net.http.HttpRequest.newBuilder().header("Authorization", "Bearer " + token))
                        .build())
                .requestTimeout(Duration.ofSeconds(60))
                .clientInfo(new McpSchema.Implementation("byoc-fleet-it", "1.0"))
                .build();
        McpSchema.InitializeResult init = client.initialize();
        assertThat(init.protocolVersion()).isEqualTo("2025-11-25");
        assertThat(init.serverInfo().name()).isEqualTo("byoc-fleet");
    }

    @AfterEach
    void disconnect() {
        client.closeGracefully();
    }

    private CallToolResult call(String tool, Map<String, Object> arguments) {
        CallToolResult result = client.callTool(new CallToolRequest(tool, arguments));
        assertThat(result.content()).as(tool).isNotEmpty();
        return result;
    }

    private CallToolResult ok(String tool, Map<String, Object> arguments) {
        CallToolResult result = call(tool, arguments);
        assertThat(result.isError()).as("%s: %s", tool, text(result)).isFalse();
        assertThat(result.structuredContent()).as(tool).isNotNull();
        return result;
    }

    private static String text(CallToolResult result) {
        return result.content().stream().filter(TextContent.class::isInstance).map(c -> ((TextContent) c).text())
                .collect(Collectors.joining("\n"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> structured(CallToolResult result) {
        return (Map<String, Object>) result.structuredContent();
    }

    @Test
    void listsEveryToolAsReadOnlyWithASchemaAndDescription() {
        List<McpSchema.Tool> tools = client.listTools().tools();
        assertThat(tools).extracting(McpSchema.Tool::name).containsExactlyInAnyOrderElementsOf(TOOLS);
        for (McpSchema.Tool tool : tools) {
            assertThat(tool.annotations().readOnlyHint()).as(tool.name()).isTrue();
            assertThat(tool.annotations().destructiveHint()).as(tool.name()).isFalse();
            assertThat(tool.description()).as(tool.name()).hasSizeGreaterThan(80);
            assertThat(tool.inputSchema()).as(tool.name()).containsEntry("type", "object").containsKey("properties");
        }
    }

    @Test
    void issuesForClusterListsItsActiveIssuesAndIssueDetailExplainsOne() {
        alerts.store(List.of(alert("firing", "2026-11-28T10:00:00"), alert("firing", "2026-11-28T10:05:00")), "mcp-it");
        Map<String, Object> page = structured(ok("issues_for_cluster", Map.of("cluster_id", "c-001")));
        List<Map<String, Object>> items = (List<Map<String, Object>>) page.get("items");
        assertThat(items).extracting(m -> m.get("alert_name")).containsExactly("BE Service Suspension");
        assertThat(items.getFirst()).containsEntry("severity", "critical").containsEntry("status", "open")
                .containsEntry("alert_count", 1);
        Map<String, Object> detail = structured(ok("issue_detail", Map.of("issue_id", items.getFirst().get("issue_id"))));
        assertThat((Map<String, Object>) detail.get("explanation")).containsKey("why_grouped");
        assertThat((List<?>) detail.get("alerts")).as("two notices of one alert").hasSize(2);
        CallToolResult bad = call("issue_detail", Map.of("issue_id", "twelve"));
        assertThat(bad.isError()).isTrue();
        assertThat(text(bad)).contains("issue_id");
    }

    @Autowired
    dev.byocfleet.ingest.AlertStore alerts;

    /** The same firing BE alert of c-001 (one fingerprint), as a webhook would store it. */
    private static dev.byocfleet.ingest.NormalizedAlert alert(String status, String startsAt) {
        java.time.LocalDateTime start = java.time.LocalDateTime.parse(startsAt);
        return new dev.byocfleet.ingest.NormalizedAlert("alertmanager", "mcp-" + status + "-" + startsAt.hashCode(), "g",
                "fp-mcp", status, "critical", "BE Service Suspension", "c-001", "acme-prod", "10.0.0.1:9050",
                "BE down", null, Map.of(), Map.of(), java.time.LocalDateTime.parse("2026-11-28T10:00:00"), null,
                "fp-mcp", null, start, "parsed", null, "{}");
    }

    @Test
    void fleetOverviewSummarizesTheFleet() {
        Map<String, Object> summary = structured(ok("fleet_overview", Map.of()));
        assertThat(summary).containsEntry("clusters", 5).containsKey("clusters_by_version");
    }

    @Test
    void fleetClustersFiltersLikeTheRestApi() {
        Map<String, Object> page = structured(ok("fleet_clusters", Map.of("tier", "S", "sort", "ccu_7d,desc")));
        assertThat((List<Map<String, Object>>) page.get("items")).extracting(m -> m.get("cluster_id"))
                .containsExactly("c-001", "c-002");
    }

    @Test
    void clusterProfileHasTheControlPlaneRowsAndTheNewestMetrics() {
        Map<String, Object> detail = structured(ok("cluster_profile", Map.of("cluster_id", "c-001")));
        assertThat((Map<String, Object>) detail.get("cluster")).containsEntry("cluster_name", "acme-prod");
        assertThat((List<?>) detail.get("latest_metrics")).isNotEmpty();
        CallToolResult missing = call("cluster_profile", Map.of("cluster_id", "c-none"));
        assertThat(missing.isError()).isTrue();
        assertThat(text(missing)).contains("No cluster with id 'c-none'");
    }

    @Test
    void clusterMetricsReturnsTheHourlySeriesOfTheWindow() {
        Map<String, Object> m = structured(ok("cluster_metrics",
                Map.of("cluster_id", "c-001", "metrics", List.of("cpu_util_pct"), "hours", 6)));
        assertThat(m).containsEntry("cluster_id", "c-001").containsEntry("to", "2025-06-11T05:00:00");
        Map<String, Object> cpu = ((List<Map<String, Object>>) m.get("series")).getFirst();
        assertThat(cpu).containsEntry("metric_name", "cpu_util_pct").containsEntry("band", "warning");
        CallToolResult bad = call("cluster_metrics", Map.of("cluster_id", "c-001", "metrics", List.of("cpu")));
        assertThat(bad.isError()).isTrue();
        assertThat(text(bad)).contains("Invalid argument 'metrics'");
    }

    @Test
    void knowledgeSearchAndGetFindTheStarterCorpus() {
        Map<String, Object> found = structured(ok("knowledge_search",
                Map.of("query", "FE heap grows while stream loads finish", "limit", 3)));
        List<Map<String, Object>> hits = (List<Map<String, Object>>) found.get("hits");
        assertThat(hits).extracting(h -> h.get("doc_id")).contains("sr-ki-012");
        Map<String, Object> bugs = structured(ok("knowledge_search",
                Map.of("kind", "known_bug", "version", "3.3.2", "limit", 50)));
        assertThat((List<Map<String, Object>>) bugs.get("hits")).extracting(h -> h.get("doc_id"))
                .contains("sr-ki-024").doesNotContain("sr-ki-019");
        Map<String, Object> doc = structured(ok("knowledge_get", Map.of("doc_id", "sr-ki-012")));
        assertThat(doc).containsEntry("kind", "known_bug").containsEntry("fixed_versions", List.of("3.3.0"));
        assertThat((String) doc.get("body")).contains("**What to do.**");
    }

    @Test
    void sqlQueryRunsGuardedReadOnlySql() {
        Map<String, Object> r = structured(ok("sql_query", Map.of(
                "sql", "SELECT cluster_id, cluster_name FROM byoc.cluster ORDER BY cluster_id", "max_rows", 2)));
        assertThat(r).containsEntry("row_count", 2).containsEntry("limit_reached", true);
        assertThat((String) r.get("sql")).endsWith("LIMIT 2");
        assertThat((List<List<Object>>) r.get("rows")).first().isEqualTo(List.of("c-001", "acme-prod"));

        CallToolResult refused = call("sql_query", Map.of("sql", "DELETE FROM alerts.issues"));
        assertThat(refused.isError()).isTrue();
        assertThat(text(refused)).contains("statement_type");
        CallToolResult secret = call("sql_query", Map.of("sql", "SELECT password_hash FROM alerts.users"));
        assertThat(text(secret)).contains("table_not_allowed");
    }

    @Test
    void schemaAndTableOverviewDescribeReadableTables() {
        Map<String, Object> schema = structured(ok("schema_overview", Map.of("schema", "byoc")));
        assertThat((List<Map<String, Object>>) schema.get("tables")).extracting(t -> t.get("table"))
                .contains("cluster", "node").doesNotContain("deployment_credential");
        Map<String, Object> table = structured(ok("table_overview", Map.of("table", "byoc.cluster")));
        assertThat(table).containsEntry("rows", 5).containsEntry("kind", "table");
        assertThat((List<Map<String, Object>>) table.get("columns")).extracting(c -> c.get("name"))
                .startsWith("cluster_id");
    }

    @Test
    void tableSchemasAreResources() {
        List<McpSchema.Resource> resources = client.listResources().resources();
        assertThat(resources).extracting(McpSchema.Resource::uri)
                .contains("byoc-fleet://tables/metrics/amv_hourly_snapshots_v1", "byoc-fleet://tables/byoc/cluster")
                .noneMatch(uri -> uri.contains("users"));
        assertThat(client.listResourceTemplates().resourceTemplates()).extracting(McpSchema.ResourceTemplate::uriTemplate)
                .containsExactly("byoc-fleet://tables/{schema}/{table}");
        McpSchema.ReadResourceResult read = client.readResource(
                new McpSchema.ReadResourceRequest("byoc-fleet://tables/byoc/cluster"));
        String json = ((McpSchema.TextResourceContents) read.contents().getFirst()).text();
        assertThat(json).contains("\"cluster_id\"").contains("\"columns\"");
    }
}
