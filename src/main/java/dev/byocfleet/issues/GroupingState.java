package dev.byocfleet.issues;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The part of the issue store one grouping pass works on (the issues of the keys and alert
 * instances it touches, loaded by the repository, or nothing for a unit test), and what the pass
 * changed, for the repository to write in one transaction.
 */
final class GroupingState {

    final Map<Long, IssueState> issues = new HashMap<>();
    /** The newest issue of each grouping key. */
    final Map<String, Long> latestByKey = new HashMap<>();
    /** Resolved alerts whose firing has not arrived, by instance key. */
    final Map<String, IssueAlert> pending = new HashMap<>();
    /** Message ids grouped already: a redelivered alert changes nothing. */
    final Set<String> seen;
    private final Map<String, Long> holderByInstance;
    /** Every issue of each grouping key, so a key's lookups do not scan the whole pass's issues. */
    private final Map<String, List<IssueState>> byKey = new HashMap<>();
    /** The instance keys of {@link #holderByInstance} by alert identity (see {@link #identity}). */
    private final Map<String, Set<String>> instancesByIdentity;
    /** The least instance key of the firing rows with a fingerprint, by {@link GroupingKeys#rowEpisode}. */
    private final Map<String, String> fingerprintedByEpisode;

    final Set<Long> dirty = new LinkedHashSet<>();
    final Set<Long> created = new LinkedHashSet<>();
    final Map<String, IssueAlert> rows;
    final List<IssueEvent> events = new ArrayList<>();

    GroupingState() {
        this(0);
    }

    /**
     * A state for a pass over about {@code alerts} alerts: the maps that take an entry per alert are
     * made that large at once (a live pass takes thousands; growing them step by step showed in its
     * profile).
     */
    GroupingState(int alerts) {
        seen = HashSet.newHashSet(alerts);
        holderByInstance = HashMap.newHashMap(alerts);
        instancesByIdentity = HashMap.newHashMap(alerts);
        fingerprintedByEpisode = HashMap.newHashMap(alerts);
        rows = LinkedHashMap.newLinkedHashMap(alerts);
    }

    /** Adds a loaded (or new) issue; the newest first_seen of a key wins {@link #latestByKey}. */
    void add(IssueState issue) {
        IssueState replaced = issues.put(issue.issueId, issue);
        if (replaced != null) {
            byKey.get(replaced.groupingKey).remove(replaced);
        }
        byKey.computeIfAbsent(issue.groupingKey, k -> new ArrayList<>(2)).add(issue);
        latestByKey.merge(issue.groupingKey, issue.issueId, (a, b) -> newer(issues.get(a), issues.get(b)));
        for (IssueAlert a : issue.alerts) {
            hold(a.instanceKey(), issue.issueId);
            seen.add(a.messageId());
            noteEpisode(a);
        }
    }

    private static long newer(IssueState a, IssueState b) {
        if (a.firstSeen == null || b.firstSeen == null) {
            return a.firstSeen == null ? b.issueId : a.issueId;
        }
        int c = a.firstSeen.compareTo(b.firstSeen);
        return c != 0 ? (c > 0 ? a.issueId : b.issueId) : Math.max(a.issueId, b.issueId);
    }

    void addPending(IssueAlert resolved) {
        pending.put(resolved.instanceKey(), resolved);
        seen.add(resolved.messageId());
    }

    /** The issue an instance is in, following merges. */
    Optional<IssueState> holder(String instanceKey) {
        Long id = holderByInstance.get(instanceKey);
        return id == null ? Optional.empty() : Optional.of(followMerges(issues.get(id)));
    }

    /** A firing instance with the same alert identity (fingerprint part), for resolves that lost their startsAt. */
    Optional<String> firingInstanceLike(String instanceKey) {
        return instancesByIdentity.getOrDefault(identity(instanceKey), Set.of()).stream()
                .filter(k -> !issues.get(holderByInstance.get(k)).instanceResolved(k))
                .max(String::compareTo);
    }

    /**
     * The instance of a webhook copy (with a fingerprint) of this episode, the least when there are
     * several: where a copy without fingerprint (the Lark channel's) belongs.
     */
    Optional<String> fingerprintedCopy(String rowEpisode) {
        return Optional.ofNullable(fingerprintedByEpisode.get(rowEpisode));
    }

    private void noteEpisode(IssueAlert r) {
        if (r.fingerprint() != null && r.firing() && r.alertName() != null && r.eventAt() != null) {
            fingerprintedByEpisode.merge(GroupingKeys.rowEpisode(r.groupingKey(), r.alertName(), r.node(), r.eventAt()),
                    r.instanceKey(), (a, b) -> a.compareTo(b) <= 0 ? a : b);
        }
    }

    /**
     * Moves instance {@code from} of the issues of {@code key} (and a resolve of it still waiting for
     * its firing) to instance {@code to}: the Lark channel's copy of an episode joins the webhook's
     * copy once that arrives, so both count as one alert whichever came first.
     */
    void rekey(String key, String from, String to) {
        if (!holderByInstance.containsKey(from) && !pending.containsKey(from)) {
            return; // nearly always: no copy without fingerprint came first
        }
        for (IssueState issue : byKey.getOrDefault(key, List.of())) {
            boolean moved = false;
            for (int i = 0; i < issue.alerts.size(); i++) {
                IssueAlert r = issue.alerts.get(i);
                if (r.instanceKey().equals(from)) {
                    IssueAlert again = r.withInstanceKey(to);
                    issue.alerts.set(i, again);
                    rows.put(again.messageId(), again);
                    moved = true;
                }
            }
            if (moved) {
                dirty.add(issue.issueId);
                Long holder = holderByInstance.remove(from);
                if (holder != null) {
                    Set<String> same = instancesByIdentity.get(identity(from));
                    if (same != null) {
                        same.remove(from);
                    }
                    hold(to, holder);
                }
            }
        }
        IssueAlert waiting = pending.get(from);
        if (waiting != null && key.equals(waiting.groupingKey())) {
            pending.remove(from);
            IssueAlert again = waiting.withInstanceKey(to);
            pending.put(to, again);
            rows.put(again.messageId(), again);
        }
    }

    private void hold(String instanceKey, long issueId) {
        if (holderByInstance.put(instanceKey, issueId) == null) {
            instancesByIdentity.computeIfAbsent(identity(instanceKey), k -> new HashSet<>(2)).add(instanceKey);
        }
    }

    static String identity(String instanceKey) {
        int at = instanceKey.lastIndexOf('@');
        return at < 0 ? instanceKey : instanceKey.substring(0, at);
    }

    /**
     * The issue of this key that was already over when {@code t} happened but had started by then:
     * a late notice of its episode (another source's copy, a delayed delivery) belongs there.
     */
    Optional<IssueState> endedAfter(String key, LocalDateTime t) {
        return byKey.getOrDefault(key, List.of()).stream()
                .filter(i -> i.mergedInto == null && !i.status.active())
                .filter(i -> i.resolvedAt != null && i.firstSeen != null && !i.firstSeen.isAfter(t) && !t.isAfter(i.resolvedAt))
                .max(java.util.Comparator.comparing((IssueState i) -> i.firstSeen).thenComparingLong(i -> i.issueId));
    }

    Optional<IssueState> latest(String key) {
        Long id = latestByKey.get(key);
        return id == null ? Optional.empty() : Optional.of(followMerges(issues.get(id)));
    }

    IssueState followMerges(IssueState issue) {
        IssueState s = issue;
        for (int hops = 0; s.mergedInto != null && issues.containsKey(s.mergedInto) && hops < 16; hops++) {
            s = issues.get(s.mergedInto);
        }
        return s;
    }

    /** Puts an alert into an issue and marks both for writing. */
    void attach(IssueState issue, IssueAlert row) {
        IssueAlert r = row.withIssue(issue.issueId);
        issue.alerts.add(r);
        hold(r.instanceKey(), issue.issueId);
        seen.add(r.messageId());
        rows.put(r.messageId(), r);
        dirty.add(issue.issueId);
        noteEpisode(r);
    }

    void created(IssueState issue) {
        add(issue);
        latestByKey.put(issue.groupingKey, issue.issueId);
        created.add(issue.issueId);
        dirty.add(issue.issueId);
    }
}
