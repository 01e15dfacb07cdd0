package dev.byocfleet.issues;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The time-driven rules, run by the sweep at {@code now}: a silence ends at its time; an active
 * issue with no firing alert for the resolve TTL resolves; a resolved issue closes after the quiet
 * period. Each change is an event that says which rule fired and why.
 */
final class Lifecycle {

    private final IssueProperties props;

    Lifecycle(IssueProperties props) {
        this.props = props;
    }

    /** Applies the rules to the issues in {@code state}; answers the ids it changed. */
    List<Long> sweep(GroupingState state, LocalDateTime now) {
        List<Long> changed = new ArrayList<>();
        for (IssueState issue : state.issues.values()) {
            if (issue.mergedInto != null) {
                continue;
            }
            if (issue.status == IssueStatus.SILENCED && issue.silencedUntil != null && !issue.silencedUntil.isAfter(now)) {
                IssueStatus to = issue.acknowledgedAt != null ? IssueStatus.ACKNOWLEDGED : IssueStatus.OPEN;
                LocalDateTime at = issue.silencedUntil;
                change(state, issue, to, at, "silence_expired", "The silence ended at " + at + ".");
                issue.silencedUntil = null;
                changed.add(issue.issueId);
            }
            if (issue.status.active() && issue.lastSeen != null && !issue.lastSeen.plus(props.resolveTtl()).isAfter(now)) {
                LocalDateTime at = issue.lastSeen.plus(props.resolveTtl());
                String why = "no firing alert for " + GroupingEngine.human(props.resolveTtl()) + " (the last at "
                        + issue.lastSeen + ")";
                issue.explanation.put("resolved_because", why);
                issue.resolvedAt = at;
                issue.silencedUntil = null;
                change(state, issue, IssueStatus.RESOLVED, at, "auto_resolved", "Resolved automatically: " + why + ".");
                changed.add(issue.issueId);
            }
            if (issue.status == IssueStatus.RESOLVED && issue.resolvedAt != null
                    && !issue.resolvedAt.plus(props.closeAfter()).isAfter(now)) {
                LocalDateTime at = issue.resolvedAt.plus(props.closeAfter());
                issue.closedAt = at;
                change(state, issue, IssueStatus.CLOSED, at, "auto_closed", "Closed automatically: resolved for "
                        + GroupingEngine.human(props.closeAfter()) + " with no new firing alert.");
                changed.add(issue.issueId);
            }
        }
        return changed;
    }

    private static void change(GroupingState state, IssueState issue, IssueStatus to, LocalDateTime at, String type,
                               String note) {
        IssueStatus from = issue.status;
        issue.status = to;
        if (issue.updatedAt == null || at.isAfter(issue.updatedAt)) {
            issue.updatedAt = at;
        }
        state.dirty.add(issue.issueId);
        state.events.add(IssueEvent.derived(issue.issueId, type, at, from.wire(), from, to, note, Map.of("rule", type)));
    }
}
