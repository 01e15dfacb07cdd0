package dev.byocfleet.demo;

import dev.byocfleet.store.Dialect;
import dev.byocfleet.store.TableWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the generated alerts where the product reads them: rows in {@code alerts.lark_alerts}
 * (one per alert per Lark message, as the Lark pipeline stores them) and the payload files of the
 * three ingestion paths under the data folder.
 */
final class AlertOutput {

    static final String CHAT_ID = "oc_5f1c0a9e7d3b2a1908f6e4c2b0a9d8e7";

    private final FleetModel fleet;
    private final Dialect dialect;
    private final AlertPayloads payloads;

    AlertOutput(FleetModel fleet, Dialect dialect, long seed) {
        this.fleet = fleet;
        this.dialect = dialect;
        this.payloads = new AlertPayloads(fleet, seed, CHAT_ID);
    }

    void writeRows(Connection c, List<DemoAlert> alerts, Map<String, Long> counts) throws SQLException {
        try (TableWriter w = dialect.openWriter(c, "alerts", "lark_alerts", 24)) {
            for (AlertPayloads.LarkMessage msg : payloads.larkMessages(alerts)) {
                for (int i = 0; i < msg.alerts().size(); i++) {
                    DemoAlert a = msg.alerts().get(i);
                    boolean resolved = msg.resolvedFlags().get(i);
                    Map<String, String> labels = new LinkedHashMap<>();
                    labels.put("alertname", a.name());
                    labels.put("cluster", a.cluster().name);
                    labels.put("cluster_id", a.cluster().clusterId);
                    if (a.node() != null) {
                        labels.put("instance", a.node().instance());
                    }
                    labels.put("severity", a.severity());
                    Map<String, String> annotations = Map.of("summary", a.summary());
                    w.row(sha256("lark|" + msg.messageId() + "|" + i), "lark", msg.messageId(),
                            a.fingerprint(), resolved ? "resolved" : "firing", a.severity(), a.name(),
                            a.cluster().clusterId, a.cluster().name, a.node() == null ? null : a.node().instance(),
                            a.summary(), null, FleetTables.json(labels), FleetTables.json(annotations), a.startsAt(),
                            resolved ? a.endsAt() : null, a.fingerprint(), null, msg.createTime(), "parsed", null,
                            "demo-generator", null, msg.content());
                }
            }
            w.close();
            counts.merge("alerts.lark_alerts", w.rowsWritten(), Long::sum);
        }
    }

    void writeFiles(Path alertDir, List<DemoAlert> alerts) throws IOException {
        payloads.writeAll(alertDir, alerts);
    }

    static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
