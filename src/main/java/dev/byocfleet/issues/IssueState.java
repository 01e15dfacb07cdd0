package dev.byocfleet.issues;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * An issue as the grouping rules change it: a row of {@code alerts.issues} and the alerts in it.
 * Mutable on purpose and never shared between threads: the grouping runs on one thread at a time.
 */
final class IssueState {

    final long issueId;
    final String groupingKey;
    String clusterId;
    String alertName;
    String title;
    String summary;
    String severity = "info";
    IssueStatus status = IssueStatus.OPEN;
    String assignee;
    LocalDateTime firstSeen;
    /** The newest firing alert: the resolve TTL counts from it. */
    LocalDateTime lastSeen;
    LocalDateTime createdAt;
    LocalDateTime updatedAt;
    LocalDateTime acknowledgedAt;
    LocalDateTime resolvedAt;
    LocalDateTime closedAt;
    LocalDateTime silencedUntil;
    int alertCount;
    int firingCount;
    int reopenCount;
    final TreeSet<String> affectedNodes = new TreeSet<>();
    final TreeSet<String> fingerprints = new TreeSet<>();
    Long mergedInto;
    final TreeSet<Long> relatedIssues = new TreeSet<>();
    String aiIssueId;
    /** Why the issue is what it is: the key, and the last transitions' reasons. */
    final Map<String, Object> explanation = new LinkedHashMap<>();
    final List<IssueAlert> alerts = new ArrayList<>();

    IssueState(long issueId, String groupingKey) {
        this.issueId = issueId;
        this.groupingKey = groupingKey;
    }

    /** Set when an operator changed the severity: alerts no longer raise it. */
    boolean severityManual() {
        return explanation.get("severity_set_by") != null;
    }

    /**
     * Counts, severity, first/last seen, nodes and fingerprints from the alerts. An instance is
     * firing while it has a firing alert and no resolved one.
     */
    void recount() {
        Map<String, Boolean> instances = new LinkedHashMap<>();
        String sev = "info";
        LocalDateTime first = null;
        LocalDateTime last = null;
        affectedNodes.clear();
        fingerprints.clear();
        for (IssueAlert a : alerts) {
            instances.merge(a.instanceKey(), a.firing(), (was, now) -> was && now);
            sev = Severity.max(sev, Severity.normalize(a.severity()));
            if (a.firing()) {
                first = first == null || a.eventAt().isBefore(first) ? a.eventAt() : first;
                last = last == null || a.eventAt().isAfter(last) ? a.eventAt() : last;
            }
            if (a.node() != null) {
                affectedNodes.add(a.node());
            }
            if (a.fingerprint() != null) {
                fingerprints.add(a.fingerprint());
            }
        }
        alertCount = instances.size();
        firingCount = (int) instances.values().stream().filter(f -> f).count();
        if (!severityManual()) {
            severity = sev;
        }
        if (first != null) {
            firstSeen = first;
            lastSeen = last;
        }
    }

    /** True when every alert of this instance in the issue has a resolve. */
    boolean instanceResolved(String instanceKey) {
        return alerts.stream().anyMatch(a -> a.instanceKey().equals(instanceKey) && !a.firing());
    }
}
