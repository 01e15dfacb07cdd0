package dev.byocfleet.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import dev.byocfleet.support.GroundTruthFile;
import dev.byocfleet.support.ScoredFleetTestBase;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The analysis API (breaking point, back-test, usage) over a generated tiny fleet. */
class AnalysisControllerIT extends ScoredFleetTestBase {

    private GroundTruthFile.Incident disk() {
        return GroundTruthFile.byScenario(groundTruth(), "api-disk");
    }

    @Test
    void theTableListsTheFullDiskAsBreachedSinceItCrossedNinety() {
        String body = body("/api/analysis/breaking-point?metric=disk_used_pct");
        assertThat(JsonPath.<String>read(body, "$.computed_at")).isEqualTo(AS_OF + ":00");
        List<Map<String, Object>> rows = JsonPath.read(body, "$.items[?(@.cluster_id == '" + disk().clusterId() + "')]");
        assertThat(rows).singleElement().satisfies(r -> {
            assertThat(r).containsEntry("status", "breached").containsEntry("threshold", 90.0)
                    .containsEntry("warn_threshold", 80.0).containsEntry("unit", "%");
            LocalDateTime at = LocalDateTime.parse((String) r.get("breach_at"));
            assertThat(at).isAfterOrEqualTo(disk().start()).isBeforeOrEqualTo(AS_OF);
        });
        assertThat(JsonPath.<List<String>>read(body, "$.items[*].status")).allMatch(s -> s.equals("breached") || s.equals("breach"));
        Map<String, Integer> counts = JsonPath.read(body, "$.counts_by_status");
        assertThat(counts).containsOnlyKeys("breached", "breach", "no_breach", "insufficient_data");
    }

    @Test
    void theTablePagesAndFilters() {
        String all = body("/api/analysis/breaking-point?status=all&limit=3");
        int total = JsonPath.read(all, "$.total");
        assertThat(JsonPath.<List<Object>>read(all, "$.items")).hasSize(Math.min(3, total));
        Map<String, Integer> counts = JsonPath.read(all, "$.counts_by_status");
        assertThat(counts.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(total);
        String next = body("/api/analysis/breaking-point?status=all&limit=3&offset=3");
        assertThat(JsonPath.<List<String>>read(next, "$.items[*].cluster_id")).isNotEmpty();
        get("/api/analysis/breaking-point?metric=disk_free").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.parameter").isEqualTo("metric");
        get("/api/analysis/breaking-point?status=late").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.parameter").isEqualTo("status");
        get("/api/analysis/breaking-point?limit=501").expectStatus().isBadRequest();
    }

    @Test
    void aClusterChartHasPointsHourlyValuesAndTheForecast() {
        String body = body("/api/analysis/breaking-point/" + disk().clusterId());
        assertThat(JsonPath.<List<String>>read(body, "$.metrics[*].metric_name"))
                .contains("disk_used_pct", "cpu_util_pct", "mem_util_pct", "compaction_score_max", "connections");
        String disk = "$.metrics[?(@.metric_name == 'disk_used_pct')]";
        assertThat(JsonPath.<List<String>>read(body, disk + ".forecast.status")).containsExactly("breached");
        assertThat(JsonPath.<List<List<Object>>>read(body, disk + ".daily_peaks").getFirst()).hasSize(3);
        assertThat(JsonPath.<List<List<Object>>>read(body, disk + ".hourly").getFirst()).isEmpty();
        String hourly = body("/api/analysis/breaking-point/" + disk().clusterId() + "?metric=disk_used_pct&hourly=true");
        assertThat(JsonPath.<List<Object>>read(hourly, "$.metrics[0].hourly")).hasSizeGreaterThan(48);
        String one = body("/api/analysis/breaking-point/" + disk().clusterId() + "?metric=cpu_util_pct");
        assertThat(JsonPath.<List<String>>read(one, "$.metrics[*].metric_name")).containsExactly("cpu_util_pct");
        get("/api/analysis/breaking-point/c-no-such").expectStatus().isNotFound();
    }

    @Test
    void theBacktestReportsItsCountsEvenWhenHistoryIsTooShortToJudge() {
        String body = body("/api/analysis/breaking-point/backtest");
        assertThat(JsonPath.<String>read(body, "$.as_of")).isEqualTo(AS_OF + ":00");
        assertThat(JsonPath.<List<Integer>>read(body, "$.cut_days")).containsExactly(2, 3, 5, 7, 10);
        assertThat(JsonPath.<Map<String, Object>>read(body, "$.overall"))
                .containsKeys("evaluated", "predictions", "actual_breaches", "hits", "misses", "false_alarms", "hit_rate", "mae_days");
        assertThat(JsonPath.<Map<String, Object>>read(body, "$.by_metric")).containsKeys("disk_used_pct", "connections");
        assertThat(JsonPath.<Map<String, Object>>read(body, "$.by_threshold")).containsOnlyKeys("critical", "warning");
    }

    @Test
    void usageHasHeatMapsPercentilesAndWasteForAFleetSliceOrOneCluster() {
        String body = body("/api/analysis/usage");
        assertThat(JsonPath.<List<String>>read(body, "$.heatmap.weekdays")).containsExactly("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun");
        assertThat(JsonPath.<List<List<Object>>>read(body, "$.heatmap.cpu_util_pct")).hasSize(7).allSatisfy(row -> assertThat(row).hasSize(24));
        assertThat(JsonPath.<Map<String, Object>>read(body, "$.percentiles"))
                .containsKeys("cpu_util_pct", "mem_util_pct", "disk_used_pct", "query_qps");
        assertThat(JsonPath.<Integer>read(body, "$.scope.clusters")).isPositive();
        assertThat(JsonPath.<Map<String, Object>>read(body, "$.waste")).containsKeys("ccu_per_week", "usd_per_week");
        String one = body("/api/analysis/usage?cluster_id=" + disk().clusterId() + "&days=2");
        assertThat(JsonPath.<Integer>read(one, "$.scope.clusters")).isEqualTo(1);
        assertThat(JsonPath.<Integer>read(one, "$.days")).isEqualTo(2);
        get("/api/analysis/usage?cluster_id=c-1&tier=S").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.parameter").isEqualTo("cluster_id");
        get("/api/analysis/usage?days=0").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.parameter").isEqualTo("days");
    }
}
