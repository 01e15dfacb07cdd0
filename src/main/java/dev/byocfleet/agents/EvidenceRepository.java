package dev.byocfleet.agents;

import dev.byocfleet.store.RecordRows;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Alert facts of steps 2 and 5 as of a point in time (the alert service lists by received time). */
@Repository
class EvidenceRepository {

    static final int MAX_TIMELINE = 500;

    record AlertRow(@Nullable String alertName, String severity, String status, LocalDateTime alertAt,
                    @Nullable String summary) {}

    record ClusterVersion(String clusterId, @Nullable String version) {}

    private final JdbcClient jdbc;

    EvidenceRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<AlertRow> timeline(String clusterId, LocalDateTime from, LocalDateTime to) {
        return jdbc.sql("""
                SELECT alert_name, severity, status, coalesce(starts_at, received_at) AS alert_at, summary
                FROM alerts.lark_alerts
                WHERE cluster_id = :cluster AND coalesce(starts_at, received_at) >= :from
                  AND coalesce(starts_at, received_at) <= :to
                ORDER BY alert_at, message_id
                LIMIT :limit""")
                .param("cluster", clusterId).param("from", from).param("to", to).param("limit", MAX_TIMELINE)
                .query(RecordRows.of(AlertRow.class)).list();
    }

    /** Other clusters with a firing alert of one of these names in the window, with their versions. */
    List<ClusterVersion> otherClustersFiring(Collection<String> alertNames, String clusterId, LocalDateTime from,
                                             LocalDateTime to) {
        if (alertNames.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                SELECT DISTINCT a.cluster_id, c.cluster_version AS version
                FROM alerts.lark_alerts a
                LEFT JOIN byoc.cluster c ON c.cluster_id = a.cluster_id
                WHERE a.cluster_id IS NOT NULL AND a.cluster_id <> :cluster AND a.status = 'firing'
                  AND a.alert_name IN (:names)
                  AND coalesce(a.starts_at, a.received_at) >= :from AND coalesce(a.starts_at, a.received_at) <= :to
                ORDER BY a.cluster_id""")
                .param("cluster", clusterId).param("names", alertNames).param("from", from).param("to", to)
                .query(RecordRows.of(ClusterVersion.class)).list();
    }

    int clustersOnVersion(String version) {
        return jdbc.sql("SELECT count(*) FROM byoc.cluster WHERE cluster_version = ? AND released_at IS NULL")
                .param(version).query(Integer.class).single();
    }
}
