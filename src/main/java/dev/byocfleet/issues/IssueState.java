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
    /** The first {@link #MAX_NODES} node names in sort order: an issue row stays small however many alerts it takes. */
    final TreeSet<String> affectedNodes = new TreeSet<>();
    /** The first {@link #MAX_FINGERPRINTS} fingerprints in sort order ({@code issue_alerts} keeps every alert's). */
    final TreeSet<String> fingerprints = new TreeSet<>();
    Long mergedInto;
    final TreeSet<Long> relatedIssues = new TreeSet<>();
    String aiIssueId;
    /** Why the issue is what it is: the key, and the last transitions' reasons. */
    final Map<String, Object> explanation = new LinkedHashMap<>();
    final List<IssueAlert> alerts = new ArrayList<>();
    /**
     * What the row counted over the alerts that were not loaded, which {@link #recount()} adds to its
     * count of the loaded ones: {@link Rest#NOTHING} unless only some were (a grouping pass loads
     * those it can touch).
     */
    private Rest rest = Rest.NOTHING;

    /** The row's figures over the alerts that were not loaded. */
    private record Rest(int instances, int firing, String severity, LocalDateTime firstSeen, LocalDateTime lastSeen) {
        /** Every alert was loaded. */
        static final Rest NOTHING = new Rest(0, 0, "info", null, null);
    }

    static final int MAX_NODES = 200;
    static final int MAX_FINGERPRINTS = 100;

    IssueState(long issueId, String groupingKey) {
        this.issueId = issueId;
        this.groupingKey = groupingKey;
    }

    /** Set when an operator changed the severity: alerts no longer raise it. */
    boolean severityManual() {
        return explanation.get("severity_set_by") != null;
    }

    /**
     * Marks the alerts list as a part (all alerts of some instances): the row's counts minus those of
     * the loaded instances are what the other alerts count. Alerts are only ever added to an issue in
     * a grouping pass, so the row's severity, first/last seen, nodes and fingerprints stay valid lower
     * bounds and sets to add to.
     */
    void loadedInPart() {
        Map<String, Boolean> loaded = instances();
        int loadedFiring = (int) loaded.values().stream().filter(f -> f).count();
        rest = new Rest(alertCount - loaded.size(), firingCount - loadedFiring, severity, firstSeen, lastSeen);
    }

    private Map<String, Boolean> instances() {
        Map<String, Boolean> instances = new LinkedHashMap<>();
        for (IssueAlert a : alerts) {
            instances.merge(a.instanceKey(), a.firing(), (was, now) -> was && now);
        }
        return instances;
    }

    /**
     * Counts, severity, first/last seen, nodes and fingerprints from the alerts (and, when only some
     * were loaded, from what the row counted over the others). An instance is firing while it has a
     * firing alert and no resolved one.
     */
    void recount() {
        Map<String, Boolean> instances = instances();
        String sev = Severity.normalize(rest.severity());
        LocalDateTime first = rest.firstSeen();
        LocalDateTime last = rest.lastSeen();
        if (rest == Rest.NOTHING) {
            affectedNodes.clear();
            fingerprints.clear();
        }
        for (IssueAlert a : alerts) {
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
        keepFirst(affectedNodes, MAX_NODES);
        keepFirst(fingerprints, MAX_FINGERPRINTS);
        alertCount = instances.size() + rest.instances();
        firingCount = (int) instances.values().stream().filter(f -> f).count() + rest.firing();
        if (!severityManual()) {
            severity = sev;
        }
        if (first != null) {
            firstSeen = first;
            lastSeen = last;
        }
    }

    /**
     * Drops all but the first {@code n} in sort order: the same set whether built from every alert
     * at once or added to pass by pass, so live grouping and a rebuild store the same row.
     */
    private static void keepFirst(TreeSet<String> set, int n) {
        while (set.size() > n) {
            set.pollLast();
        }
    }

    /** True when every alert of this instance in the issue has a resolve. */
    boolean instanceResolved(String instanceKey) {
        return alerts.stream().anyMatch(a -> a.instanceKey().equals(instanceKey) && !a.firing());
    }
}
