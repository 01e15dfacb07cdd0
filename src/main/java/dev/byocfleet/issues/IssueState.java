package dev.byocfleet.issues;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
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
    final AlertList alerts = new AlertList();
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
     * The issue's alerts. Counts every change other than an append ({@link #edits}), so that
     * {@link #recount()} can fold in only the alerts appended since it last ran.
     */
    static final class AlertList extends ArrayList<IssueAlert> {
        private int edits;

        int edits() {
            return edits;
        }

        @Override public void clear() { edits++; super.clear(); }
        @Override public IssueAlert remove(int index) { edits++; return super.remove(index); }
        @Override public boolean remove(Object o) { edits++; return super.remove(o); }
        @Override public boolean removeIf(java.util.function.Predicate<? super IssueAlert> filter) { edits++; return super.removeIf(filter); }
        @Override public boolean removeAll(java.util.Collection<?> c) { edits++; return super.removeAll(c); }
        @Override public boolean retainAll(java.util.Collection<?> c) { edits++; return super.retainAll(c); }
        @Override public IssueAlert set(int index, IssueAlert element) { edits++; return super.set(index, element); }
        @Override public void replaceAll(java.util.function.UnaryOperator<IssueAlert> op) { edits++; super.replaceAll(op); }
        @Override public void sort(java.util.Comparator<? super IssueAlert> c) { edits++; super.sort(c); }
        @Override protected void removeRange(int from, int to) { edits++; super.removeRange(from, to); }
    }

    /** What {@link #recount()} folded from {@code alerts[0, folded)}: instances (firing?), severity, first/last firing. */
    private final Map<String, Boolean> foldedInstances = new HashMap<>();
    /** How many of {@link #foldedInstances} are firing, kept as they change (a pass recounts after every alert). */
    private int foldedFiring;
    private String foldedSeverity;
    private LocalDateTime foldedFirst;
    private LocalDateTime foldedLast;
    private int folded;
    private int foldedEdits = -1;
    private Rest foldedRest;

    /** Folds the alerts appended since the last call; starts over after any other change to the list or to the rest. */
    private void fold() {
        if (foldedEdits != alerts.edits() || foldedRest != rest || folded > alerts.size()) {
            foldedInstances.clear();
            foldedFiring = 0;
            foldedSeverity = "info";
            foldedFirst = null;
            foldedLast = null;
            folded = 0;
            foldedEdits = alerts.edits();
            foldedRest = rest;
            if (rest == Rest.NOTHING) {
                affectedNodes.clear();
                fingerprints.clear();
            }
        }
        for (int i = folded; i < alerts.size(); i++) {
            IssueAlert a = alerts.get(i);
            Boolean was = foldedInstances.get(a.instanceKey());
            boolean now = was == null ? a.firing() : was && a.firing();
            if (was == null || was != now) {
                foldedInstances.put(a.instanceKey(), now);
                foldedFiring += (now ? 1 : 0) - (Boolean.TRUE.equals(was) ? 1 : 0);
            }
            foldedSeverity = Severity.max(foldedSeverity, Severity.normalize(a.severity()));
            if (a.firing()) {
                foldedFirst = foldedFirst == null || a.eventAt().isBefore(foldedFirst) ? a.eventAt() : foldedFirst;
                foldedLast = foldedLast == null || a.eventAt().isAfter(foldedLast) ? a.eventAt() : foldedLast;
            }
            if (a.node() != null) {
                addFirst(affectedNodes, a.node(), MAX_NODES);
            }
            if (a.fingerprint() != null) {
                addFirst(fingerprints, a.fingerprint(), MAX_FINGERPRINTS);
            }
        }
        folded = alerts.size();
    }

    /**
     * Counts, severity, first/last seen, nodes and fingerprints from the alerts (and, when only some
     * were loaded, from what the row counted over the others). An instance is firing while it has a
     * firing alert and no resolved one. A grouping pass calls this after every alert it adds, so only
     * the alerts added since the last call are folded in (the same figures as over all of them: each
     * figure is a maximum, a minimum, a logical AND per instance or a set union).
     */
    void recount() {
        fold();
        String sev = Severity.max(Severity.normalize(rest.severity()), foldedSeverity);
        LocalDateTime first = rest.firstSeen();
        LocalDateTime last = rest.lastSeen();
        if (foldedFirst != null) {
            first = first == null || foldedFirst.isBefore(first) ? foldedFirst : first;
            last = last == null || foldedLast.isAfter(last) ? foldedLast : last;
        }
        alertCount = foldedInstances.size() + rest.instances();
        firingCount = foldedFiring + rest.firing();
        if (!severityManual()) {
            severity = sev;
        }
        if (first != null) {
            firstSeen = first;
            lastSeen = last;
        }
    }

    /**
     * Adds {@code value} to a set that keeps only the first {@code n} in sort order: the same set
     * whether built from every alert at once or added to pass by pass, so live grouping and a rebuild
     * store the same row. A value after a full set's last is not even inserted (an issue of thousands
     * of alerts sees that for nearly every one).
     */
    static void addFirst(TreeSet<String> set, String value, int n) {
        if (set.size() < n || value.compareTo(set.last()) < 0) {
            set.add(value);
        }
        while (set.size() > n) {
            set.pollLast();
        }
    }

    /** True when every alert of this instance in the issue has a resolve. */
    boolean instanceResolved(String instanceKey) {
        fold();
        return Boolean.FALSE.equals(foldedInstances.get(instanceKey));
    }

    /** This issue as a list row, as {@code IssueQueryRepository} reads it from the stored row (without its cluster's names). */
    IssueSummary summary() {
        return new IssueSummary(issueId, title, clusterId, null, null, null, alertName, severity, status.wire(), assignee,
                firstSeen, lastSeen, resolvedAt, silencedUntil, alertCount, firingCount, reopenCount, mergedInto);
    }
}
