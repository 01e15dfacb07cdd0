package dev.byocfleet.alerts;

import java.time.LocalDateTime;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One stored alert in full. {@code rawPayload} is the text the alert came from, exactly as received
 * (a webhook alert's JSON object, a Lark message); it is untrusted text, never markup to render.
 */
public record AlertDetail(
        String messageId,
        String source,
        @Nullable String sourceMessageId,
        @Nullable String alertId,
        String status,
        String severity,
        @Nullable String alertName,
        @Nullable String clusterId,
        @Nullable String clusterName,
        @Nullable String orgId,
        @Nullable String tier,
        @Nullable String clusterRef,
        @Nullable String node,
        @Nullable String summary,
        @Nullable String description,
        Map<String, String> labels,
        Map<String, String> annotations,
        @Nullable LocalDateTime startsAt,
        @Nullable LocalDateTime endsAt,
        @Nullable String fingerprint,
        @Nullable String generatorUrl,
        LocalDateTime receivedAt,
        String parseStatus,
        @Nullable String parseError,
        @Nullable String ingestRunId,
        @Nullable Long issueId,
        @Nullable String rawPayload) {
}
