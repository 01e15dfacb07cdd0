package dev.byocfleet.issues;

import java.time.LocalDateTime;

/**
 * One alert in an issue (a row of {@code alerts.issue_alerts}); {@code issueId} is null for a
 * resolved alert whose firing has not arrived yet.
 *
 * @param instanceKey one firing episode: fingerprint (or alert id, or name and node) @ startsAt
 * @param eventAt     when it happened: startsAt for a firing alert, endsAt for a resolved one
 */
public record IssueAlert(String messageId, Long issueId, String groupingKey, String instanceKey, String status,
                         String severity, String alertName, String node, String fingerprint, LocalDateTime eventAt,
                         LocalDateTime groupedAt) {

    boolean firing() {
        return "firing".equals(status);
    }

    IssueAlert withInstanceKey(String key) {
        return new IssueAlert(messageId, issueId, groupingKey, key, status, severity, alertName, node, fingerprint,
                eventAt, groupedAt);
    }

    IssueAlert withIssue(Long id) {
        return new IssueAlert(messageId, id, groupingKey, instanceKey, status, severity, alertName, node, fingerprint,
                eventAt, groupedAt);
    }
}
