package dev.byocfleet.issues;

import dev.byocfleet.api.ConflictException;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * What operators do to issues, as state changes with one event each (who, when, what, note).
 * Changes that make no sense for the issue's state are refused with a conflict, never half-done.
 */
final class Triage {

    private final GroupingState state;
    private final String actor;
    private final LocalDateTime now;

    Triage(GroupingState state, String actor, LocalDateTime now) {
        this.state = state;
        this.actor = actor;
        this.now = now;
    }

    void acknowledge(IssueState issue, String note) {
        requireActive(issue, "acknowledge");
        if (issue.acknowledgedAt == null) {
            issue.acknowledgedAt = now;
        }
        transition(issue, IssueStatus.ACKNOWLEDGED, "acknowledged", note, Map.of());
    }

    void investigate(IssueState issue, String note) {
        requireActive(issue, "investigate");
        if (issue.acknowledgedAt == null) {
            issue.acknowledgedAt = now;
        }
        transition(issue, IssueStatus.INVESTIGATING, "investigating", note, Map.of());
    }

    /**
     * An investigation of the issue started (by an agent or for an operator). A merged issue's
     * target takes it. Open and acknowledged issues move to investigating; an issue already
     * investigating, silenced, resolved or closed keeps its status (an agent never reopens or
     * unsilences), and the start is only noted. Acknowledging stays a person's act. Answers the
     * issue that took the event.
     */
    IssueState investigationStarted(IssueState issue, String investigationId, String trigger) {
        IssueState target = state.followMerges(issue);
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("investigation_id", investigationId);
        d.put("trigger", trigger);
        if (target.mergedInto == null
                && (target.status == IssueStatus.OPEN || target.status == IssueStatus.ACKNOWLEDGED)) {
            transition(target, IssueStatus.INVESTIGATING, "investigating", "Investigation " + investigationId
                    + " started (" + trigger + ").", d);
        } else {
            record(target, "investigation_started", "Investigation " + investigationId + " started (" + trigger
                    + "); the issue stays " + target.status.wire() + ".", d);
        }
        return target;
    }

    /** The result of an investigation as a comment: cause, confidence, one line of summary, escalation, or the failure. */
    void investigationFinished(IssueState issue, InvestigationOutcome outcome) {
        IssueState target = state.followMerges(issue);
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("investigation_id", outcome.investigationId());
        d.put("result", outcome.failed() ? "failed" : "done");
        if (outcome.failed()) {
            String error = oneLine(outcome.error());
            record(target, "comment", "Investigation " + outcome.investigationId() + " failed"
                    + (error.isEmpty() ? "." : ": " + error), d);
            return;
        }
        d.put("root_cause", outcome.rootCause());
        d.put("confidence", outcome.confidence());
        d.put("escalate", outcome.escalate());
        String summary = oneLine(outcome.summary());
        String confidence = outcome.confidence() == null ? "?" : Math.round(outcome.confidence() * 100) + "%";
        record(target, "comment", "Investigation " + outcome.investigationId() + ": root cause "
                + (outcome.rootCause() == null ? "unknown" : outcome.rootCause()) + " (confidence " + confidence
                + "), escalate " + (Boolean.TRUE.equals(outcome.escalate()) ? "yes" : "no") + "."
                + (summary.isEmpty() ? "" : " " + summary), d);
    }

    /** The first line with text, without Markdown heading or emphasis marks, at most 240 characters. */
    static String oneLine(String text) {
        if (text == null) {
            return "";
        }
        String line = text.lines().map(String::strip).filter(l -> !l.replaceAll("[#*_>`\\-]", "").isBlank())
                .findFirst().orElse("");
        line = line.replaceAll("^[#>\\-*\\s]+", "").replace("**", "").replace("`", "").strip();
        return line.length() <= 240 ? line : line.substring(0, 239) + "…";
    }

    void assign(IssueState issue, String owner, String note) {
        requireNotMerged(issue);
        String before = issue.assignee;
        issue.assignee = owner;
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("from", before);
        d.put("to", owner);
        record(issue, "assigned", note != null ? note : owner == null ? "Unassigned." : "Assigned to " + owner + ".", d);
    }

    void comment(IssueState issue, String text) {
        record(issue, "comment", text, Map.of());
    }

    void severity(IssueState issue, String severity, String note) {
        requireNotMerged(issue);
        String before = issue.severity;
        issue.severity = severity;
        issue.explanation.put("severity_set_by", actor + " at " + now + " (was " + before + ")");
        record(issue, "severity_changed", note != null ? note : "Severity " + before + " → " + severity + ".",
                Map.of("from", before, "to", severity));
    }

    void silence(IssueState issue, LocalDateTime until, String note) {
        requireActive(issue, "silence");
        if (!until.isAfter(now)) {
            throw new dev.byocfleet.api.InvalidParameterException("until", "until must be in the future");
        }
        issue.silencedUntil = until;
        transition(issue, IssueStatus.SILENCED, "silenced", note != null ? note : "Silenced until " + until + ".",
                Map.of("until", until.toString()));
    }

    void resolve(IssueState issue, String note) {
        requireActive(issue, "resolve");
        issue.resolvedAt = now;
        issue.silencedUntil = null;
        issue.explanation.put("resolved_because", "resolved by " + actor + (note == null ? "" : ": " + note));
        transition(issue, IssueStatus.RESOLVED, "resolved", note, Map.of());
    }

    void close(IssueState issue, String note) {
        requireNotMerged(issue);
        if (issue.status == IssueStatus.CLOSED) {
            throw new ConflictException("Issue " + issue.issueId + " is closed already.");
        }
        if (issue.resolvedAt == null) {
            issue.resolvedAt = now;
        }
        issue.closedAt = now;
        issue.silencedUntil = null;
        transition(issue, IssueStatus.CLOSED, "closed", note, Map.of());
    }

    /** Moves every alert of {@code source} into {@code target}; the source closes, pointing at the target. */
    void merge(IssueState source, IssueState target, String note) {
        if (source.issueId == target.issueId) {
            throw new ConflictException("An issue cannot be merged into itself.");
        }
        requireNotMerged(source);
        requireNotMerged(target);
        if (target.status == IssueStatus.CLOSED) {
            throw new ConflictException("Issue " + target.issueId + " is closed; merge into an open or resolved issue.");
        }
        for (IssueAlert a : source.alerts) {
            state.attach(target, a);
        }
        source.alerts.clear();
        source.mergedInto = target.issueId;
        IssueStatus from = source.status;
        source.status = IssueStatus.CLOSED;
        source.closedAt = now;
        source.explanation.put("merged_because", "merged into #" + target.issueId + " by " + actor);
        target.recount();
        target.firstSeen = min(target.firstSeen, source.firstSeen);
        target.lastSeen = max(target.lastSeen, source.lastSeen);
        if (target.status == IssueStatus.RESOLVED && target.firingCount > 0) {
            target.resolvedAt = null;
            target.reopenCount++;
            transition(target, IssueStatus.OPEN, "reopened", "Reopened: merged issue #" + source.issueId
                    + " still has firing alerts.", Map.of("merged_issue_id", source.issueId));
        }
        event(source, "merged_into", from, IssueStatus.CLOSED, note != null ? note : "Merged into #" + target.issueId + ".",
                Map.of("target_issue_id", target.issueId));
        record(target, "merged", note != null ? note : "Issue #" + source.issueId + " merged into this one ("
                + source.alertCount + " alerts).", Map.of("source_issue_id", source.issueId));
    }

    void link(IssueState a, IssueState b, String note) {
        if (a.issueId == b.issueId) {
            throw new ConflictException("An issue cannot be linked to itself.");
        }
        if (a.relatedIssues.contains(b.issueId)) {
            return;
        }
        a.relatedIssues.add(b.issueId);
        b.relatedIssues.add(a.issueId);
        record(a, "linked", note != null ? note : "Linked to #" + b.issueId + ".", Map.of("issue_id", b.issueId));
        record(b, "linked", note != null ? note : "Linked to #" + a.issueId + ".", Map.of("issue_id", a.issueId));
    }

    private void transition(IssueState issue, IssueStatus to, String type, String note, Map<String, Object> details) {
        IssueStatus from = issue.status;
        issue.status = to;
        event(issue, type, from, to, note, details);
    }

    private void record(IssueState issue, String type, String note, Map<String, Object> details) {
        event(issue, type, null, null, note, details);
    }

    private void event(IssueState issue, String type, IssueStatus from, IssueStatus to, String note, Map<String, Object> details) {
        issue.updatedAt = now;
        state.dirty.add(issue.issueId);
        state.events.add(new IssueEvent(UUID.randomUUID().toString(), issue.issueId, type, actor, now,
                from == null ? null : from.wire(), to == null ? null : to.wire(), note, details));
    }

    private static void requireActive(IssueState issue, String what) {
        requireNotMerged(issue);
        if (!issue.status.active()) {
            throw new ConflictException("Cannot " + what + " issue " + issue.issueId + ": it is " + issue.status.wire() + ".");
        }
    }

    private static void requireNotMerged(IssueState issue) {
        if (issue.mergedInto != null) {
            throw new ConflictException("Issue " + issue.issueId + " was merged into #" + issue.mergedInto + ".");
        }
    }

    private static LocalDateTime min(LocalDateTime a, LocalDateTime b) {
        return a == null ? b : b == null ? a : a.isBefore(b) ? a : b;
    }

    private static LocalDateTime max(LocalDateTime a, LocalDateTime b) {
        return a == null ? b : b == null ? a : a.isAfter(b) ? a : b;
    }
}
