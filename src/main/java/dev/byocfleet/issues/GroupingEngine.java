package dev.byocfleet.issues;

import dev.byocfleet.ingest.Digests;
import dev.byocfleet.ingest.NormalizedAlert;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The grouping rules, applied alert by alert in event-time order to a {@link GroupingState}:
 * <ul>
 *   <li>only firing alerts open issues; a firing alert joins the active issue of its key;</li>
 *   <li>after that issue resolved, a firing alert within the reopen window reopens it (counted),
 *       a later one opens a new issue; a closed issue never takes alerts again;</li>
 *   <li>a resolved alert resolves its instance; when no instance of an issue is firing any more, the
 *       issue resolves by itself;</li>
 *   <li>a resolved alert that arrives before its firing waits (pending); the firing then starts out
 *       resolved, so out-of-order delivery ends in the same state as in-order delivery;</li>
 *   <li>an alert grouped before (same message id) changes nothing.</li>
 * </ul>
 * Issue ids and event ids are derived from the alerts, so grouping the same alerts again (a
 * rebuild) gives the same issues.
 */
final class GroupingEngine {

    private final IssueProperties props;
    private final GroupingKeys keys;

    GroupingEngine(IssueProperties props) {
        this.props = props;
        this.keys = new GroupingKeys(props.groupingKey());
    }

    GroupingKeys keys() {
        return keys;
    }

    /** Event time, then firing before resolved, then message id: the order every pass uses. */
    static final Comparator<NormalizedAlert> ORDER = Comparator.comparing(GroupingKeys::eventTime)
            .thenComparing(a -> GroupingKeys.firing(a) ? 0 : 1)
            .thenComparing(NormalizedAlert::messageId);

    void apply(GroupingState state, List<NormalizedAlert> alerts, LocalDateTime groupedAt) {
        alerts.stream().filter(NormalizedAlert::parsed).sorted(ORDER).forEach(a -> applyOne(state, a, groupedAt));
    }

    private void applyOne(GroupingState st, NormalizedAlert a, LocalDateTime groupedAt) {
        if (st.seen.contains(a.messageId())) {
            return;
        }
        String key = keys.keyOf(a);
        String instance = instance(st, a, key);
        LocalDateTime t = GroupingKeys.eventTime(a);
        IssueAlert row = new IssueAlert(a.messageId(), null, key, instance, GroupingKeys.firing(a) ? "firing" : "resolved",
                Severity.normalize(a.severity()), a.alertName(), a.node(), a.fingerprint(), t, groupedAt);
        if (GroupingKeys.firing(a)) {
            firing(st, a, row, t);
        } else {
            resolved(st, row, t);
        }
    }

    /**
     * The alert's instance key, with the two copies of one episode as one instance: Alertmanager's or
     * Grafana's webhook sends it with a fingerprint, the Lark alert channel's card without (same
     * cluster, alert name, node and start). A copy without fingerprint takes the instance of the
     * webhook copy when the issue has one; a webhook copy takes over an instance the copy without
     * fingerprint started (its rows move to the webhook's instance key). So the issue counts the
     * alert once, a resolve from either source ends it, and the instance keys come out the same in
     * either order of arrival. Two webhook alerts of one episode (different fingerprints) stay two.
     * Copies in issues of different keys (a key with the severity or source field) stay apart; a copy
     * without fingerprint finds its webhook copy only where the key has the cluster field.
     */
    private String instance(GroupingState st, NormalizedAlert a, String key) {
        String instance = GroupingKeys.instanceKey(a);
        if (a.startsAt() == null || a.alertName() == null) {
            return instance;
        }
        if (GroupingKeys.keyedByEpisode(a)) {
            return keys.hasCluster()
                    ? st.fingerprintedCopy(GroupingKeys.rowEpisode(key, a.alertName(), a.node(), a.startsAt())).orElse(instance)
                    : instance;
        }
        if (a.fingerprint() != null && st.holder(instance).isEmpty()) {
            st.rekey(key, GroupingKeys.episodeKey(a), instance);
        }
        return instance;
    }

    private void resolved(GroupingState st, IssueAlert row, LocalDateTime t) {
        Optional<IssueState> holder = st.holder(row.instanceKey());
        IssueAlert r = row;
        if (holder.isEmpty()) {
            Optional<String> like = st.firingInstanceLike(row.instanceKey());
            if (like.isPresent()) {
                r = new IssueAlert(row.messageId(), null, row.groupingKey(), like.get(), row.status(), row.severity(),
                        row.alertName(), row.node(), row.fingerprint(), t, row.groupedAt());
                holder = st.holder(like.get());
            }
        }
        if (holder.isEmpty()) {
            st.addPending(row);
            st.rows.put(row.messageId(), row);
            return;
        }
        IssueState issue = holder.get();
        st.attach(issue, r);
        issue.recount();
        touch(issue, t);
        if (issue.firingCount == 0 && issue.status.active()) {
            resolve(st, issue, t, r.messageId(), lastResolved(r));
        }
    }

    private void firing(GroupingState st, NormalizedAlert a, IssueAlert row, LocalDateTime t) {
        Optional<IssueState> over = st.holder(row.instanceKey()).filter(h -> h.instanceResolved(row.instanceKey()));
        if (over.isPresent()) {
            // another notice of an episode that is over: kept with its issue, changes no status
            st.attach(over.get(), row);
            over.get().recount();
            return;
        }
        if (st.holder(row.instanceKey()).isEmpty()) {
            Optional<IssueState> ended = st.endedAfter(row.groupingKey(), t);
            if (ended.isPresent()) {
                // a late notice of an episode that ended after it began: history of that issue, no reopen
                IssueAlert late = st.pending.remove(row.instanceKey());
                st.attach(ended.get(), row);
                if (late != null) {
                    st.attach(ended.get(), late);
                }
                ended.get().recount();
                return;
            }
        }
        IssueAlert waiting = st.pending.remove(row.instanceKey());
        Optional<IssueState> target = st.holder(row.instanceKey()).or(() -> st.latest(row.groupingKey()));
        IssueState issue;
        if (target.isPresent() && target.get().status.active()) {
            issue = target.get();
        } else if (target.isPresent() && target.get().status == IssueStatus.RESOLVED
                && !t.isAfter(target.get().resolvedAt.plus(props.reopenWindow()))) {
            issue = target.get();
            boolean history = waiting != null && !t.isAfter(issue.resolvedAt);
            if (!history) {
                reopen(st, issue, t, row, a);
            }
        } else {
            issue = open(st, a, row, t, target.orElse(null));
        }
        st.attach(issue, row);
        if (waiting != null) {
            st.attach(issue, waiting);
        }
        issue.recount();
        touch(issue, waiting != null && waiting.eventAt().isAfter(t) ? waiting.eventAt() : t);
        if (issue.firingCount == 0 && issue.status.active()) {
            IssueAlert last = waiting != null ? waiting : row;
            resolve(st, issue, last.eventAt(), last.messageId(), lastResolved(last));
        }
    }

    private IssueState open(GroupingState st, NormalizedAlert a, IssueAlert row, LocalDateTime t, IssueState previous) {
        IssueState issue = new IssueState(issueId(row.groupingKey(), row.instanceKey()), row.groupingKey());
        issue.clusterId = a.clusterId();
        issue.alertName = a.alertName();
        String where = a.clusterId() != null ? a.clusterId() : a.clusterRef() != null ? a.clusterRef() : "an unknown cluster";
        issue.title = (a.alertName() == null ? "Alert" : a.alertName()) + " on " + where;
        issue.summary = a.summary() != null ? a.summary() : a.description();
        issue.createdAt = t;
        issue.updatedAt = t;
        issue.firstSeen = t;
        issue.lastSeen = t;
        issue.explanation.put("grouping_key", row.groupingKey());
        issue.explanation.put("grouped_by", keys.fields());
        issue.explanation.put("why_grouped", "Every firing alert with the same " + keys.describe() + " ("
                + row.groupingKey() + ") joins this issue while it is open, and reopens it within "
                + human(props.reopenWindow()) + " after it resolved.");
        String why;
        if (previous == null) {
            why = "the first firing alert of this key";
        } else if (previous.status == IssueStatus.CLOSED) {
            why = "the previous issue of this key, #" + previous.issueId + ", is closed";
        } else {
            why = "the previous issue of this key, #" + previous.issueId + ", resolved at " + previous.resolvedAt
                    + ", more than " + human(props.reopenWindow()) + " before";
        }
        issue.explanation.put("opened_because", why);
        st.created(issue);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("message_id", row.messageId());
        details.put("grouping_key", row.groupingKey());
        if (previous != null) {
            details.put("previous_issue_id", previous.issueId);
        }
        st.events.add(IssueEvent.derived(issue.issueId, "opened", t, row.messageId(), null, IssueStatus.OPEN,
                "Opened by a firing '" + a.alertName() + "' alert: " + why + ".", details));
        return issue;
    }

    private void reopen(GroupingState st, IssueState issue, LocalDateTime t, IssueAlert row, NormalizedAlert a) {
        Duration after = Duration.between(issue.resolvedAt, t);
        String why = "a firing '" + a.alertName() + "' alert at " + t + " came " + human(after.isNegative() ? Duration.ZERO : after)
                + " after the issue resolved at " + issue.resolvedAt + ", inside the reopen window of "
                + human(props.reopenWindow());
        IssueStatus from = issue.status;
        issue.status = IssueStatus.OPEN;
        issue.reopenCount++;
        issue.resolvedAt = null;
        issue.explanation.put("reopened_because", why);
        issue.explanation.remove("resolved_because");
        st.dirty.add(issue.issueId);
        st.events.add(IssueEvent.derived(issue.issueId, "reopened", t, row.messageId(), from, IssueStatus.OPEN,
                "Reopened: " + why + ".", Map.of("message_id", row.messageId(), "reopen_count", issue.reopenCount)));
    }

    private static void resolve(GroupingState st, IssueState issue, LocalDateTime at, String cause, String why) {
        IssueStatus from = issue.status;
        issue.status = IssueStatus.RESOLVED;
        issue.resolvedAt = at;
        issue.silencedUntil = null;
        issue.updatedAt = at;
        issue.explanation.put("resolved_because", why);
        st.dirty.add(issue.issueId);
        st.events.add(IssueEvent.derived(issue.issueId, "auto_resolved", at, cause, from, IssueStatus.RESOLVED,
                "Resolved automatically: " + why + ".", Map.of("rule", "alerts_resolved")));
    }

    /** The same words whichever order the alerts came in, so a rebuild writes the same event. */
    private static String lastResolved(IssueAlert r) {
        return "every alert of the issue resolved; the last, '" + r.alertName() + "'"
                + (r.node() == null ? "" : " on " + r.node()) + ", at " + r.eventAt();
    }

    private static void touch(IssueState issue, LocalDateTime t) {
        if (issue.updatedAt == null || t.isAfter(issue.updatedAt)) {
            issue.updatedAt = t;
        }
    }

    /** A positive id below 2^53 (exact in JavaScript) from the key and the first alert's instance. */
    static long issueId(String groupingKey, String instanceKey) {
        byte[] h = Digests.sha256(groupingKey + "#" + instanceKey);
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = (v << 8) | (h[i] & 0xff);
        }
        long id = v & ((1L << 53) - 1);
        return id == 0 ? 1 : id;
    }

    static String human(Duration d) {
        long minutes = d.toMinutes();
        if (minutes < 120) {
            return minutes + " min";
        }
        long hours = d.toHours();
        return hours < 72 ? hours + " h" : d.toDays() + " days";
    }
}
