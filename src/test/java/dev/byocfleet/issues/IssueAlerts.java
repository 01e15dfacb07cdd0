package dev.byocfleet.issues;

import dev.byocfleet.ingest.NormalizedAlert;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDateTime;
import java.util.HexFormat;
import java.util.Map;

/** Alerts as an Alertmanager webhook would deliver them, with only what grouping reads set. */
final class IssueAlerts {

    static final LocalDateTime T0 = LocalDateTime.of(2026, 11, 20, 8, 0);

    private IssueAlerts() {
    }

    static NormalizedAlert firing(String cluster, String name, String node, String severity, LocalDateTime startsAt) {
        return alert("firing", cluster, name, node, severity, startsAt, null);
    }

    static NormalizedAlert resolved(String cluster, String name, String node, String severity, LocalDateTime startsAt,
                                    LocalDateTime endsAt) {
        return alert("resolved", cluster, name, node, severity, startsAt, endsAt);
    }

    static NormalizedAlert alert(String status, String cluster, String name, String node, String severity,
                                 LocalDateTime startsAt, LocalDateTime endsAt) {
        String fingerprint = sha(cluster + "|" + name + "|" + node).substring(0, 16);
        // the webhook's dedup key: source, fingerprint, status, startsAt
        String messageId = sha("alertmanager|" + fingerprint + "|" + status + "|" + startsAt);
        return new NormalizedAlert("alertmanager", messageId, "group", fingerprint, status, severity, name, cluster,
                cluster, node, name + " summary", null, Map.of("alertname", name, "instance", node == null ? "" : node),
                Map.of(), startsAt, endsAt, fingerprint, null, endsAt != null ? endsAt : startsAt, "parsed", null, "{}");
    }

    /** The Lark alert channel's copy of an alert: no fingerprint and no alert id, its own message id. */
    static NormalizedAlert lark(NormalizedAlert webhook) {
        String messageId = sha("lark|" + webhook.messageId());
        return new NormalizedAlert("lark_mcp", messageId, "om_" + messageId.substring(0, 12), null, webhook.status(),
                webhook.severity(), webhook.alertName(), webhook.clusterId(), webhook.clusterRef(), webhook.node(),
                webhook.summary(), null, Map.of(), Map.of(), webhook.startsAt(), webhook.endsAt(), null, null,
                webhook.receivedAt(), "parsed", null, "{}");
    }

    /** The same alert with another label set, so another fingerprint (as two disks of one node). */
    static NormalizedAlert otherLabels(NormalizedAlert webhook, String label) {
        String fingerprint = sha(webhook.fingerprint() + "|" + label).substring(0, 16);
        String messageId = sha("alertmanager|" + fingerprint + "|" + webhook.status() + "|" + webhook.startsAt());
        return new NormalizedAlert(webhook.source(), messageId, webhook.sourceMessageId(), fingerprint, webhook.status(),
                webhook.severity(), webhook.alertName(), webhook.clusterId(), webhook.clusterRef(), webhook.node(),
                webhook.summary(), null, webhook.labels(), Map.of(), webhook.startsAt(), webhook.endsAt(), fingerprint, null,
                webhook.receivedAt(), "parsed", null, "{}");
    }

    static String sha(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
