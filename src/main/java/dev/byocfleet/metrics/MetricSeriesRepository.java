package dev.byocfleet.metrics;

import dev.byocfleet.store.RecordRows;
import dev.byocfleet.metrics.ClusterMetrics.Point;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads hourly snapshots of one cluster and the metric dictionary. */
@Repository
class MetricSeriesRepository {

    record DictionaryEntry(String metricName, @Nullable String category, @Nullable String unit,
                           @Nullable String direction, @Nullable Double warnThreshold, @Nullable Double critThreshold) {
    }

    private final JdbcClient jdbc;

    MetricSeriesRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Map<String, DictionaryEntry> dictionary() {
        Map<String, DictionaryEntry> out = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT metric_name, category, unit, direction, warn_threshold, crit_threshold
                FROM metrics.metric_dictionary ORDER BY category, metric_name""")
                .query(RecordRows.of(DictionaryEntry.class)).list()
                .forEach(e -> out.put(e.metricName(), e));
        return out;
    }

    Optional<LocalDateTime> newestHour(String clusterId) {
        return jdbc.sql("SELECT max(snapshot_hour) FROM metrics.amv_hourly_snapshots_v1 WHERE cluster_id = :cluster")
                .param("cluster", clusterId)
                .query(LocalDateTime.class).optional();
    }

    /** Snapshots per metric in hour order; metrics without snapshots in the window are absent. */
    Map<String, List<Point>> points(String clusterId, Collection<String> metrics, LocalDateTime from, LocalDateTime to) {
        Map<String, List<Point>> out = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT metric_name, snapshot_hour, avg_value, min_value, max_value, p95_value, last_value, sample_count
                FROM metrics.amv_hourly_snapshots_v1
                WHERE cluster_id = :cluster AND metric_name IN (:metrics)
                  AND snapshot_hour >= :from AND snapshot_hour <= :to
                ORDER BY metric_name, snapshot_hour""")
                .param("cluster", clusterId)
                .param("metrics", List.copyOf(metrics))
                .param("from", from)
                .param("to", to)
                .query(rs -> {
                    out.computeIfAbsent(rs.getString("metric_name"), k -> new java.util.ArrayList<>())
                            .add(new Point(rs.getObject("snapshot_hour", LocalDateTime.class),
                                    (Double) rs.getObject("avg_value"), (Double) rs.getObject("min_value"),
                                    (Double) rs.getObject("max_value"), (Double) rs.getObject("p95_value"),
                                    (Double) rs.getObject("last_value"), rs.getLong("sample_count")));
                });
        return out;
    }
}
