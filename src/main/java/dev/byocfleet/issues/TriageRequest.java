package dev.byocfleet.issues;

import java.util.List;

/**
 * The body of a triage call; which fields count depends on the action.
 *
 * @param note          why (all actions; the text of a comment)
 * @param owner         assign: the new owner, null or blank to unassign
 * @param severity      severity: critical, warning or info
 * @param until         silence: ISO-8601 time in the future
 * @param targetIssueId merge: the issue to merge into; link: the issue to link
 * @param issueIds      bulk: the issues to change
 * @param action        bulk: the action for all of them
 */
public record TriageRequest(String note, String owner, String severity, String until, Long targetIssueId,
                            List<Long> issueIds, String action) {

    public static TriageRequest empty() {
        return new TriageRequest(null, null, null, null, null, null, null);
    }
}
