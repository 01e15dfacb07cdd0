package dev.byocfleet.alerts;

import java.time.LocalDateTime;
import org.jspecify.annotations.Nullable;

/**
 * One stored alert in a list, with its cluster's name, organization and customer tier when the
 * alert maps to a cluster. Times are UTC.
 */
public record AlertSummary(
        String messageId,
        String source,
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
        @Nullable LocalDateTime startsAt,
        @Nullable LocalDateTime endsAt,
        LocalDateTime receivedAt,
        String parseStatus,
        @Nullable String parseError,
        @Nullable String fingerprint,
        @Nullable Long issueId) {

    /** The same alert with its cluster's name, organization and tier. */
    AlertSummary withCluster(@Nullable String name, @Nullable String org, @Nullable String customerTier) {
        return new AlertSummary(messageId, source, status, severity, alertName, clusterId, name, org, customerTier,
                clusterRef, node, summary, startsAt, endsAt, receivedAt, parseStatus, parseError, fingerprint, issueId);
    }
}
