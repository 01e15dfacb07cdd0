package dev.byocfleet.health;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import dev.byocfleet.support.GroundTruthFile;
import dev.byocfleet.support.ScoredFleetTestBase;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/** The health API over a generated tiny fleet with a disk filling up at the end of the data. */
class HealthControllerIT extends ScoredFleetTestBase {

    private String diskCluster() {
        return GroundTruthFile.byScenario(groundTruth(), "api-disk").clusterId();
    }

    @Test
    void fleetCountsEveryClusterByStatusWithAHistogramAndMovers() {
        String body = body("/api/health/fleet");
        assertThat(JsonPath.<String>read(body, "$.as_of")).isEqualTo(AS_OF.toString() + ":00");
        int clusters = JsonPath.read(body, "$.clusters");
        int scored = JsonPath.read(body, "$.scored");
        Map<String, Integer> byStatus = JsonPath.read(body, "$.by_status");
        assertThat(byStatus).containsOnlyKeys("healthy", "warning", "critical", "no_data");
        assertThat(byStatus.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(clusters);
        assertThat(clusters - byStatus.get("no_data")).isEqualTo(scored);
        List<Integer> counts = JsonPath.read(body, "$.histogram[*].count");
        assertThat(counts).hasSize(10);
        assertThat(counts.stream().mapToInt(Integer::intValue).sum()).isEqualTo(scored);
        assertThat(JsonPath.<String>read(body, "$.compared_with")).isEqualTo(AS_OF.minusHours(24) + ":00");
        assertThat(JsonPath.<List<String>>read(body, "$.movers.drops[*].cluster_id")).contains(diskCluster());
        assertThat(JsonPath.<Map<String, Object>>read(body, "$.dimension_averages"))
                .containsKeys("availability", "resources", "query", "ingestion", "stability", "alert_pressure");
    }

    @Test
    void clusterHasItsNewestScoreWithTheExplanationAndTheHistory() {
        String body = body("/api/health/clusters/" + diskCluster());
        assertThat(JsonPath.<Double>read(body, "$.latest.score")).isLessThan(80.0);
        assertThat(JsonPath.<String>read(body, "$.latest.scored_at")).isEqualTo(AS_OF + ":00");
        List<Map<String, Object>> disk = JsonPath.read(body, "$.latest.explanation.factors[?(@.metric == 'disk_used_pct')]");
        assertThat(disk).singleElement().satisfies(f -> {
            assertThat(f).containsEntry("dimension", "resources").containsEntry("warn", 80.0).containsEntry("crit", 90.0)
                    .containsEntry("band", "critical").containsKeys("value", "hours_bad", "hours_crit", "points_lost");
            assertThat(f).doesNotContainKey("describe");
            assertThat((Double) f.get("value")).isGreaterThanOrEqualTo(90.0);
        });
        // the scoring pass filled the previous 24 hours
        assertThat(JsonPath.<List<Object>>read(body, "$.history")).hasSize(25);
        assertThat(JsonPath.<List<Object>>read(body("/api/health/clusters/" + diskCluster() + "?hours=6"), "$.history"))
                .hasSize(6);
    }

    @Test
    void whySaysTheScoreAndItsCostliestFactorsInPlainLanguage() {
        String body = body("/api/health/clusters/" + diskCluster() + "/why");
        assertThat(JsonPath.<String>read(body, "$.headline")).startsWith("Score ").contains("resources");
        List<String> texts = JsonPath.read(body, "$.reasons[*].text");
        assertThat(texts).isNotEmpty().anySatisfy(t -> assertThat(t).startsWith("disk_used_pct reached"));
        assertThat(JsonPath.<List<Double>>read(body, "$.reasons[*].points_lost")).isSortedAccordingTo((a, b) -> Double.compare(b, a));
    }

    @Test
    void diffSince24HoursAgoListsWhatGotWorse() {
        String body = body("/api/health/clusters/" + diskCluster() + "/diff");
        assertThat(JsonPath.<Double>read(body, "$.score_change")).isNegative();
        assertThat(JsonPath.<String>read(body, "$.from.scored_at")).isEqualTo(AS_OF.minusHours(24) + ":00");
        assertThat(JsonPath.<List<String>>read(body, "$.worse[*].metric")).contains("disk_used_pct");
        assertThat(JsonPath.<String>read(body, "$.summary")).startsWith("Score fell");
        String explicit = body("/api/health/clusters/" + diskCluster() + "/diff?from=" + AS_OF.minusHours(6) + "&to=" + AS_OF);
        assertThat(JsonPath.<String>read(explicit, "$.from.scored_at")).isEqualTo(AS_OF.minusHours(6) + ":00");
    }

    @Test
    void badRequestsAreProblemsNamingTheParameter() {
        get("/api/health/clusters/" + diskCluster() + "/diff?from=" + AS_OF + "&to=" + AS_OF.minusHours(2))
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.parameter").isEqualTo("from");
        get("/api/health/clusters/" + diskCluster() + "?hours=0").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.parameter").isEqualTo("hours");
        get("/api/health/clusters/" + "x".repeat(65)).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.parameter").isEqualTo("id");
        get("/api/health/clusters/c-no-such/why").expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        get("/api/health/clusters/" + diskCluster() + "/diff?from=yesterday").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.parameter").isEqualTo("from");
    }

    @Test
    void recomputeScoresTheNewestHourAgainAndSaysWhatItDid() {
        String body = post("/api/health/recompute").expectStatus().isOk().expectBody(String.class).returnResult()
                .getResponseBody();
        assertThat(JsonPath.<String>read(body, "$.as_of")).isEqualTo(AS_OF + ":00");
        assertThat(JsonPath.<Integer>read(body, "$.clusters")).isEqualTo(JsonPath.<Integer>read(body("/api/health/fleet"), "$.clusters"));
        assertThat(JsonPath.<Integer>read(body, "$.backfilled")).isZero();
    }
}
