package dev.byocfleet.agents;

import dev.byocfleet.agents.AgentMessages.PatrolDiff;
import dev.byocfleet.agents.AgentMessages.PatrolPage;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/patrol")
@Tag(name = "patrol", description = "Fleet-wide patrol reports: risk, movers, clusters in trouble, patterns, changes")
class PatrolController {

    private final PatrolService patrol;

    PatrolController(PatrolService patrol) {
        this.patrol = patrol;
    }

    @GetMapping
    @Operation(summary = "Patrol reports, newest first", description = "Running reports carry their progress.")
    PatrolPage list(@Parameter(description = "Page number, from 0") @RequestParam(defaultValue = "0") int page,
                    @Parameter(description = "Rows per page, 1 to 100") @RequestParam(defaultValue = "20") int size) {
        return patrol.reports(page, size);
    }

    @GetMapping("/{id}")
    @Operation(summary = "A patrol report", description = "Structured findings and the Markdown summary; while status is "
            + "running, findings.progress says which step of how many is done (poll this to follow a run).")
    PatrolReport get(@PathVariable String id) {
        return patrol.report(id);
    }

    @GetMapping("/{id}/diff")
    @Operation(summary = "A report beside the previous finished one",
            description = "changes: risk count deltas, clusters newly in trouble, recovered clusters, average score change.")
    PatrolDiff diff(@PathVariable String id) {
        return patrol.diff(id);
    }

    @PostMapping
    @Operation(summary = "Run a patrol now (operator)", description = "Answers 202 at once with the report in status "
            + "running; poll GET /api/patrol/{id} for progress.")
    @ApiResponse(responseCode = "202", description = "Started")
    ResponseEntity<PatrolReport> run() {
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(patrol.runNow());
    }
}
