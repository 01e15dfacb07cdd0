package dev.byocfleet.risk;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import dev.byocfleet.support.GroundTruthFile;
import dev.byocfleet.support.ScoredFleetTestBase;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The risk and critical-clusters API over a generated tiny fleet with a disk filling up at the end. */
class RiskControllerIT extends ScoredFleetTestBase {

    private String diskCluster() {
        return GroundTruthFile.byScenario(groundTruth(), "api-disk").clusterId();
    }

    @Test
    void distributionCountsLevelsOverallAndByTierRegionVersionAndType() {
        String body = body("/api/risk");
        assertThat(JsonPath.<String>read(body, "$.as_of")).isEqualTo(AS_OF + ":00");
        int clusters = JsonPath.read(body, "$.clusters");
        Map<String, Integer> byLevel = JsonPath.read(body, "$.by_level");
        assertThat(byLevel).containsOnlyKeys("critical", "high", "medium", "low");
        assertThat(byLevel.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(clusters);
        for (String breakdown : List.of("by_tier", "by_region", "by_version", "by_cluster_type")) {
            Map<String, Map<String, Integer>> m = JsonPath.read(body, "$." + breakdown);
            assertThat(m).as(breakdown).isNotEmpty();
            assertThat(m.values().stream().flatMap(v -> v.values().stream()).mapToInt(Integer::intValue).sum())
                    .as(breakdown).isEqualTo(clusters);
            m.values().forEach(levels -> assertThat(levels).containsOnlyKeys("critical", "high", "medium", "low"));
        }
        assertThat(JsonPath.<Map<String, Object>>read(body, "$.by_version").keySet()).allMatch(v -> v.matches("\\d+\\.\\d+|unknown"));
    }

    @Test
    void theFillingDiskIsACriticalClusterWithItsReasons() {
        String body = body("/api/critical-clusters");
        List<Map<String, Object>> items = JsonPath.read(body, "$.items[?(@.cluster_id == '" + diskCluster() + "')]");
        assertThat(items).singleElement().satisfies(i -> {
            assertThat(i.get("risk_level")).isIn("critical", "high");
            assertThat(i.get("nearest_breach_metric")).isEqualTo("disk_used_pct");
            @SuppressWarnings("unchecked")
            List<String> reasons = (List<String>) i.get("reasons");
            assertThat(reasons).anySatisfy(r -> assertThat(r).startsWith("Health score"))
                    .anySatisfy(r -> assertThat(r).startsWith("disk_used_pct is at"))
                    .anySatisfy(r -> assertThat(r).startsWith("disk_used_pct reached"));
        });
        List<Double> scores = JsonPath.read(body, "$.items[*].risk_score");
        assertThat(scores).isSortedAccordingTo((a, b) -> Double.compare(b, a));
        assertThat(JsonPath.<List<String>>read(body, "$.items[*].risk_level")).allMatch(l -> l.equals("critical") || l.equals("high"));
    }

    @Test
    void aClustersRiskCarriesItsFactorsAndTierMultiplier() {
        String body = body("/api/risk/clusters/" + diskCluster());
        assertThat(JsonPath.<List<String>>read(body, "$.factors[*].kind")).contains("health", "capacity");
        assertThat(JsonPath.<Double>read(body, "$.tier_multiplier")).isGreaterThanOrEqualTo(1.0);
        assertThat(JsonPath.<String>read(body, "$.snapshot_hour")).isEqualTo(AS_OF + ":00");
    }

    @Test
    void filtersAndBadParameters() {
        assertThat(JsonPath.<List<String>>read(body("/api/critical-clusters?level=low,medium"), "$.items[*].risk_level"))
                .allMatch(l -> l.equals("low") || l.equals("medium"));
        get("/api/critical-clusters?level=severe").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.parameter").isEqualTo("level");
        get("/api/critical-clusters?limit=0").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.parameter").isEqualTo("limit");
        get("/api/risk/clusters/c-no-such").expectStatus().isNotFound();
    }
}
