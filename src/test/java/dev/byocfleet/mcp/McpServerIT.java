package dev.byocfleet.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.byocfleet.health.HealthService;
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
import java.time.LocalDateTime;
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
@Sql(scripts = {"/fleet/fixture.sql", "/mcp/alerts.sql"}, executionPhase = Sql.ExecutionPhase.BEFORE_TEST_CLASS)
class McpServerIT extends AppTestBase {

    static final Set<String> TOOLS = Set.of("fleet_overview", "fleet_clusters", "cluster_profile", "cluster_metrics",
            "knowledge_search", "knowledge_get", "sql_query", "schema_overview", "table_overview", "cluster_health",
            "fleet_risk", "cluster_risk", "cluster_alerts", "issues_for_cluster", "issue_detail");

    static final LocalDateTime SCORED_AT = LocalDateTime.of(2025, 6, 11, 6, 0);

    @LocalServerPort
    int port;

    private McpSyncClient client;

    private static boolean scored;

    @Autowired
    KnowledgeService knowledge;

    @Autowired
    HealthService health;

    @BeforeEach
    void connect() throws InterruptedException {
        KnowledgeIndexAwait.awaitIndex(knowledge);
        // scores the fixture fleet at its newest snapshot hour once per class (risk follows the same pass):
        // another class may already have scored that hour on the shared store without this class's alerts
        if (!scored) {
            health.recompute(SCORED_AT);
            scored = true;
        }
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
        awaitGrouping();
        Map<String, Object> page = structured(ok("issues_for_cluster", Map.of("cluster_id", "c-001")));
        // other tests of the shared context may have issues on c-001 too (a prompt-injection alert)
        List<Map<String, Object>> items = ((List<Map<String, Object>>) page.get("items")).stream()
                .filter(m -> "BE Service Suspension".equals(m.get("alert_name"))).toList();
        assertThat(items).as("one issue for the two notices").hasSize(1);
        assertThat(items.getFirst()).containsEntry("severity", "critical").containsEntry("status", "open")
                .containsEntry("alert_count", 1).containsEntry("cluster_id", "c-001");
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

    @Test
    void clusterHealthExplainsTheNewestScore() {
        Map<String, Object> h = structured(ok("cluster_health", Map.of("cluster_id", "c-001", "hours", 6)));
        assertThat(h).containsEntry("cluster_id", "c-001").containsEntry("cluster_name", "acme-prod");
        assertThat((String) h.get("headline")).startsWith("Score ");
        Map<String, Object> latest = (Map<String, Object>) ((Map<String, Object>) h.get("health")).get("latest");
        assertThat(latest).containsEntry("scored_at", "2025-06-11T06:00:00").containsKey("explanation");
        assertThat((Map<String, Object>) ((Map<String, Object>) latest.get("explanation")).get("dimensions"))
                .containsKeys("availability", "resources", "alert_pressure");
        // the critical Data Disk alert firing on c-001 (mcp/alerts.sql) costs alert-pressure points
        assertThat((List<Map<String, Object>>) h.get("reasons")).extracting(r -> r.get("metric")).contains("alerts_critical");
        CallToolResult missing = call("cluster_health", Map.of("cluster_id", "c-none"));
        assertThat(missing.isError()).isTrue();
        assertThat(text(missing)).contains("c-none");
        CallToolResult bad = call("cluster_health", Map.of("cluster_id", "c-001", "hours", 0));
        assertThat(bad.isError()).isTrue();
        assertThat(text(bad)).contains("hours");
    }

    @Test
    void riskToolsGiveTheFleetDistributionAndOneCluster() {
        Map<String, Object> fleet = structured(ok("fleet_risk", Map.of("level", "critical,high,medium,low")));
        Map<String, Object> distribution = (Map<String, Object>) fleet.get("distribution");
        // the four clusters that are not released
        assertThat(distribution).containsEntry("as_of", "2025-06-11T06:00:00").containsEntry("clusters", 4);
        assertThat(((Map<String, Integer>) distribution.get("by_level")).values().stream().mapToInt(Integer::intValue)
                .sum()).isEqualTo(4);
        Map<String, Object> riskiest = (Map<String, Object>) fleet.get("riskiest");
        assertThat((List<Map<String, Object>>) riskiest.get("items")).hasSize(4)
                .allSatisfy(i -> assertThat((List<?>) i.get("reasons")).isNotNull());

        Map<String, Object> one = structured(ok("cluster_risk", Map.of("cluster_id", "c-001")));
        assertThat(one).containsEntry("cluster_id", "c-001").containsEntry("snapshot_hour", "2025-06-11T06:00:00")
                .containsKeys("risk_level", "risk_score", "factors");
        assertThat(one.get("risk_level")).isIn("critical", "high", "medium", "low");
        assertThat(text(call("cluster_risk", Map.of("cluster_id", "c-none")))).contains("No cluster with id 'c-none'");
        assertThat(text(call("fleet_risk", Map.of("level", "severe")))).contains("Invalid argument 'level'");
    }

    @Test
    void clusterAlertsListsTheRecentWindowNewestFirst() {
        Map<String, Object> day = structured(ok("cluster_alerts", Map.of("cluster_id", "c-001",
                "end", "2025-06-11T06:00:00Z")));
        assertThat(day).containsEntry("from", "2025-06-10T06:00:00").containsEntry("to", "2025-06-11T06:00:00")
                .containsEntry("total", 2);
        assertThat((List<Map<String, Object>>) day.get("alerts")).extracting(a -> a.get("message_id"))
                .containsExactly("mcp-it-1", "mcp-it-2");
        Map<String, Object> critical = structured(ok("cluster_alerts", Map.of("cluster_id", "c-001",
                "end", "2025-06-11T06:00:00", "hours", 72, "severity", "critical")));
        assertThat((List<Map<String, Object>>) critical.get("alerts")).extracting(a -> a.get("alert_name"))
                .containsExactly("Data Disk");
        Map<String, Object> threeDays = structured(ok("cluster_alerts", Map.of("cluster_id", "c-001",
                "end", "2025-06-11T06:00:00", "hours", 72, "limit", 1)));
        assertThat(threeDays).containsEntry("total", 3).containsEntry("returned", 1);
        // the SDK checks the schema's bounds before the tool runs; either way the answer names the argument
        CallToolResult tooLong = call("cluster_alerts", Map.of("cluster_id", "c-001", "hours", 10_000));
        assertThat(tooLong.isError()).isTrue();
        assertThat(text(tooLong)).contains("hours");
        assertThat(text(call("cluster_alerts", Map.of("cluster_id", "c-001", "severity", "fatal"))))
                .contains("Invalid argument 'severity'");
        assertThat(text(call("cluster_alerts", Map.of("cluster_id", "c-001", "end", "yesterday"))))
                .contains("Invalid argument 'end'");
    }
}
