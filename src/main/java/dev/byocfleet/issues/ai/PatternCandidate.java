package dev.byocfleet.issues.ai;

import java.time.LocalDateTime;

/** An issue with the cluster attributes AI grouping compares. */
record PatternCandidate(long issueId, String clusterId, String clusterName, String alertName, String title,
                        String summary, String severity, String status, LocalDateTime firstSeen, LocalDateTime lastSeen,
                        String version, String region, String instanceType, String tier) {

    String text() {
        return alertName + ": " + (summary == null ? title : summary);
    }
}
