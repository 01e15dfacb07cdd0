package dev.byocfleet.agents;

import dev.byocfleet.store.RecordRows;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What the Sentinel reads: firing alerts in a window and the customer tier of each cluster. An
 * alert's time is when it started (when the receiver got it, if the sender gave no start).
 */
@Repository
class SignalRepository {

    /** A firing alert mapped to a cluster. */
    record FiringAlert(String messageId, String clusterId, @Nullable String alertName, String severity,
                       LocalDateTime alertAt) {}

    /** Firing alerts per cluster in a window. */
    record AlertCount(String clusterId, long alerts) {}

    private final JdbcClient jdbc;

    SignalRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Firing alerts of one severity that started in {@code (from, to]}, oldest first. */
    List<FiringAlert> firing(String severity, LocalDateTime from, LocalDateTime to) {
        return jdbc.sql("""
                SELECT message_id, cluster_id, alert_name, severity, coalesce(starts_at, received_at) AS alert_at
                FROM alerts.lark_alerts
                WHERE cluster_id IS NOT NULL AND status = 'firing' AND severity = ?
                  AND coalesce(starts_at, received_at) > ? AND coalesce(starts_at, received_at) <= ?
                ORDER BY alert_at, message_id""")
                .params(severity, from, to).query(RecordRows.of(FiringAlert.class)).list();
    }

    /** Clusters with more than {@code threshold} firing alerts that started in {@code (from, to]}. */
    List<AlertCount> storms(LocalDateTime from, LocalDateTime to, int threshold) {
        return jdbc.sql("""
                SELECT cluster_id, count(*) AS alerts
                FROM alerts.lark_alerts
                WHERE cluster_id IS NOT NULL AND status = 'firing'
                  AND coalesce(starts_at, received_at) > ? AND coalesce(starts_at, received_at) <= ?
                GROUP BY cluster_id
                HAVING count(*) > ?
                ORDER BY cluster_id""")
                .params(from, to, threshold).query(RecordRows.of(AlertCount.class)).list();
    }

    /** The customer tier (S, A, B) of every cluster that has one. */
    Map<String, String> tiers() {
        record Tier(String clusterId, String tier) {}
        return jdbc.sql("""
                SELECT c.cluster_id, p.tier
                FROM byoc.cluster c
                JOIN byoc.account a ON a.account_id = c.account_id
                JOIN metrics.dim_customer_profile p ON p.org_id = a.org_id
                WHERE p.tier IS NOT NULL""")
                .query(RecordRows.of(Tier.class)).list().stream().collect(Collectors.toMap(Tier::clusterId, Tier::tier, (x, y) -> x));
    }

    /** When the newest alert in the store started (when it was received, if the sender gave no start). */
    java.util.Optional<LocalDateTime> newestAlertAt() {
        return jdbc.sql("SELECT max(coalesce(starts_at, received_at)) FROM alerts.lark_alerts WHERE cluster_id IS NOT NULL")
                .query(LocalDateTime.class).optional();
    }

    /**
     * The Sentinel benchmark's baseline: one bare statement that reads the rows a pass looks at (the
     * firing alerts that started in {@code (from, to]} with their cluster's tier, and the health scores
     * of the newest scored hours at or before {@code hour} and {@code earlierHour}) and nothing else.
     * Returns how many rows it read.
     */
    long bareSignalRows(LocalDateTime from, LocalDateTime to, LocalDateTime hour, LocalDateTime earlierHour) {
        long[] rows = {0};
        jdbc.sql("""
                WITH tiers AS (
                  SELECT c.cluster_id, p.tier FROM byoc.cluster c
                  JOIN byoc.account a ON a.account_id = c.account_id
                  JOIN metrics.dim_customer_profile p ON p.org_id = a.org_id
                  WHERE p.tier IS NOT NULL)
                SELECT l.cluster_id, l.message_id, l.alert_name, l.severity, coalesce(l.starts_at, l.received_at), t.tier,
                       CAST(NULL AS DOUBLE)
                FROM alerts.lark_alerts l LEFT JOIN tiers t ON t.cluster_id = l.cluster_id
                WHERE l.cluster_id IS NOT NULL AND l.status = 'firing'
                  AND coalesce(l.starts_at, l.received_at) > ? AND coalesce(l.starts_at, l.received_at) <= ?
                UNION ALL
                SELECT s.cluster_id, NULL, NULL, NULL, s.scored_at, NULL, s.score
                FROM alerts.cluster_health_scores s
                WHERE s.score IS NOT NULL AND s.scored_at IN (
                  (SELECT max(scored_at) FROM alerts.cluster_health_scores WHERE scored_at <= ?),
                  (SELECT max(scored_at) FROM alerts.cluster_health_scores WHERE scored_at <= ?))""")
                .params(from, to, hour, earlierHour)
                .query(rs -> {
                    for (int c = 1; c <= 7; c++) {
                        rs.getObject(c);
                    }
                    rows[0]++;
                });
        return rows[0];
    }
}
