package dev.byocfleet.ingest;

import dev.byocfleet.store.Dialect;
import dev.byocfleet.store.TableWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.springframework.jdbc.core.ConnectionCallback;
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
        return storedRuns(ids).keySet();
    }

    /** The ids among {@code ids} that are stored, each with the ingestion run that stored it. */
    Map<String, String> storedRuns(Collection<String> ids) {
        Map<String, String> found = new HashMap<>();
        List<String> all = new ArrayList<>(ids);
        for (int i = 0; i < all.size(); i += CHUNK) {
            List<String> chunk = all.subList(i, Math.min(all.size(), i + CHUNK));
            jdbc.sql("SELECT message_id, ingest_run_id FROM alerts.lark_alerts WHERE message_id IN (:ids)")
                    .param("ids", chunk)
                    .query((rs, n) -> found.put(rs.getString(1), rs.getString(2)))
                    .list();
        }
        return found;
    }

    /** Borrows a store connection and gives it back: fails as any store call would while the store is down. */
    void probe() {
        template.execute((ConnectionCallback<Void>) connection -> null);
    }

    /** An alert to insert and the ingestion run it came with. */
    record NewRow(NormalizedAlert alert, String ingestRunId) {}

    /** Every stored message id, streamed (the store's id index is built from it once). */
    void forEachMessageId(Consumer<String> consumer) {
        template.query("SELECT message_id FROM alerts.lark_alerts", rs -> {
            consumer.accept(rs.getString(1));
        });
    }

    /**
     * Writes the rows with the store's bulk writer on the current transaction's connection. Callers
     * have left out ids that are stored already; on DuckDB one that slipped through fails the
     * insert (primary key), on StarRocks it replaces the row with the same key.
     */
    void insert(List<NewRow> newRows) {
        if (newRows.isEmpty()) {
            return;
        }
        template.execute((ConnectionCallback<Void>) connection -> {
            try (TableWriter writer = dialect.openWriter(connection, "alerts", "lark_alerts", COLUMNS.size())) {
                for (NewRow row : newRows) {
                    NormalizedAlert a = row.alert();
                    writer.row(a.messageId(), clip(a.source(), 32), clip(a.sourceMessageId(), 128),
                            clip(a.alertId(), 128), clip(a.status(), 16), clip(a.severity(), 16),
                            clip(a.alertName(), 256), clip(a.clusterId(), 64), clip(a.clusterRef(), 256),
                            clip(a.node(), 256), a.summary(), a.description(),
                            JSON.writeValueAsString(new TreeMap<>(a.labels())),
                            JSON.writeValueAsString(new TreeMap<>(a.annotations())), a.startsAt(), a.endsAt(),
                            clip(a.fingerprint(), 128), clip(a.generatorUrl(), 2048), a.receivedAt(),
                            clip(a.parseStatus(), 16), clip(a.parseError(), 1024), clip(row.ingestRunId(), 64), null,
                            a.rawPayload());
                }
            }
            return null;
        });
    }

    /**
     * Cuts text to a column's width in UTF-8 bytes (StarRocks counts VARCHAR lengths in bytes and
     * rejects longer values), never inside a character. The raw payload keeps the full text.
     */
    static String clip(String s, int maxBytes) {
        if (s == null || s.length() * 3 <= maxBytes) {
            return s;
        }
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        if (utf8.length <= maxBytes) {
            return s;
        }
        int end = maxBytes;
        while (end > 0 && (utf8[end] & 0xC0) == 0x80) {
            end--;
        }
        return new String(utf8, 0, end, StandardCharsets.UTF_8);
    }
}
