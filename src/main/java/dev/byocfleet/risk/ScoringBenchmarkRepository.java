package dev.byocfleet.risk;

import dev.byocfleet.store.Dialect;
import java.time.LocalDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The baseline of the scoring benchmark: a bare aggregation of the same snapshot rows the pass
 * reads (GROUP BY cluster and metric with avg, max, min, p95, count), every result row read.
 */
@Repository
class ScoringBenchmarkRepository {

    private final JdbcClient jdbc;
    private final Dialect dialect;

    ScoringBenchmarkRepository(JdbcClient jdbc, Dialect dialect) {
        this.jdbc = jdbc;
        this.dialect = dialect;
    }

    /** Result rows of the bare aggregation over ({@code after}, {@code asOf}], optionally only {@code metrics}. */
    long bareAggregation(LocalDateTime after, LocalDateTime asOf, List<String> metrics) {
        String only = metrics.isEmpty() ? "" : " AND metric_name IN (:metrics)";
        var spec = jdbc.sql("""
                SELECT cluster_id, metric_name, avg(avg_value) AS a, max(max_value) AS mx, min(min_value) AS mn,
                       %s AS p95, count(*) AS n
                FROM metrics.amv_hourly_snapshots_v1
                WHERE snapshot_hour > :after AND snapshot_hour <= :asOf%s
                GROUP BY cluster_id, metric_name""".formatted(dialect.percentile("p95_value", 0.95), only))
                .param("after", after).param("asOf", asOf);
        if (!metrics.isEmpty()) {
            spec = spec.param("metrics", metrics);
        }
        long[] rows = {0};
        spec.query(rs -> {
            rs.getString(1);
            rs.getString(2);
            rs.getDouble(3);
            rs.getDouble(4);
            rs.getDouble(5);
            rs.getDouble(6);
            rs.getLong(7);
            rows[0]++;
        });
        return rows[0];
    }

    /**
     * The metrics health scoring reads: those with both thresholds in the dictionary. The health
     * step's baseline aggregates these rows only, as the pass does (the other metrics of the window
     * are never read by it, so counting them would flatter the ratio).
     */
    List<String> scoredMetrics() {
        return jdbc.sql("""
                SELECT metric_name FROM metrics.metric_dictionary
                WHERE warn_threshold IS NOT NULL AND crit_threshold IS NOT NULL ORDER BY metric_name""")
                .query(String.class).list();
    }

    /**
     * Writes the write-ahead log into the database file (DuckDB's {@code CHECKPOINT}); false when the
     * store has no such statement.
     */
    boolean checkpoint() {
        return dialect.checkpoint().map(sql -> {
            // DuckDB answers CHECKPOINT with an empty result set, which executeUpdate refuses
            jdbc.sql(sql).query(rs -> {
            });
            return true;
        }).orElse(false);
    }

    /** Deletes everything a scoring pass computes, so the next one starts from the snapshots alone. */
    void deleteComputed() {
        for (String table : List.of("alerts.cluster_health_scores", "alerts.cluster_risk_snapshots",
                "alerts.capacity_forecasts", "alerts.forecast_backtests")) {
            jdbc.sql("DELETE FROM " + table).update();
        }
    }

    long snapshotRows(LocalDateTime after, LocalDateTime asOf, List<String> metrics) {
        String only = metrics.isEmpty() ? "" : " AND metric_name IN (:metrics)";
        var spec = jdbc.sql("SELECT count(*) FROM metrics.amv_hourly_snapshots_v1 WHERE snapshot_hour > :after "
                + "AND snapshot_hour <= :asOf" + only).param("after", after).param("asOf", asOf);
        if (!metrics.isEmpty()) {
            spec = spec.param("metrics", metrics);
        }
        return spec.query(Long.class).single();
    }
}
