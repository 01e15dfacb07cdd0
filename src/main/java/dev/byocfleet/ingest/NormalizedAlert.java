package dev.byocfleet.ingest;

import java.time.LocalDateTime;
import java.util.Map;

/**
 * One alert as every ingestion path stores it (a row of {@code alerts.lark_alerts}). Times are UTC.
 *
 * @param source          {@code alertmanager}, {@code grafana}, {@code lark} (Open API pipeline) or
 *                        {@code lark_mcp} (saved MCP results)
 * @param messageId       the dedup key: SHA-256 hex; webhooks hash (source, fingerprint, status,
 *                        startsAt), Lark hashes (source message id, position of the alert in it)
 * @param sourceMessageId the Lark message id, or the webhook's group key
 * @param status          {@code firing} or {@code resolved}
 * @param severity        {@code critical}, {@code warning} or {@code info}, from each source's explicit map
 * @param clusterId       resolved against byoc; null when no cluster matches (kept and counted, never dropped)
 * @param clusterRef      the reference the alert carried (cluster name, id, job or node address)
 * @param parseStatus     {@code parsed}, or {@code unparsed} with {@code parseError} saying why
 * @param rawPayload      the payload the alert came from, as received
 */
public record NormalizedAlert(String source, String messageId, String sourceMessageId, String alertId, String status,
                              String severity, String alertName, String clusterId, String clusterRef, String node,
                              String summary, String description, Map<String, String> labels,
                              Map<String, String> annotations, LocalDateTime startsAt, LocalDateTime endsAt,
                              String fingerprint, String generatorUrl, LocalDateTime receivedAt, String parseStatus,
                              String parseError, String rawPayload) {

    public NormalizedAlert {
        labels = labels == null ? Map.of() : Map.copyOf(labels);
        annotations = annotations == null ? Map.of() : Map.copyOf(annotations);
    }

    public boolean parsed() {
        return "parsed".equals(parseStatus);
    }
}
