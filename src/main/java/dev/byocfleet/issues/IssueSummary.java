package dev.byocfleet.issues;

import java.time.LocalDateTime;

/** One issue in a list: what, where, how bad, who has it, since when. */
public record IssueSummary(long issueId, String title, String clusterId, String clusterName, String orgName, String tier,
                           String alertName, String severity, String status, String assignee, LocalDateTime firstSeen,
                           LocalDateTime lastSeen, LocalDateTime resolvedAt, LocalDateTime silencedUntil, int alertCount,
                           int firingCount, int reopenCount, Long mergedInto) {

    /** The same issue with its cluster's name, organization and tier. */
    IssueSummary withCluster(String name, String org, String customerTier) {
        return new IssueSummary(issueId, title, clusterId, name, org, customerTier, alertName, severity, status, assignee,
                firstSeen, lastSeen, resolvedAt, silencedUntil, alertCount, firingCount, reopenCount, mergedInto);
    }
}
