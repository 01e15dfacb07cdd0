package dev.byocfleet.health;

import static dev.byocfleet.health.HealthFixture.AS_OF;
import static dev.byocfleet.metrics.CanonicalMetric.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * One synthetic snapshot set per dimension, each with its points worked out by hand from the
 * rules in {@link HealthScorer}: severity 0.25 at warning rising to 0.6 at critical and 1.0 one
 * band-width past it, times (0.5 + 0.5 x min(1, hours outside / 6)), times the factor's weight.
 */
class HealthServiceTest {

    private final HealthFixture fixture = new HealthFixture();
    private final HealthService service = fixture.service(HealthProperties.defaults());

    @AfterEach
    void close() {
        fixture.close();
    }

    private HealthScore scoreOf(String clusterId) {
        service.recompute(AS_OF);
        return service.scoresAt(AS_OF).stream().filter(s -> s.clusterId().equals(clusterId)).findFirst().orElseThrow();
    }

    private static Factor factor(HealthScore s, String metric) {
        return s.explanation().factors().stream().filter(f -> f.metric().equals(metric)).findFirst().orElseThrow();
    }

    @Test
    void aClusterInsideEveryBandScores100AndIsHealthy() {
        fixture.cluster("c-ok", "RUNNING").healthy("c-ok", AS_OF, 24);
        HealthScore s = scoreOf("c-ok");
        assertThat(s.score()).isEqualTo(100.0);
        assertThat(s.status()).isEqualTo("healthy");
        assertThat(s.explanation().factors()).isEmpty();
        assertThat(s.explanation().metricsChecked()).isEqualTo(21);
        assertThat(s.windowStart()).isEqualTo(AS_OF.minusHours(23));
    }

    @Test
    void availabilityCountsDeadBackendsRestartsAndAnAbnormalStateUpToItsCap() {
        // be_alive_ratio 0.5 for 3 h: 2 band-widths past warning -> severity 1.0; 3 of 6 h -> x0.75; 40 x 0.75 = 30
        // node_restarts 1 in each of 2 h: total 2, half-way warning->critical -> 0.425; 2 of 6 h -> x0.667; 12 x 0.283 = 3.4
        fixture.cluster("c-avail", "RUNNING").snapshots("c-avail", AS_OF, 24, (h, m) ->
                m == BE_ALIVE_RATIO && h < 3 ? Double.valueOf(0.5) : m == NODE_RESTARTS && (h == 5 || h == 9) ? Double.valueOf(1.0) : null);
        HealthScore s = scoreOf("c-avail");
        assertThat(factor(s, "be_alive_ratio").pointsLost()).isEqualTo(30.0);
        assertThat(factor(s, "be_alive_ratio").band()).isEqualTo("critical");
        assertThat(factor(s, "be_alive_ratio").hoursBad()).isEqualTo(3);
        assertThat(factor(s, "node_restarts").value()).isEqualTo(2.0);
        assertThat(factor(s, "node_restarts").pointsLost()).isEqualTo(3.4);
        assertThat(s.score()).isEqualTo(66.6);
        assertThat(s.explanation().dimensions().get("availability").score()).isEqualTo(44.3);
    }

    @Test
    void aPassDeletesScoresOlderThanKeepDaysBeforeTheHourItStores() {
        fixture.cluster("c-1", "RUNNING").healthy("c-1", AS_OF, 24);
        String insert = "INSERT INTO alerts.cluster_health_scores (cluster_id, scored_at, score, status) VALUES ('c-old', ?, 50, 'critical')";
        fixture.jdbc.update(insert, AS_OF.minusDays(10).minusHours(1));
        fixture.jdbc.update(insert, AS_OF.minusDays(10));
        fixture.jdbc.update(insert, AS_OF.minusDays(3));
        HealthService keepingTen = fixture.service(new HealthProperties(null, null, 0, null, null, null, null, null, null,
                null, null, 10));
        keepingTen.recompute(AS_OF);
        assertThat(fixture.jdbc.queryForList("SELECT scored_at FROM alerts.cluster_health_scores WHERE cluster_id = 'c-old'"
                + " ORDER BY scored_at", java.time.LocalDateTime.class))
                .containsExactly(AS_OF.minusDays(10), AS_OF.minusDays(3));
        assertThat(keepingTen.scoresAt(AS_OF)).extracting(HealthScore::clusterId).containsExactly("c-1");
        assertThat(HealthProperties.defaults().keepDays()).isEqualTo(90);
    }

    @Test
    void scoresOfThePassAreServedFromMemoryOnlyWhileTheStoreStillHoldsThem() {
        fixture.cluster("c-1", "RUNNING").snapshots("c-1", AS_OF, 24, (h, m) -> null);
        service.recompute(AS_OF);
        List<HealthScore> kept = service.scoresAt(AS_OF);
        assertThat(kept).hasSize(1);
        service.forgetLastPass();
        assertThat(service.scoresAt(AS_OF)).isEqualTo(kept);

        service.recompute(AS_OF);
        fixture.jdbc.update("DELETE FROM alerts.cluster_health_scores");
        assertThat(service.scoresAt(AS_OF)).isEmpty();
    }

    @Test
    void theStateThatCountsIsTheNewestChangeAtTheHourScoredNotTheCurrentOne() {
        fixture.cluster("c-then-abn", "RUNNING").snapshots("c-then-abn", AS_OF, 24, (h, m) -> null);
        fixture.cluster("c-then-ok", "ABNORMAL").snapshots("c-then-ok", AS_OF, 24, (h, m) -> null);
        fixture.jdbc.update("""
                INSERT INTO byoc.cluster_state_history (cluster_id, changed_at, from_state, to_state) VALUES
                  ('c-then-abn', ?, 'RUNNING', 'ABNORMAL'), ('c-then-abn', ?, 'ABNORMAL', 'RUNNING'),
                  ('c-then-ok', ?, 'RUNNING', 'ABNORMAL'), ('c-then-ok', ?, 'ABNORMAL', 'RUNNING'),
                  ('c-then-ok', ?, 'RUNNING', 'ABNORMAL')""",
                AS_OF.minusHours(10), AS_OF.plusHours(2),
                AS_OF.minusHours(20), AS_OF.minusHours(5), AS_OF.plusHours(1));
        assertThat(factor(scoreOf("c-then-abn"), "cluster_state").detail()).isEqualTo("ABNORMAL");
        assertThat(scoreOf("c-then-ok").explanation().factors()).extracting(Factor::metric).doesNotContain("cluster_state");
    }

    @Test
    void anAbnormalStateCostsThirtyAndTheDimensionStopsAtItsCap() {
        fixture.cluster("c-abn", "ABNORMAL").snapshots("c-abn", AS_OF, 24, (h, m) -> m == BE_ALIVE_RATIO && h < 3 ? Double.valueOf(0.5) : null);
        HealthScore s = scoreOf("c-abn");
        assertThat(factor(s, "cluster_state").pointsLost()).isEqualTo(30.0);
        assertThat(factor(s, "cluster_state").detail()).isEqualTo("ABNORMAL");
        // 30 + 30 = 60: exactly the availability cap
        assertThat(s.explanation().dimensions().get("availability")).isEqualTo(new DimensionScore(0.0, 60.0, 60.0));
        assertThat(s.score()).isEqualTo(40.0);
        assertThat(s.status()).isEqualTo("critical");
    }

    @Test
    void resourcesWeighDiskByHowFarAndHowLongItWasFull() {
        // disk 95 % for 12 h: 1.5 band-widths past warning -> 0.8; persistent -> x1; 40 x 0.8 = 32
        // cpu 85 % for 1 h: half-way warning->critical -> 0.425; 1 of 6 h -> x0.583; 20 x 0.248 = 5.0
        fixture.cluster("c-disk", "RUNNING").snapshots("c-disk", AS_OF, 24, (h, m) ->
                m == DISK_USED_PCT && h < 12 ? Double.valueOf(95.0) : m == CPU_UTIL_PCT && h == 20 ? Double.valueOf(85.0) : null);
        HealthScore s = scoreOf("c-disk");
        Factor disk = factor(s, "disk_used_pct");
        assertThat(disk.pointsLost()).isEqualTo(32.0);
        assertThat(disk.value()).isEqualTo(95.0);
        assertThat(disk.latest()).isEqualTo(95.0);
        assertThat(disk.warn()).isEqualTo(80.0);
        assertThat(disk.crit()).isEqualTo(90.0);
        assertThat(disk.hoursCrit()).isEqualTo(12);
        assertThat(disk.dimension()).isEqualTo("resources");
        assertThat(factor(s, "cpu_util_pct").pointsLost()).isEqualTo(5.0);
        assertThat(s.score()).isEqualTo(63.0);
        assertThat(s.status()).isEqualTo("warning");
        assertThat(s.explanation().factors().getFirst().metric()).isEqualTo("disk_used_pct");
    }

    @Test
    void queryErrorsAndLatencyCostByBand() {
        // query_error_pct 7 % for 6 h: 0.4 of the band -> 0.39; persistent; 30 x 0.39 = 11.7
        // query_p99_ms 6500 ms for 2 h: 0.5 band-widths past critical -> 0.8; 2 of 6 h -> x0.667; 20 x 0.533 = 10.7
        fixture.cluster("c-query", "RUNNING").snapshots("c-query", AS_OF, 24, (h, m) ->
                m == QUERY_ERROR_PCT && h < 6 ? Double.valueOf(7.0) : m == QUERY_P99_MS && h >= 10 && h < 12 ? Double.valueOf(6500.0) : null);
        HealthScore s = scoreOf("c-query");
        assertThat(factor(s, "query_error_pct").pointsLost()).isEqualTo(11.7);
        assertThat(factor(s, "query_p99_ms").pointsLost()).isEqualTo(10.7);
        assertThat(s.score()).isEqualTo(77.6);
    }

    @Test
    void ingestionLagAndPausedJobs() {
        // routine_load_lag_max 500k all day: 2 band-widths past warning -> 1.0; 30
        // routine_load_paused 2 for 6 h: half-way -> 0.425; 15 x 0.425 = 6.4
        fixture.cluster("c-load", "RUNNING").snapshots("c-load", AS_OF, 24, (h, m) ->
                m == ROUTINE_LOAD_LAG_MAX ? Double.valueOf(500_000.0) : m == ROUTINE_LOAD_PAUSED && h < 6 ? Double.valueOf(2.0) : null);
        HealthScore s = scoreOf("c-load");
        assertThat(factor(s, "routine_load_lag_max").pointsLost()).isEqualTo(30.0);
        assertThat(factor(s, "routine_load_paused").pointsLost()).isEqualTo(6.4);
        assertThat(s.explanation().dimensions().get("ingestion").pointsLost()).isEqualTo(36.4);
        assertThat(s.score()).isEqualTo(63.6);
    }

    @Test
    void stabilityCompactionAndHeap() {
        // compaction 450 for 3 h: 0.5 of the band -> 0.425; 3 of 6 h -> x0.75; 30 x 0.319 = 9.6
        // fe_jvm_heap_pct 100 % for 6 h: 1 band-width past critical -> 1.0; 25
        fixture.cluster("c-stab", "RUNNING").snapshots("c-stab", AS_OF, 24, (h, m) ->
                m == COMPACTION_SCORE_MAX && h < 3 ? Double.valueOf(450.0) : m == FE_JVM_HEAP_PCT && h < 6 ? Double.valueOf(100.0) : null);
        HealthScore s = scoreOf("c-stab");
        assertThat(factor(s, "compaction_score_max").pointsLost()).isEqualTo(9.6);
        assertThat(factor(s, "fe_jvm_heap_pct").pointsLost()).isEqualTo(25.0);
        assertThat(s.score()).isEqualTo(65.4);
    }

    @Test
    void lowerIsWorseMetricsCountDownwards() {
        // cache_hit_pct 40 % for 6 h (warning <= 70, critical <= 50): 1.5 band-widths -> 0.8; 8 x 0.8 = 6.4
        fixture.cluster("c-cache", "RUNNING").snapshots("c-cache", AS_OF, 24, (h, m) -> m == CACHE_HIT_PCT && h < 6 ? Double.valueOf(40.0) : null);
        HealthScore s = scoreOf("c-cache");
        assertThat(factor(s, "cache_hit_pct").pointsLost()).isEqualTo(6.4);
        assertThat(factor(s, "cache_hit_pct").value()).isEqualTo(40.0);
    }

    @Test
    void alertPressureCountsDistinctAlertsFiringInTheWindowBySeverity() {
        fixture.cluster("c-alerts", "RUNNING").healthy("c-alerts", AS_OF, 24)
                // two critical alerts still firing
                .alert("c-alerts", "Data Disk Capacity Alert", "critical", "fp-1", AS_OF.minusHours(5), null)
                .alert("c-alerts", "BE Service Suspension", "critical", "fp-2", AS_OF.minusHours(30), AS_OF.minusHours(2))
                // one warning that flapped twice: one alert
                .alert("c-alerts", "BE CPU Alert", "warning", "fp-3", AS_OF.minusHours(8), AS_OF.minusHours(7))
                .alert("c-alerts", "BE CPU Alert", "warning", "fp-3", AS_OF.minusHours(4), AS_OF.minusHours(3))
                // resolved before the window, and one that starts after the hour scored: neither counts
                .alert("c-alerts", "Query Latency Alert", "critical", "fp-4", AS_OF.minusHours(40), AS_OF.minusHours(30))
                .alert("c-alerts", "Query Latency Alert", "critical", "fp-5", AS_OF.plusHours(2), null);
        HealthScore s = scoreOf("c-alerts");
        assertThat(factor(s, "alerts_critical").pointsLost()).isEqualTo(16.0);
        assertThat(factor(s, "alerts_critical").detail()).contains("Data Disk Capacity Alert", "BE Service Suspension");
        assertThat(factor(s, "alerts_warning").pointsLost()).isEqualTo(2.0);
        assertThat(s.score()).isEqualTo(82.0);
    }

    @Test
    void anAlertThatCameByWebhookAndByTheLarkChannelCountsOnce() {
        fixture.cluster("c-both", "RUNNING").healthy("c-both", AS_OF, 24)
                // firing, from both sources: one alert
                .alert("c-both", "Data Disk Capacity Alert", "critical", "fp-1", AS_OF.minusHours(5), null)
                .larkCopy("c-both", "Data Disk Capacity Alert", "critical", AS_OF.minusHours(5), null)
                // resolved before the window by the webhook only: neither copy counts
                .alert("c-both", "Query Latency Alert", "critical", "fp-2", AS_OF.minusHours(40), AS_OF.minusHours(30))
                .larkCopy("c-both", "Query Latency Alert", "critical", AS_OF.minusHours(40), null)
                // resolved before the window by the Lark channel only: neither copy counts
                .alert("c-both", "BE CPU Alert", "warning", "fp-3", AS_OF.minusHours(50), null)
                .larkCopy("c-both", "BE CPU Alert", "warning", AS_OF.minusHours(50), AS_OF.minusHours(45))
                // only on the Lark channel: counts, by name and node
                .larkCopy("c-both", "BE Service Suspension", "critical", AS_OF.minusHours(3), null);
        HealthScore s = scoreOf("c-both");
        assertThat(factor(s, "alerts_critical").value()).isEqualTo(2.0);
        assertThat(factor(s, "alerts_critical").pointsLost()).isEqualTo(16.0);
        assertThat(factor(s, "alerts_critical").detail()).contains("Data Disk Capacity Alert", "BE Service Suspension")
                .doesNotContain("Query Latency Alert");
        assertThat(s.explanation().factors()).noneMatch(f -> f.metric().equals("alerts_warning"));
    }

    @Test
    void alertPressureStopsAtItsCap() {
        fixture.cluster("c-storm", "RUNNING").healthy("c-storm", AS_OF, 24);
        for (int i = 0; i < 5; i++) {
            fixture.alert("c-storm", "BE Service Suspension", "critical", "fp-" + i, AS_OF.minusHours(i + 1), null);
        }
        HealthScore s = scoreOf("c-storm");
        assertThat(factor(s, "alerts_critical").pointsLost()).isEqualTo(40.0);
        assertThat(s.explanation().dimensions().get("alert_pressure").pointsLost()).isEqualTo(25.0);
        assertThat(s.score()).isEqualTo(75.0);
    }

    @Test
    void clustersWithoutSnapshotsInTheWindowHaveNoScoreNeverHealthy() {
        fixture.cluster("c-idle", "SUSPENDED").healthy("c-idle", AS_OF.minusHours(30), 6);
        HealthScore s = scoreOf("c-idle");
        assertThat(s.score()).isNull();
        assertThat(s.status()).isEqualTo("no_data");
        assertThat(s.explanation().noDataReason()).contains("SUSPENDED");
    }

    @Test
    void releasedClustersAreNotScoredAndDataOutsideTheWindowIsIgnored() {
        fixture.cluster("c-gone", "RELEASED");
        fixture.jdbc.update("UPDATE byoc.cluster SET released_at = ? WHERE cluster_id = 'c-gone'", AS_OF.minusDays(2));
        fixture.cluster("c-old", "RUNNING").snapshots("c-old", AS_OF, 48, (h, m) -> m == DISK_USED_PCT && h >= 24 ? Double.valueOf(99.0) : null);
        service.recompute(AS_OF);
        List<HealthScore> scores = service.scoresAt(AS_OF);
        assertThat(scores).extracting(HealthScore::clusterId).containsExactly("c-old");
        assertThat(scores.getFirst().score()).isEqualTo(100.0);
    }

    @Test
    void recomputeDefaultsToTheNewestSnapshotHourFillsHistoryAndTellsListeners() {
        fixture.cluster("c-ok", "RUNNING").healthy("c-ok", AS_OF, 30);
        RecomputeResult r = service.recompute(null);
        assertThat(r.asOf()).isEqualTo(AS_OF);
        assertThat(r.clusters()).isEqualTo(1);
        assertThat(r.backfilled()).isEqualTo(24);
        assertThat(fixture.events).containsExactly(new HealthScoresComputed(AS_OF, 1));
        assertThat(fixture.jdbc.queryForObject("SELECT count(DISTINCT scored_at) FROM alerts.cluster_health_scores",
                Integer.class)).isEqualTo(25);
        assertThat(service.recomputeIfNewData()).isEmpty();
        // a second pass replaces the hour instead of adding to it
        service.recompute(AS_OF);
        assertThat(fixture.jdbc.queryForObject("SELECT count(*) FROM alerts.cluster_health_scores WHERE scored_at = ?",
                Integer.class, AS_OF)).isEqualTo(1);
    }

    @Test
    void storesDimensionColumnsAndTheExplanationAsJson() {
        fixture.cluster("c-disk", "RUNNING").snapshots("c-disk", AS_OF, 24, (h, m) -> m == DISK_USED_PCT && h < 12 ? Double.valueOf(95.0) : null);
        service.recompute(AS_OF);
        Map<String, Object> row = fixture.jdbc.queryForMap(
                "SELECT score, status, resources, availability, json_extract_string(explanation, '$.factors[0].metric') AS top, "
                        + "CAST(json_extract(explanation, '$.factors[0].points_lost') AS DOUBLE) AS lost "
                        + "FROM alerts.cluster_health_scores WHERE cluster_id = 'c-disk'");
        assertThat(row).containsEntry("score", 68.0).containsEntry("status", "warning")
                .containsEntry("resources", 36.0).containsEntry("availability", 100.0)
                .containsEntry("top", "disk_used_pct").containsEntry("lost", 32.0);
    }
}
