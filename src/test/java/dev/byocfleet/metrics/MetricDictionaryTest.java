package dev.byocfleet.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.byocfleet.store.DuckDbDialect;
import dev.byocfleet.support.TestStore;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

class MetricDictionaryTest {

    static final List<String> CANONICAL = List.of("cpu_util_pct", "mem_util_pct", "disk_used_pct", "fe_alive_ratio",
            "be_alive_ratio", "node_restarts", "query_qps", "query_p99_ms", "query_error_pct", "query_queue_pending",
            "connections", "load_rows_per_s", "load_fail_pct", "txn_running_max", "routine_load_lag_max",
            "routine_load_paused", "compaction_score_max", "tablet_versions_max", "fe_jvm_heap_pct", "fe_gc_old_ms",
            "fe_meta_log_count", "fe_thread_count", "cache_hit_pct");

    @Test
    void seedsExactlyTheCanonicalMetricsAndStaysIdempotent() {
        try (TestStore store = new TestStore()) {
            var dictionary = new MetricDictionary(
                    new MetricDictionaryRepository(JdbcClient.create(store.dataSource()), new DuckDbDialect()));
            dictionary.seed();
            dictionary.seed();
            JdbcTemplate jdbc = new JdbcTemplate(store.dataSource());
            assertThat(jdbc.queryForList("SELECT metric_name FROM metrics.metric_dictionary", String.class))
                    .containsExactlyInAnyOrderElementsOf(CANONICAL);
            Map<String, Object> disk = jdbc.queryForMap(
                    "SELECT * FROM metrics.metric_dictionary WHERE metric_name = 'disk_used_pct'");
            assertThat(disk).containsEntry("direction", "higher_is_worse").containsEntry("warn_threshold", 80.0)
                    .containsEntry("crit_threshold", 90.0).containsEntry("unit", "%");
            Map<String, Object> cache = jdbc.queryForMap(
                    "SELECT * FROM metrics.metric_dictionary WHERE metric_name = 'cache_hit_pct'");
            assertThat(cache).containsEntry("direction", "lower_is_worse");
            assertThat((Double) cache.get("crit_threshold")).isLessThan((Double) cache.get("warn_threshold"));
        }
    }

    @Test
    void everyThresholdedMetricHasWarningBeforeCritical() {
        for (CanonicalMetric m : CanonicalMetric.values()) {
            if (m.warnThreshold() == null) {
                assertThat(m.critThreshold()).as(m.metricName()).isNull();
                continue;
            }
            if (m.direction() == CanonicalMetric.Direction.HIGHER_IS_WORSE) {
                assertThat(m.warnThreshold()).as(m.metricName()).isLessThan(m.critThreshold());
            } else {
                assertThat(m.warnThreshold()).as(m.metricName()).isGreaterThan(m.critThreshold());
            }
        }
    }
}
