package dev.byocfleet.issues;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

/**
 * One issue in full: the alerts in it (its timeline), every event, related issues, the cluster's
 * health when it started and now, investigations of it, and why it is what it is.
 *
 * @param explanation  the grouping key and the reasons for the last open, reopen and resolve
 * @param healthAtStart the cluster's health score at or before the issue's first alert, when scored
 */
public record IssueDetail(IssueSummary issue, String summary, String groupingKey, List<String> affectedNodes,
                          List<String> fingerprints, LocalDateTime acknowledgedAt, LocalDateTime closedAt,
                          Map<String, Object> explanation, List<IssueAlert> alerts, List<IssueEvent> events,
                          List<IssueSummary> related, Double healthAtStart, Double healthNow,
                          List<InvestigationLink> investigations, String aiIssueId) {

    /** An investigation of this issue by the agents. */
    public record InvestigationLink(String investigationId, String status, String rootCause, LocalDateTime startedAt) {
    }
}
