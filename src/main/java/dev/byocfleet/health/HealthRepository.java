package dev.byocfleet.health;

import dev.byocfleet.store.RecordRows;
import dev.byocfleet.health.HealthScorer.FiringAlert;
import dev.byocfleet.health.HealthScorer.MetricWindow;
import dev.byocfleet.store.BulkInsert;
import dev.byocfleet.store.Dialect;
import dev.byocfleet.store.JsonColumns;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads the window statistics of the whole fleet in one statement per source (snapshots, alerts,
 * cluster states) and keeps the score history in {@code alerts.cluster_health_scores}.
 */
@Repository
class HealthRepository {

    private static final String SCORE_COLUMNS =
            "cluster_id, scored_at, window_start, window_end, score, status, CAST(explanation AS VARCHAR) AS explanation";

    /** A cluster that exists at the hour scored, with its control-plane state then. */
    record ClusterState(String clusterId, @Nullable String state) {
    }

    /** A stored score with the cluster's name and customer facts, for fleet views. */
    record FleetRow(String clusterId, @Nullable String clusterName, @Nullable String tier, @Nullable String region,
                    @Nullable String clusterType, @Nullable Double score, String status,
                    @Nullable Double availability, @Nullable Double resources, @Nullable Double query,
                    @Nullable Double ingestion, @Nullable Double stability, @Nullable Double alertPressure) {
    }

    /** A point of a cluster's score history. */
    record HistoryRow(LocalDateTime scoredAt, @Nullable Double score, String status) {
    }

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final Dialect dialect;

    HealthRepository(JdbcClient jdbc, DataSource dataSource, Dialect dialect) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.dialect = dialect;
    }

    Optional<LocalDateTime> newestSnapshotHour() {
        return jdbc.sql("SELECT max(snapshot_hour) FROM metrics.amv_hourly_snapshots_v1")
                .query(LocalDateTime.class).optional();
    }

    /**
     * Clusters created by {@code asOf} and not released by then, with their state at that hour (the
     * newest change by then, in one grouping rather than a self-join on the newest change time).
     */
    List<ClusterState> clustersAt(LocalDateTime asOf) {
        return jdbc.sql("""
                SELECT c.cluster_id, coalesce(h.to_state, c.cluster_state) AS state
                FROM byoc.cluster c
                LEFT JOIN (
                  SELECT cluster_id, max_by(to_state, changed_at) AS to_state
                  FROM byoc.cluster_state_history
                  WHERE changed_at <= :asOf
                  GROUP BY cluster_id
                ) h ON h.cluster_id = c.cluster_id
                WHERE (c.created_at IS NULL OR c.created_at <= :asOf)
                  AND (c.released_at IS NULL OR c.released_at > :asOf)
                ORDER BY c.cluster_id""")
                .param("asOf", asOf)
                .query((rs, i) -> new ClusterState(rs.getString(1), rs.getString(2))).list();
    }

    /**
     * Per cluster and dictionary metric with thresholds, over the snapshot hours in
     * ({@code after}, {@code asOf}]: the hourly value is the dictionary's aggregation of the hour
     * (max, min, avg, or the hour's total for counts), with its extremes, total, newest value and
     * the hours at or beyond the warning and critical thresholds. Only metrics that left their band
     * come back, plus one row per cluster with data (carrying how many metrics it has): the rest
     * cost nothing, and reading rows is the dearest part at fleet scale. The dictionary's facts of
     * a metric join the grouped rows, not every snapshot row's aggregate, and the per-cluster count
     * comes from a grouping of the grouped rows rather than a window over them (both cheaper).
     */
    List<MetricWindow> windowStats(LocalDateTime after, LocalDateTime asOf) {
        return jdbc.sql("""
                WITH x AS (
                  SELECT w.cluster_id, w.metric_name, count(*) AS hours, max(w.v) AS max_value, min(w.v) AS min_value,
                         sum(w.v) AS total, max_by(w.v, w.snapshot_hour) AS latest,
                         sum(CASE WHEN w.direction = 'lower_is_worse'
                                  THEN CASE WHEN w.v <= w.warn_threshold THEN 1 ELSE 0 END
                                  ELSE CASE WHEN w.v >= w.warn_threshold THEN 1 ELSE 0 END END) AS bad_hours,
                         sum(CASE WHEN w.direction = 'lower_is_worse'
                                  THEN CASE WHEN w.v <= w.crit_threshold THEN 1 ELSE 0 END
                                  ELSE CASE WHEN w.v >= w.crit_threshold THEN 1 ELSE 0 END END) AS crit_hours
                  FROM (
                    SELECT s.cluster_id, s.metric_name, s.snapshot_hour,
                           CASE d.aggregation WHEN 'max' THEN s.max_value WHEN 'min' THEN s.min_value
                                WHEN 'sum' THEN s.avg_value * s.sample_count ELSE s.avg_value END AS v,
                           d.direction, d.warn_threshold, d.crit_threshold
                    FROM metrics.amv_hourly_snapshots_v1 s
                    JOIN metrics.metric_dictionary d ON d.metric_name = s.metric_name
                    WHERE s.snapshot_hour > :after AND s.snapshot_hour <= :asOf
                      AND d.warn_threshold IS NOT NULL AND d.crit_threshold IS NOT NULL
                  ) w
                  WHERE w.v IS NOT NULL
                  GROUP BY w.cluster_id, w.metric_name
                ), c AS (
                  SELECT cluster_id, count(*) AS checked, min(metric_name) AS first_metric FROM x GROUP BY cluster_id
                )
                SELECT x.cluster_id, x.metric_name, x.hours, x.max_value, x.min_value, x.total, x.latest, x.bad_hours,
                       x.crit_hours, c.checked
                FROM x
                JOIN c ON c.cluster_id = x.cluster_id
                JOIN metrics.metric_dictionary d ON d.metric_name = x.metric_name
                WHERE x.bad_hours > 0 OR x.metric_name = c.first_metric
                   OR (d.aggregation = 'sum' AND x.total >= d.warn_threshold)""")
                .param("after", after).param("asOf", asOf)
                // by position: the reflective record mapper converts every value through a conversion service
                .query((rs, i) -> new MetricWindow(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getDouble(4),
                        rs.getDouble(5), rs.getDouble(6), rs.getDouble(7), rs.getInt(8), rs.getInt(9), rs.getInt(10)))
                .list();
    }

    /**
     * Distinct alerts (by fingerprint, else name and node) that were firing at some time in
     * ({@code windowAfter}, {@code asOf}]: started by then, after {@code staleBefore}, and not
     * resolved before the window began.
     *
     * <p>The same alert often arrives twice: from Alertmanager's webhook with its fingerprint and
     * from the Lark alert channel without one. Copies of one firing episode (same cluster, alert
     * name, node and start) count once: a copy without a fingerprint takes its episode's, and a
     * resolve of either copy ends both.
     */
    List<FiringAlert> firingAlerts(LocalDateTime windowAfter, LocalDateTime asOf, LocalDateTime staleBefore) {
        return jdbc.sql("""
                SELECT DISTINCT x.cluster_id, x.severity, x.alert_name,
                       coalesce(x.fingerprint, x.episode_fingerprint, concat(x.alert_name, '|', x.node)) AS alert_key
                FROM (
                  SELECT f.cluster_id, lower(f.severity) AS severity, coalesce(f.alert_name, '') AS alert_name,
                         coalesce(f.node, '') AS node, f.fingerprint,
                         max(f.fingerprint) OVER (PARTITION BY f.cluster_id, f.alert_name, f.node, f.starts_at)
                           AS episode_fingerprint
                  FROM alerts.lark_alerts f
                  WHERE f.status = 'firing' AND f.cluster_id IS NOT NULL
                    AND f.starts_at <= :asOf AND f.starts_at > :staleBefore
                    AND NOT EXISTS (
                      SELECT 1 FROM alerts.lark_alerts r
                      WHERE r.status = 'resolved' AND r.cluster_id = f.cluster_id
                        AND r.fingerprint = f.fingerprint AND r.starts_at = f.starts_at
                        AND r.ends_at <= :windowAfter)
                    AND NOT EXISTS (
                      SELECT 1 FROM alerts.lark_alerts r
                      WHERE r.status = 'resolved' AND r.cluster_id = f.cluster_id
                        AND r.alert_name = f.alert_name AND coalesce(r.node, '') = coalesce(f.node, '')
                        AND r.starts_at = f.starts_at AND r.ends_at <= :windowAfter)
                ) x""")
                .param("asOf", asOf).param("staleBefore", staleBefore).param("windowAfter", windowAfter)
                .query(RecordRows.of(FiringAlert.class)).list();
    }

    /**
     * Replaces every score of the hour {@code scoredAt} and deletes the scores of hours before
     * {@code keepSince} (call inside a transaction).
     */
    long replaceScores(LocalDateTime scoredAt, List<HealthScore> scores, LocalDateTime keepSince) {
        // two statements: each a plain range on the hour column, whose zone maps prune (hours are appended in order)
        jdbc.sql("DELETE FROM alerts.cluster_health_scores WHERE scored_at = :at").param("at", scoredAt).update();
        jdbc.sql("DELETE FROM alerts.cluster_health_scores WHERE scored_at < :keep").param("keep", keepSince).update();
        // the explanations' JSON is most of a row's cost: written on every core, in the scores' order
        List<Object[]> rows = scores.parallelStream().map(s -> {
            var d = s.explanation().dimensions();
            return new Object[] {s.clusterId(), s.scoredAt(), s.windowStart(), s.windowEnd(), s.score(), s.status(),
                    dimension(d, "availability"), dimension(d, "resources"), dimension(d, "query"),
                    dimension(d, "ingestion"), dimension(d, "stability"), dimension(d, "alert_pressure"),
                    JsonColumns.write(s.explanation())};
        }).toList();
        return BulkInsert.rows(dataSource, dialect, "alerts", "cluster_health_scores", 13, rows);
    }

    private static @Nullable Double dimension(java.util.Map<String, DimensionScore> d, String name) {
        DimensionScore s = d.get(name);
        return s == null ? null : s.score();
    }

    /** Hours in [{@code from}, {@code to}] that have scores. */
    List<LocalDateTime> scoredHours(LocalDateTime from, LocalDateTime to) {
        return jdbc.sql("""
                SELECT DISTINCT scored_at FROM alerts.cluster_health_scores
                WHERE scored_at >= :from AND scored_at <= :to ORDER BY scored_at""")
                .param("from", from).param("to", to)
                .query(LocalDateTime.class).list();
    }

    Optional<LocalDateTime> latestScoredAt() {
        return jdbc.sql("SELECT max(scored_at) FROM alerts.cluster_health_scores").query(LocalDateTime.class).optional();
    }

    /** The newest scored hour at or before {@code atOrBefore}. */
    Optional<LocalDateTime> scoredAtOrBefore(LocalDateTime atOrBefore) {
        return jdbc.sql("SELECT max(scored_at) FROM alerts.cluster_health_scores WHERE scored_at <= :at")
                .param("at", atOrBefore).query(LocalDateTime.class).optional();
    }

    /** The newest score of a cluster at or before {@code atOrBefore}. */
    Optional<HealthScore> scoreAtOrBefore(String clusterId, LocalDateTime atOrBefore) {
        return jdbc.sql("""
                SELECT %s
                FROM alerts.cluster_health_scores
                WHERE cluster_id = :id AND scored_at = (
                  SELECT max(scored_at) FROM alerts.cluster_health_scores
                  WHERE cluster_id = :id AND scored_at <= :at)""".formatted(SCORE_COLUMNS))
                .param("id", clusterId).param("at", atOrBefore)
                .query(HealthRepository::score)
                .optional();
    }

    long countScoresAt(LocalDateTime scoredAt) {
        return jdbc.sql("SELECT count(*) FROM alerts.cluster_health_scores WHERE scored_at = :at")
                .param("at", scoredAt).query(Long.class).single();
    }

    /** Every score of one hour, with explanations. */
    List<HealthScore> scoresAt(LocalDateTime scoredAt) {
        return jdbc.sql("""
                SELECT %s
                FROM alerts.cluster_health_scores WHERE scored_at = :at""".formatted(SCORE_COLUMNS))
                .param("at", scoredAt)
                .query(HealthRepository::score)
                .list();
    }

    private static HealthScore score(ResultSet rs, int row) throws SQLException {
        return new HealthScore(rs.getString("cluster_id"), rs.getObject("scored_at", LocalDateTime.class),
                rs.getObject("window_start", LocalDateTime.class), rs.getObject("window_end", LocalDateTime.class),
                (Double) rs.getObject("score"), rs.getString("status"),
                JsonColumns.read(rs.getString("explanation"), Explanation.class));
    }

    List<HistoryRow> history(String clusterId, LocalDateTime since) {
        return jdbc.sql("""
                SELECT scored_at, score, status FROM alerts.cluster_health_scores
                WHERE cluster_id = :id AND scored_at >= :since ORDER BY scored_at""")
                .param("id", clusterId).param("since", since)
                .query(RecordRows.of(HistoryRow.class)).list();
    }

    /** Scores of one hour with the cluster's name, tier, region and type. */
    List<FleetRow> fleetAt(LocalDateTime scoredAt) {
        return jdbc.sql("""
                SELECT h.cluster_id, c.cluster_name, p.tier, c.region, c.cluster_type, h.score, h.status,
                       h.availability, h.resources, h.query, h.ingestion, h.stability, h.alert_pressure
                FROM alerts.cluster_health_scores h
                LEFT JOIN byoc.cluster c ON c.cluster_id = h.cluster_id
                LEFT JOIN byoc.account a ON a.account_id = c.account_id
                LEFT JOIN metrics.dim_customer_profile p ON p.org_id = a.org_id
                WHERE h.scored_at = :at""")
                .param("at", scoredAt)
                .query(RecordRows.of(FleetRow.class)).list();
    }

    /** Cluster scores of one hour (clusters without data left out). */
    java.util.Map<String, Double> scoreValuesAt(LocalDateTime scoredAt) {
        java.util.Map<String, Double> out = new java.util.HashMap<>();
        jdbc.sql("SELECT cluster_id, score FROM alerts.cluster_health_scores WHERE scored_at = :at AND score IS NOT NULL")
                .param("at", scoredAt)
                .query(rs -> {
                    out.put(rs.getString(1), rs.getDouble(2));
                });
        return out;
    }

    Optional<String> clusterName(String clusterId) {
        return jdbc.sql("SELECT coalesce(cluster_name, cluster_id) FROM byoc.cluster WHERE cluster_id = :id")
                .param("id", clusterId).query(String.class).optional();
    }
}
