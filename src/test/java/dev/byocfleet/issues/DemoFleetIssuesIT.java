package dev.byocfleet.issues;

import static org.assertj.core.api.Assertions.assertThat;

import dev.byocfleet.demo.DemoGenerator;
import dev.byocfleet.demo.GenerateOptions;
import dev.byocfleet.demo.Preset;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demo preset, grouped as the generator's Lark pages are loaded: every alert a scenario
 * incident raised is in an issue of its cluster and alert name, incidents with critical alerts have
 * a critical issue, incidents that ended are resolved and ongoing ones are not, and issues made of
 * background noise alone (and the false alarm) are never critical.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
        "byoc.demo.preset=none",
        "byoc.metrics.refresh-enabled=false",
        "byoc.health.schedule-enabled=false",
        "byoc.analysis.schedule-enabled=false",
        "byoc.issues.schedule-enabled=false"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoFleetIssuesIT {

    static final LocalDateTime END = LocalDateTime.of(2026, 11, 29, 0, 0);
    private static final Path DATA_DIR = tempDir();

    @Autowired
    DemoGenerator generator;
    @Autowired
    JdbcTemplate jdbc;

    /** An alert the ground truth says an incident raised. */
    record TruthAlert(String scenarioId, String kind, String clusterId, String name, LocalDateTime startsAt) {}

    record Incident(String scenarioId, String kind, String clusterId, LocalDateTime start, LocalDateTime end,
                    List<TruthAlert> alerts) {}

    private final List<Incident> incidents = new ArrayList<>();

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        registry.add("byoc.store.data-dir", DATA_DIR::toString);
    }

    @BeforeAll
    void generate() throws IOException {
        generator.generate(new GenerateOptions(Preset.DEMO, 42, END, List.of(), false, null));
        JsonNode root = JsonMapper.builder().build().readTree(Files.readString(DATA_DIR.resolve("ground-truth.json")));
        for (JsonNode i : root.get("incidents")) {
            List<TruthAlert> alerts = new ArrayList<>();
            for (JsonNode a : i.get("alerts")) {
                String[] parts = a.asString().split(" @ ");
                alerts.add(new TruthAlert(i.get("scenario_id").asString(), i.get("kind").asString(),
                        i.get("cluster_id").asString(), parts[0], LocalDateTime.parse(parts[1])));
            }
            incidents.add(new Incident(i.get("scenario_id").asString(), i.get("kind").asString(),
                    i.get("cluster_id").asString(), LocalDateTime.parse(i.get("start").asString()),
                    LocalDateTime.parse(i.get("end").asString()), alerts));
        }
    }

    /** The issue holding the firing alert of this cluster and name that started at this time (to the minute). */
    private List<Map<String, Object>> issuesOf(TruthAlert a) {
        return jdbc.queryForList("""
                SELECT DISTINCT i.issue_id, i.severity, i.status, i.grouping_key FROM alerts.issue_alerts g
                JOIN alerts.lark_alerts l ON l.message_id = g.message_id
                JOIN alerts.issues i ON i.issue_id = g.issue_id
                WHERE l.cluster_id = ? AND l.alert_name = ? AND l.status = 'firing'
                  AND l.starts_at >= ? AND l.starts_at < ?""", a.clusterId(), a.name(),
                a.startsAt().withSecond(0).withNano(0), a.startsAt().withSecond(0).withNano(0).plusMinutes(1));
    }

    @Test
    void everyIncidentAlertIsInAnIssueOfItsClusterAndAlertName() {
        List<TruthAlert> all = incidents.stream().filter(i -> !i.kind().equals("no_incident"))
                .flatMap(i -> i.alerts().stream()).toList();
        assertThat(incidents).extracting(Incident::scenarioId).contains("demo-disk-tier-s", "demo-be-oom", "demo-node-failure");
        assertThat(all).hasSizeGreaterThan(20);
        for (TruthAlert a : all) {
            List<Map<String, Object>> issues = issuesOf(a);
            assertThat(issues).as("%s: %s @ %s", a.scenarioId(), a.name(), a.startsAt()).hasSize(1);
            assertThat(issues.getFirst().get("grouping_key"))
                    .isEqualTo("cluster=" + a.clusterId() + "|alert_name=" + a.name());
        }
    }

    @Test
    void incidentsWithCriticalAlertsHaveACriticalIssueAndEndedOnesAreResolved() {
        for (Incident inc : incidents) {
            if (inc.kind().equals("no_incident") || inc.alerts().isEmpty()) {
                continue;
            }
            List<Map<String, Object>> issues = inc.alerts().stream().flatMap(a -> issuesOf(a).stream()).distinct().toList();
            Set<String> critical = new HashSet<>(jdbc.queryForList("""
                    SELECT DISTINCT l.alert_name FROM alerts.lark_alerts l WHERE l.cluster_id = ? AND l.severity = 'critical'
                      AND l.starts_at >= ? AND l.starts_at <= ?""", String.class, inc.clusterId(), inc.start().minusMinutes(1),
                    inc.end()));
            if (inc.alerts().stream().anyMatch(a -> critical.contains(a.name()))) {
                assertThat(issues).as(inc.scenarioId()).anySatisfy(i -> assertThat(i.get("severity")).isEqualTo("critical"));
            }
            if (inc.end().isBefore(END.minusHours(1))) {
                assertThat(issues).as("%s ended at %s", inc.scenarioId(), inc.end())
                        .allSatisfy(i -> assertThat(i.get("status")).isIn("resolved", "closed"));
            }
            if (!inc.end().isBefore(END)) {
                assertThat(issues).as("%s goes on", inc.scenarioId())
                        .anySatisfy(i -> assertThat(i.get("status")).isEqualTo("open"));
            }
        }
    }

    @Test
    void noiseAndTheFalseAlarmOpenNoCriticalIssue() {
        Set<String> incidentAlerts = new HashSet<>();
        incidents.stream().filter(i -> !i.kind().equals("no_incident")).flatMap(i -> i.alerts().stream())
                .forEach(a -> incidentAlerts.add(a.clusterId() + "|" + a.name() + "|" + a.startsAt().withSecond(0).withNano(0)));
        List<Map<String, Object>> firing = jdbc.queryForList("""
                SELECT g.issue_id, i.severity, l.cluster_id, l.alert_name, l.starts_at FROM alerts.issue_alerts g
                JOIN alerts.lark_alerts l ON l.message_id = g.message_id JOIN alerts.issues i ON i.issue_id = g.issue_id
                WHERE l.status = 'firing'""");
        Map<Object, List<Map<String, Object>>> byIssue = new java.util.HashMap<>();
        firing.forEach(r -> byIssue.computeIfAbsent(r.get("issue_id"), k -> new ArrayList<>()).add(r));
        int noiseIssues = 0;
        for (List<Map<String, Object>> rows : byIssue.values()) {
            boolean noise = rows.stream().noneMatch(r -> incidentAlerts.contains(r.get("cluster_id") + "|" + r.get("alert_name")
                    + "|" + ((java.sql.Timestamp) r.get("starts_at")).toLocalDateTime().withSecond(0).withNano(0)));
            if (noise) {
                noiseIssues++;
                assertThat(rows.getFirst().get("severity")).as("noise issue %s", rows).isNotEqualTo("critical");
            }
        }
        assertThat(noiseIssues).as("the demo has background noise").isGreaterThan(10);
        Incident falseAlarm = incidents.stream().filter(i -> i.scenarioId().equals("demo-false-alarm")).findFirst().orElseThrow();
        assertThat(falseAlarm.alerts()).isNotEmpty();
        falseAlarm.alerts().forEach(a -> assertThat(issuesOf(a)).allSatisfy(i -> assertThat(i.get("severity")).isNotEqualTo("critical")));
    }

    @Autowired
    dev.byocfleet.issues.ai.AiIssueService aiIssues;
    @Autowired
    IssueService issueService;

    @Test
    void theListNamesEveryIssuesClusterOrganizationAndTierAsTheStoresJoinsDo() {
        Map<Long, List<Object>> joined = new java.util.HashMap<>();
        jdbc.query("""
                SELECT i.issue_id, c.cluster_name, o.org_name, p.tier FROM alerts.issues i
                LEFT JOIN byoc.cluster c ON c.cluster_id = i.cluster_id
                LEFT JOIN byoc.account a ON a.account_id = c.account_id
                LEFT JOIN byoc.organization o ON o.org_id = a.org_id
                LEFT JOIN metrics.dim_customer_profile p ON p.org_id = a.org_id""",
                (java.sql.ResultSet rs) -> {
                    joined.put(rs.getLong(1), java.util.Arrays.asList(rs.getString(2), rs.getString(3), rs.getString(4)));
                });
        List<IssueSummary> listed;
        try (var viewer = dev.byocfleet.support.SignedIn.as(dev.byocfleet.auth.Role.VIEWER)) {
            listed = issueService.issues(IssueQuery.of(0, IssueQuery.MAX_SIZE, null, null, null, null, null, null,
                    null, null)).items();
            assertThat(listed).isNotEmpty();
            for (IssueSummary s : listed) {
                assertThat(java.util.Arrays.asList(s.clusterName(), s.orgName(), s.tier())).as("issue %d", s.issueId())
                        .isEqualTo(joined.get(s.issueId()));
                assertThat(issueService.find(s.issueId()).orElseThrow()).isEqualTo(s);
                // the detail's row is made from the issue it loads, its related issues' rows are read
                IssueDetail detail = issueService.issue(s.issueId());
                assertThat(detail.issue()).isEqualTo(s);
                assertThat(detail.related()).allSatisfy(r -> assertThat(r).isEqualTo(issueService.find(r.issueId()).orElseThrow()));
            }
        }
        assertThat(listed).anySatisfy(s -> assertThat(s.clusterName()).isNotNull());
        assertThat(listed).anySatisfy(s -> assertThat(s.tier()).isNotNull());
    }

    @Test
    void aiIssuesGroupIssuesAcrossClustersWithStableIds() {
        var first = aiIssues.recompute(END);
        List<Map<String, Object>> groups = jdbc.queryForList(
                "SELECT ai_issue_id, CAST(clusters AS VARCHAR) AS clusters, summary, summary_source, suggested_next_step "
                        + "FROM alerts.ai_issues WHERE active ORDER BY ai_issue_id");
        assertThat(first.groups()).isPositive().isEqualTo(groups.size());
        assertThat(groups).allSatisfy(g -> {
            assertThat(((String) g.get("clusters")).split(",")).hasSizeGreaterThanOrEqualTo(2);
            assertThat((String) g.get("summary")).contains("clusters (");
            assertThat(g.get("summary_source")).isEqualTo("template");
            assertThat((String) g.get("suggested_next_step")).isNotBlank();
        });
        assertThat(jdbc.queryForObject("SELECT count(*) FROM alerts.issues WHERE ai_issue_id IS NOT NULL", Integer.class))
                .isGreaterThanOrEqualTo(2 * groups.size());

        aiIssues.recompute(END);
        assertThat(jdbc.queryForList("SELECT ai_issue_id FROM alerts.ai_issues WHERE active ORDER BY ai_issue_id", String.class))
                .isEqualTo(groups.stream().map(g -> (String) g.get("ai_issue_id")).toList());
    }

    private static Path tempDir() {
        try {
            Path dir = Files.createTempDirectory("byoc-demo-issues-");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try (var files = Files.walk(dir)) {
                    files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                } catch (IOException ignored) {
                    // a leftover temp folder is harmless
                }
            }));
            return dir;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
