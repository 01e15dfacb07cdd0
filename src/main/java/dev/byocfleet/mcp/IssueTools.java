package dev.byocfleet.mcp;

import dev.byocfleet.issues.IssueService;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import java.util.List;

/** issues_for_cluster and issue_detail over {@link IssueService} (viewers may read issues). */
final class IssueTools {

    private IssueTools() {
    }

    static List<SyncToolSpecification> tools(ToolSupport support, IssueService issues) {
        return List.of(
                support.readOnlyTool("issues_for_cluster", "Open issues of a cluster", """
                        The active issues (open, acknowledged, investigating or silenced) of one cluster, most severe \
                        first: alerts grouped by cluster and alert name, with severity, status, owner, first and last \
                        firing alert, how many alerts and how many still fire, and how often the issue reopened. Read \
                        one in full (alert timeline, events, why it opened, reopened or resolved) with issue_detail.""",
                        """
                        {"type": "object", "properties": {
                          "cluster_id": {"type": "string", "maxLength": 64},
                          "limit": {"type": "integer", "minimum": 1, "maximum": 200, "default": 20}
                        }, "required": ["cluster_id"], "additionalProperties": false}""",
                        args -> issues.openIssues(args.requiredString("cluster_id"),
                                args.integer("limit") == null ? 20 : args.integer("limit"))),
                support.readOnlyTool("issue_detail", "One issue in full", """
                        One issue by its issue_id (from issues_for_cluster): the alerts in it in time order, every \
                        lifecycle event (who, when, what, note), related issues, the cluster's health score when it \
                        started and now, investigations, and the explanation of its grouping key and of its last \
                        open, reopen and resolve.""",
                        """
                        {"type": "object", "properties": {
                          "issue_id": {"type": "integer", "minimum": 1}
                        }, "required": ["issue_id"], "additionalProperties": false}""",
                        args -> issues.issue(issueId(args.requiredString("issue_id")))));
    }

    /** Issue ids pass JSON as numbers, maybe as 1.23E15 or as text. */
    private static long issueId(String value) {
        try {
            return new java.math.BigDecimal(value.strip()).longValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            throw new dev.byocfleet.api.InvalidParameterException("issue_id", "issue_id must be a whole number");
        }
    }
}
