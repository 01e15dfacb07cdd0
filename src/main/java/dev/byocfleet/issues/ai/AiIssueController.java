package dev.byocfleet.issues.ai;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/ai-issues")
@Tag(name = "ai_issues", description = "Patterns across clusters: issues that share an alert family, version, region, instance type and time")
class AiIssueController {

    private final AiIssueService service;

    AiIssueController(AiIssueService service) {
        this.service = service;
    }

    @GetMapping
    @Operation(summary = "The AI issue groups of the last computation", description = "Active groups, critical and widest first.")
    List<AiIssue> list(@Parameter(description = "true: also groups that the last run did not find again")
                       @RequestParam(name = "include_inactive", defaultValue = "false") boolean includeInactive) {
        return service.aiIssues(includeInactive);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One AI issue group with its evidence")
    AiIssue one(@PathVariable String id) {
        return service.aiIssue(id);
    }

    @PostMapping("/recompute")
    @Operation(summary = "Recompute the groups now (operators)")
    AiIssueService.RecomputeResult recompute() {
        return service.recomputeNow();
    }
}
