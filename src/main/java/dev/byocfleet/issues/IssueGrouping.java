package dev.byocfleet.issues;

import dev.byocfleet.ingest.AlertsStoredListener;
import dev.byocfleet.ingest.NormalizedAlert;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs the grouping rules: on every batch of alerts the store commits (all ingestion paths), in the
 * lifecycle sweep, and when a time window is rebuilt from {@code lark_alerts}. One pass at a time,
 * each in one transaction, so a pass sees what the one before it wrote.
 */
@Component
class IssueGrouping implements AlertsStoredListener {

    private static final Logger log = LoggerFactory.getLogger(IssueGrouping.class);
    /** Stored alerts this far back that no pass grouped (a failed pass) are grouped by the sweep. */
    static final Duration CATCH_UP = Duration.ofDays(2);
    /** Alerts received this recently may still be on their way to a grouping pass: the sweep leaves them. */
    static final Duration SETTLE = Duration.ofMinutes(1);

    /** What a rebuild did. */
    record RebuildResult(LocalDateTime from, LocalDateTime to, int issuesBefore, int alerts, int issuesAfter) {}

    private final IssueRepository repository;
    private final TransactionTemplate tx;
    private final IssueProperties props;
    private final GroupingEngine engine;
    private final Lifecycle lifecycle;
    private final Clock clock;

    @Autowired
    IssueGrouping(IssueRepository repository, TransactionTemplate tx, IssueProperties props) {
        this(repository, tx, props, Clock.systemUTC());
    }

    IssueGrouping(IssueRepository repository, TransactionTemplate tx, IssueProperties props, Clock clock) {
        this.repository = repository;
        this.tx = tx;
        this.props = props;
        this.engine = new GroupingEngine(props);
        this.lifecycle = new Lifecycle(props);
        this.clock = clock;
    }

    @Override
    public void alertsStored(List<NormalizedAlert> alerts) {
        group(alerts);
    }

    /** Groups alerts (already stored); answers the ids of the issues it opened. */
    synchronized Set<Long> group(List<NormalizedAlert> alerts) {
        List<NormalizedAlert> parsed = alerts.stream().filter(NormalizedAlert::parsed).toList();
        if (parsed.isEmpty()) {
            return Set.of();
        }
        return tx.execute(status -> {
            Set<String> keys = new LinkedHashSet<>();
            Set<String> instances = new LinkedHashSet<>();
            Set<String> resolvedIdentities = new LinkedHashSet<>();
            Set<IssueRepository.Episode> episodes = new LinkedHashSet<>();
            parsed.forEach(a -> {
                String key = engine.keys().keyOf(a);
                keys.add(key);
                String instance = GroupingKeys.instanceKey(a);
                instances.add(instance);
                if (!GroupingKeys.firing(a)) {
                    resolvedIdentities.add(GroupingState.identity(instance));
                }
                // the other source's copy of the episode (see GroupingEngine.instance)
                if (a.startsAt() != null && a.alertName() != null) {
                    if (a.fingerprint() != null) {
                        instances.add(GroupingKeys.episodeKey(a));
                    } else if (engine.keys().hasCluster()) {
                        episodes.add(new IssueRepository.Episode(key, a.alertName(), a.node(), a.startsAt()));
                    }
                }
            });
            GroupingState state = repository.load(keys, instances, resolvedIdentities,
                    parsed.stream().map(NormalizedAlert::messageId).toList(), episodes);
            engine.apply(state, parsed, now());
            repository.save(state);
            linkStorms(state);
            return state.created;
        });
    }

    /**
     * Links the issues of an alert storm: {@code storm-size} or more issues first seen on one cluster
     * in one clock hour are linked to each other. Decided from the stored issues alone, so live
     * grouping and a rebuild link the same issues.
     */
    private void linkStorms(GroupingState grouped) {
        Set<String> hours = new LinkedHashSet<>();
        for (long id : grouped.created) {
            IssueState s = grouped.issues.get(id);
            if (s.clusterId != null && s.firstSeen != null) {
                hours.add(s.clusterId + "|" + s.firstSeen.truncatedTo(ChronoUnit.HOURS));
            }
        }
        for (String h : hours) {
            String cluster = h.substring(0, h.indexOf('|'));
            LocalDateTime hour = LocalDateTime.parse(h.substring(h.indexOf('|') + 1));
            List<Long> ids = repository.openedOnCluster(cluster, hour, hour.plusHours(1));
            if (ids.size() < props.stormSize()) {
                continue;
            }
            GroupingState state = new GroupingState();
            repository.loadIssues(state, ids, IssueRepository.AlertScope.NONE);
            for (long a : ids) {
                for (long b : ids) {
                    IssueState x = state.issues.get(a);
                    IssueState y = state.issues.get(b);
                    if (a < b && !x.relatedIssues.contains(b)) {
                        String note = "Alert storm: " + ids.size() + " issues opened on " + cluster + " between " + hour
                                + " and " + hour.plusHours(1) + ".";
                        for (IssueState[] pair : new IssueState[][] {{x, y}, {y, x}}) {
                            pair[0].relatedIssues.add(pair[1].issueId);
                            state.dirty.add(pair[0].issueId);
                            state.events.add(IssueEvent.derived(pair[0].issueId, "linked", hour, "storm:" + pair[1].issueId,
                                    null, null, note, Map.of("issue_id", pair[1].issueId, "rule", "alert_storm")));
                        }
                    }
                }
            }
            repository.save(state);
        }
    }

    /**
     * Runs a change of people (triage) on these issues in one transaction, serialized with the
     * grouping passes so neither overwrites the other.
     */
    synchronized void change(java.util.Collection<Long> issueIds, java.util.function.Consumer<GroupingState> action) {
        tx.executeWithoutResult(status -> {
            GroupingState state = new GroupingState();
            repository.loadIssues(state, issueIds);
            action.accept(state);
            repository.save(state);
        });
    }

    /** The time rules at {@code now}, after grouping stored alerts that no pass grouped. Answers the ids it changed. */
    synchronized List<Long> sweep(LocalDateTime now) {
        List<String> missed = repository.ungroupedAlertIds(now.minus(CATCH_UP), now.plusDays(1), now.minus(SETTLE));
        if (!missed.isEmpty()) {
            log.warn("grouping {} stored alerts that no grouping pass took", missed.size());
            group(repository.alerts(missed));
        }
        return tx.execute(status -> {
            List<Long> due = repository.dueForSweep(now.minus(props.resolveTtl()), now.minus(props.closeAfter()), now);
            GroupingState state = new GroupingState();
            repository.loadIssues(state, due, IssueRepository.AlertScope.NONE);
            List<Long> changed = lifecycle.sweep(state, now);
            repository.save(state);
            return changed;
        });
    }

    /**
     * Groups [from, to) of event time again from {@code lark_alerts}, as live grouping did: forgets
     * the issues first seen in it (widening {@code to} to cover their alerts) and groups the alerts
     * again, oldest first. Ids derive from the alerts, so the same issues come back; what operators
     * did to them (owner, acknowledgement, severity, silence, links, merges, comments) is kept.
     */
    synchronized RebuildResult rebuild(LocalDateTime from, LocalDateTime to) {
        LocalDateTime last = repository.lastAlertOfIssuesIn(from, to);
        LocalDateTime end = last != null && !last.isBefore(to) ? last.plusSeconds(1) : to;
        GroupingState before = new GroupingState();
        tx.executeWithoutResult(status -> {
            repository.loadIssues(before, repository.openedBetween(from, end));
            repository.deleteGrouping(from, end);
        });
        List<NormalizedAlert> alerts = new ArrayList<>(repository.alerts(repository.alertIdsBetween(from, end)));
        alerts.sort(GroupingEngine.ORDER);
        group(alerts);
        restoreTriage(before);
        sweep(now());
        return new RebuildResult(from, end, before.issues.size(), alerts.size(), repository.openedBetween(from, end).size());
    }

    /** Puts back what people did to issues that the rebuild made again (same ids). */
    private void restoreTriage(GroupingState before) {
        if (before.issues.isEmpty()) {
            return;
        }
        tx.executeWithoutResult(status -> {
            GroupingState now = new GroupingState();
            repository.loadIssues(now, before.issues.keySet());
            Map<Long, Long> merges = new HashMap<>();
            for (IssueState old : before.issues.values()) {
                IssueState s = now.issues.get(old.issueId);
                if (s == null) {
                    continue;
                }
                s.assignee = old.assignee;
                s.acknowledgedAt = old.acknowledgedAt;
                s.relatedIssues.addAll(old.relatedIssues);
                if (old.severityManual()) {
                    s.severity = old.severity;
                    s.explanation.put("severity_set_by", old.explanation.get("severity_set_by"));
                }
                boolean manualState = old.status == IssueStatus.ACKNOWLEDGED || old.status == IssueStatus.INVESTIGATING
                        || old.status == IssueStatus.SILENCED;
                if (manualState && s.status.active()) {
                    s.status = old.status;
                    s.silencedUntil = old.silencedUntil;
                }
                if (old.status == IssueStatus.CLOSED && old.mergedInto == null) {
                    s.status = IssueStatus.CLOSED;
                    s.closedAt = old.closedAt;
                    s.resolvedAt = s.resolvedAt == null ? old.resolvedAt : s.resolvedAt;
                }
                if (old.mergedInto != null) {
                    merges.put(old.issueId, old.mergedInto);
                }
                now.dirty.add(s.issueId);
            }
            merges.forEach((source, target) -> {
                IssueState src = now.issues.get(source);
                IssueState dst = now.issues.get(target);
                if (src != null && dst != null) {
                    for (IssueAlert a : src.alerts) {
                        now.attach(dst, a);
                    }
                    src.alerts.clear();
                    src.mergedInto = target;
                    src.status = IssueStatus.CLOSED;
                    src.closedAt = before.issues.get(source).closedAt;
                    dst.recount();
                    now.dirty.add(dst.issueId);
                }
            });
            repository.save(now);
        });
    }

    LocalDateTime now() {
        return LocalDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
    }
}
