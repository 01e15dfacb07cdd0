package dev.byocfleet.issues;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/issues")
@Tag(name = "issues", description = "Alerts grouped into issues, their lifecycle and triage")
@ApiResponse(responseCode = "400", description = "A parameter or body field is invalid; 'parameter' names it",
        content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
class IssueController {

    private final IssueService issues;

    IssueController(IssueService issues) {
        this.issues = issues;
    }

    @GetMapping
    @Operation(summary = "List issues", description = "A page of issues (merged ones left out), newest last alert first "
            + "by default. Filters combine with AND; status and severity take comma-separated values.")
    IssuePage list(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size,
                   @Parameter(description = "last_seen, first_seen, severity, status, alert_count or updated_at, "
                           + "optionally ,asc or ,desc") @RequestParam(required = false) String sort,
                   @Parameter(description = "open, acknowledged, investigating, silenced, resolved, closed; 'active' "
                           + "for the first four") @RequestParam(required = false) String status,
                   @Parameter(description = "critical, warning, info") @RequestParam(required = false) String severity,
                   @RequestParam(name = "cluster_id", required = false) String clusterId,
                   @Parameter(description = "S, A or B") @RequestParam(required = false) String tier,
                   @Parameter(description = "The assignee, or 'none' for unassigned") @RequestParam(required = false) String owner,
                   @Parameter(description = "First seen within: 90m, 24h, 7d or PT12H") @RequestParam(required = false) String age,
                   @Parameter(description = "Text in title, alert name, cluster or summary") @RequestParam(required = false) String q) {
        return issues.issues(IssueQuery.of(page, size, sort, status, severity, clusterId, tier, owner, age, q));
    }

    @GetMapping("/{id}")
    @Operation(summary = "One issue in full", description = "Its alert timeline, events, related issues, the cluster's "
            + "health when it started, investigations, and why it is what it is.")
    @ApiResponse(responseCode = "404", description = "No such issue")
    IssueDetail issue(@PathVariable long id) {
        return issues.issue(id);
    }

    @PostMapping("/{id}/{action}")
    @Operation(summary = "Triage one issue (operators)", description = "action: acknowledge, investigate, assign "
            + "{owner}, comment {note}, severity {severity}, silence {until}, resolve, close, merge {target_issue_id} "
            + "(this issue into the target), link {target_issue_id}. Every action takes an optional note.")
    @ApiResponse(responseCode = "403", description = "Viewers cannot triage")
    @ApiResponse(responseCode = "409", description = "The issue's state does not allow it (e.g. resolving a closed issue)")
    IssueDetail triage(@PathVariable long id, @PathVariable String action, @RequestBody(required = false) TriageRequest body) {
        return issues.triage(id, TriageAction.parse(action), body);
    }

    @PostMapping("/bulk")
    @Operation(summary = "One triage action on many issues (operators)", description = "{issue_ids, action, ...}: "
            + "all or nothing; merge and link are not bulk actions.")
    List<IssueSummary> bulk(@RequestBody TriageRequest body) {
        return issues.bulk(body);
    }

    @PostMapping("/rebuild")
    @Operation(summary = "Group a time window again from the stored alerts (operators)", description = "{from, to}: "
            + "forgets the issues first seen in the window and groups its alerts again; the same alerts give the same "
            + "issues, and what people did to them is kept.")
    IssueGrouping.RebuildResult rebuild(@RequestBody RebuildRequest body) {
        return issues.rebuild(body == null ? null : body.from(), body == null ? null : body.to());
    }

    record RebuildRequest(String from, String to) {}
}
