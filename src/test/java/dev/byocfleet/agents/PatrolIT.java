package dev.byocfleet.agents;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import dev.byocfleet.agents.PatrolReport.Delivery;
import dev.byocfleet.agents.PatrolReport.Findings;
import dev.byocfleet.agents.PatrolReport.ProblemCluster;
import dev.byocfleet.agents.PatrolReport.Progress;
import dev.byocfleet.analysis.AnalysisService;
import dev.byocfleet.auth.Role;
import dev.byocfleet.health.HealthService;
import dev.byocfleet.risk.RiskService;
import dev.byocfleet.settings.ChannelKind;
import dev.byocfleet.settings.ChannelMessages.ChannelRequest;
import dev.byocfleet.settings.ChannelService;
import dev.byocfleet.support.GroundTruthFile;
import dev.byocfleet.support.LocalHttpServer;
import dev.byocfleet.support.ScoredFleetTestBase;
import dev.byocfleet.support.SignedIn;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The Patrol's scan over the generated tiny fleet (a disk filling up at the end): risk counts,
 * movers, clusters in trouble with reasons, the diff with the previous report, the Markdown, and
 * the Lark card posted to a local server. Each test runs as of its own hour, so "previous" is
 * the report the test means.
 */
class PatrolIT extends ScoredFleetTestBase {

    private static final String HOOK = "/open-apis/bot/v2/hook/patrol";

    @Autowired
    private Patrol patrol;
    @Autowired
    private PatrolRepository reports;
    @Autowired
    private RiskService risk;
    @Autowired
    private HealthService health;
    @Autowired
    private AnalysisService analysis;
    @Autowired
    private ChannelService channels;

    private String diskCluster() {
        return GroundTruthFile.byScenario(groundTruth(), "api-disk").clusterId();
    }

    @Test
    void scanCountsEveryScoredClusterAndListsTheDiskClusterInTroubleWithItsReasons() {
        PatrolReport report = patrol.run(AS_OF, "test");

        assertThat(report.status()).isEqualTo("done");
        assertThat(report.findings().progress()).isEqualTo(new Progress(Patrol.STEPS, Patrol.STEPS, "done"));
        Map<String, Integer> counts = report.findings().riskCounts();
        assertThat(counts).containsKeys("critical", "high", "medium", "low");
        assertThat(counts.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(risk.distribution().clusters())
                .isPositive();
        var fleet = health.fleet();
        assertThat(report.findings().scoreHistogram().stream().mapToInt(PatrolReport.Bucket::count).sum())
                .isEqualTo(fleet.scored()).isPositive();
        assertThat(report.findings().averageScore()).isEqualTo(fleet.averageScore());
        assertThat(report.findings().medianScore()).isEqualTo(fleet.medianScore());

        ProblemCluster disk = report.problemClusters().stream().filter(p -> p.clusterId().equals(diskCluster()))
                .findFirst().orElseThrow();
        assertThat(disk.riskLevel()).isIn("critical", "high");
        assertThat(disk.reasons()).isNotEmpty().anyMatch(r -> r.toLowerCase().contains("disk"));
        assertThat(report.problemClusters()).allSatisfy(p -> assertThat(p.reasons()).isNotEmpty());
        int troubled = counts.get("critical") + counts.get("high");
        assertThat(report.problemClusters()).hasSize(Math.min(troubled, Patrol.MAX_PROBLEMS));

        assertThat(report.findings().movers()).anySatisfy(m -> {
            assertThat(m.clusterId()).isEqualTo(diskCluster());
            assertThat(m.change()).isNegative();
        });
        assertThat(report.summary()).contains("## Fleet patrol", "Rules mode", "### Clusters in trouble (" + report.problemClusters().size() + ")",
                disk.clusterName());
        PatrolReport stored = reports.find(report.reportId()).orElseThrow();
        assertThat(stored.status()).isEqualTo("done");
        assertThat(stored.summary()).isEqualTo(report.summary());
        assertThat(stored.problemClusters()).isEqualTo(report.problemClusters());
        assertThat(stored.findings().riskCounts()).isEqualTo(counts);
    }

    @Test
    void diffShowsRiskDeltasNewlyTroubledAndRecoveredClustersSinceThePreviousReport() {
        LocalDateTime before = AS_OF.plusHours(10);
        Map<String, Integer> oldCounts = new LinkedHashMap<>(Map.of("critical", 0, "high", 1, "medium", 0, "low", 2));
        PatrolReport previous = new PatrolReport("p-previous", before, before.plusMinutes(1), "rules", "done", "old", List.of(
                new ProblemCluster("c-gone", "gone-cluster", "B", "high", 55.0, List.of("was slow"))), List.of(), null,
                new Findings(new Progress(8, 8, "done"), "test", oldCounts, 90.0, 91.0, List.of(), List.of(), List.of(),
                        null, 0, null), "rules", null);
        reports.save(previous);

        PatrolReport report = patrol.run(AS_OF.plusHours(11), "test");

        PatrolReport.Changes changes = report.changes();
        assertThat(changes.previousReportId()).isEqualTo("p-previous");
        assertThat(changes.recoveredClusters()).containsExactly("c-gone");
        assertThat(changes.newProblemClusters()).containsExactlyElementsOf(
                report.problemClusters().stream().map(ProblemCluster::clusterId).sorted().toList()).contains(diskCluster());
        report.findings().riskCounts().forEach((level, n) ->
                assertThat(changes.riskCountDelta()).containsEntry(level, n - oldCounts.get(level)));
        assertThat(changes.averageScoreDelta())
                .isEqualTo(Math.round((report.findings().averageScore() - 90.0) * 10) / 10.0);
        assertThat(report.summary()).contains("recovered: [c-gone]");

        AgentMessages.PatrolDiff diff = patrol.diff(report.reportId());
        assertThat(diff.previous().reportId()).isEqualTo("p-previous");
        assertThat(diff.changes()).isEqualTo(changes);
    }

    @Test
    void larkCardIsPostedAndItsOutcomeRecordedAsDeliveredPermanentOrTemporary() {
        try (LocalHttpServer lark = new LocalHttpServer()) {
            Patrol posting = patrolPostingTo(channel(lark.url(HOOK)));

            lark.answer(HOOK, 200, "{\"code\": 0, \"msg\": \"success\", \"data\": {}}");
            Delivery ok = posting.run(AS_OF.plusHours(20), "test").findings().delivery();
            assertThat(ok.delivered()).isTrue();
            String body = lark.lastReceived().body();
            assertThat(JsonPath.<String>read(body, "$.msg_type")).isEqualTo("interactive");
            assertThat(body).contains("BYOC Fleet patrol", "**Clusters in trouble").doesNotContain("### ");

            lark.answer(HOOK, 200, "{\"code\": 19024, \"msg\": \"Key Words Not Found\"}");
            Delivery refused = posting.run(AS_OF.plusHours(21), "test").findings().delivery();
            assertThat(refused.delivered()).isFalse();
            assertThat(refused.retryable()).isFalse();
            assertThat(refused.code()).isEqualTo(19024);

            lark.answer(HOOK, 503, "");
            Delivery down = posting.run(AS_OF.plusHours(22), "test").findings().delivery();
            assertThat(down.delivered()).isFalse();
            assertThat(down.retryable()).isTrue();
            assertThat(down.httpStatus()).isEqualTo(503);
            assertThat(lark.received()).hasSize(3);
        }
    }

    @Test
    void anUnreachableLarkIsATemporaryFailureAndTheReportStillFinishes() {
        String url;
        try (LocalHttpServer gone = new LocalHttpServer()) {
            url = gone.url(HOOK);
        }
        PatrolReport report = patrolPostingTo(channel(url)).run(AS_OF.plusHours(23), "test");

        assertThat(report.status()).isEqualTo("done");
        assertThat(report.findings().delivery().delivered()).isFalse();
        assertThat(report.findings().delivery().retryable()).isTrue();
    }

    private String channel(String url) {
        try (var admin = SignedIn.as(Role.ADMIN)) {
            return channels.create(new ChannelRequest("patrol room", ChannelKind.LARK_BOT, url, null, null, true, null))
                    .channelId();
        }
    }

    private Patrol patrolPostingTo(String channelId) {
        return new Patrol(reports, risk, health, analysis, channels,
                new AgentsProperties(false, null, null, null, null, null, null, null, null, channelId));
    }
}
