package dev.byocfleet.recommend;

import dev.byocfleet.store.Dialect;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class RecommendationRepository {

    private static final List<String> COLUMNS = List.of("recommendation_id", "issue_id", "cluster_id", "alert_name",
            "created_at", "source", "recommendation", "knowledge_doc_ids", "model");

    /** A cluster, alert name and UTC day that got alerts. */
    record AlertKey(String clusterId, String alertName, LocalDate day) {}

    record Row(String id, String clusterId, String alertName, LocalDateTime createdAt, String source, String text) {}

    private final JdbcClient jdbc;
    private final String insert;

    RecommendationRepository(JdbcClient jdbc, Dialect dialect) {
        this.jdbc = jdbc;
        this.insert = dialect.insertIfAbsent("alerts.alert_recommendations", COLUMNS);
    }

    /** The (cluster, alert name, day of start) of the parsed alerts a run inserted. */
    List<AlertKey> keysOfRun(String runId) {
        return jdbc.sql("""
                SELECT DISTINCT cluster_id, alert_name, CAST(coalesce(starts_at, received_at) AS DATE) AS day
                FROM alerts.lark_alerts
                WHERE ingest_run_id = ? AND parse_status = 'parsed' AND alert_name IS NOT NULL
                ORDER BY day, cluster_id, alert_name""")
                .param(runId)
                .query((rs, n) -> new AlertKey(rs.getString(1), rs.getString(2), rs.getObject(3, LocalDate.class)))
                .list();
    }

    Set<String> existing(Collection<String> ids) {
        Set<String> found = new HashSet<>();
        List<String> all = new ArrayList<>(ids);
        for (int i = 0; i < all.size(); i += 500) {
            found.addAll(jdbc.sql("SELECT recommendation_id FROM alerts.alert_recommendations WHERE recommendation_id IN (:ids)")
                    .param("ids", all.subList(i, Math.min(all.size(), i + 500))).query(String.class).list());
        }
        return found;
    }

    void insert(Row r) {
        jdbc.sql(insert).params(r.id(), null, r.clusterId(), r.alertName(), Timestamp.valueOf(r.createdAt()), r.source(),
                r.text(), null, null).update();
    }
}
