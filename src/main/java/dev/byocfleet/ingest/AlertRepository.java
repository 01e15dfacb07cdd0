package dev.byocfleet.ingest;

import dev.byocfleet.store.Dialect;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

@Repository
class AlertRepository {

    static final List<String> COLUMNS = List.of("message_id", "source", "source_message_id", "alert_id", "status",
            "severity", "alert_name", "cluster_id", "cluster_ref", "node", "summary", "description", "labels",
            "annotations", "starts_at", "ends_at", "fingerprint", "generator_url", "received_at", "parse_status",
            "parse_error", "ingest_run_id", "issue_id", "raw_payload");
    private static final int CHUNK = 500;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final Dialect dialect;

    AlertRepository(JdbcClient jdbc, JdbcTemplate template, Dialect dialect) {
        this.jdbc = jdbc;
        this.template = template;
        this.dialect = dialect;
    }

    Set<String> existingMessageIds(Collection<String> ids) {
        Set<String> found = new HashSet<>();
        List<String> all = new ArrayList<>(ids);
        for (int i = 0; i < all.size(); i += CHUNK) {
            List<String> chunk = all.subList(i, Math.min(all.size(), i + CHUNK));
            found.addAll(jdbc.sql("SELECT message_id FROM alerts.lark_alerts WHERE message_id IN (:ids)")
                    .param("ids", chunk).query(String.class).list());
        }
        return found;
    }

    void insert(List<NormalizedAlert> alerts, String ingestRunId) {
        if (alerts.isEmpty()) {
            return;
        }
        List<Object[]> rows = new ArrayList<>(alerts.size());
        for (NormalizedAlert a : alerts) {
            rows.add(new Object[] {a.messageId(), a.source(), a.sourceMessageId(), a.alertId(), a.status(),
                    a.severity(), a.alertName(), a.clusterId(), a.clusterRef(), a.node(), a.summary(),
                    a.description(), JSON.writeValueAsString(a.labels()), JSON.writeValueAsString(a.annotations()),
                    ts(a.startsAt()), ts(a.endsAt()), a.fingerprint(), a.generatorUrl(), ts(a.receivedAt()),
                    a.parseStatus(), a.parseError(), ingestRunId, null, a.rawPayload()});
        }
        template.batchUpdate(dialect.insertIfAbsent("alerts.lark_alerts", COLUMNS), rows);
    }

    private static Timestamp ts(LocalDateTime t) {
        return t == null ? null : Timestamp.valueOf(t);
    }
}
