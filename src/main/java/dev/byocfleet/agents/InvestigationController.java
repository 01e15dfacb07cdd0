package dev.byocfleet.agents;

import dev.byocfleet.agents.AgentMessages.InvestigationPage;
import dev.byocfleet.agents.AgentMessages.StartInvestigation;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/investigations")
@Tag(name = "investigations", description = "The Investigator's reports: 8 steps, evidence, hypotheses, recommendations")
class InvestigationController {

    private final InvestigationService investigations;

    InvestigationController(InvestigationService investigations) {
        this.investigations = investigations;
    }

    @GetMapping
    @Operation(summary = "Investigations, newest first")
    InvestigationPage list(
            @Parameter(description = "Only this cluster") @RequestParam(name = "cluster_id", required = false) String clusterId,
            @Parameter(description = "Only this root-cause category") @RequestParam(name = "root_cause", required = false) String rootCause,
            @Parameter(description = "Page number, from 0") @RequestParam(defaultValue = "0") int page,
            @Parameter(description = "Rows per page, 1 to 200") @RequestParam(defaultValue = "25") int size) {
        return investigations.investigations(clusterId, rootCause, page, size);
    }

    @GetMapping("/{id}")
    @Operation(summary = "An investigation", description = "The 8 steps with the evidence ids each gathered or used, the "
            + "evidence (id, tool, arguments, result), ranked hypotheses citing evidence ids, recommendations.")
    Investigation get(@PathVariable String id) {
        return investigations.investigation(id);
    }

    @PostMapping
    @Operation(summary = "Investigate a cluster now (operator)", description = "Body: cluster_id, optional issue_id and "
            + "at (UTC, not in the future). Runs the protocol in the request and answers the finished investigation.")
    @ApiResponse(responseCode = "201", description = "Investigated")
    ResponseEntity<Investigation> start(@RequestBody StartInvestigation request) {
        return ResponseEntity.status(HttpStatus.CREATED).body(investigations.start(request));
    }

    @PostMapping("/{id}/rerun")
    @Operation(summary = "Investigate the same cluster again, as of now (operator)")
    @ApiResponse(responseCode = "201", description = "Investigated")
    ResponseEntity<Investigation> rerun(@PathVariable String id) {
        return ResponseEntity.status(HttpStatus.CREATED).body(investigations.rerun(id));
    }
}
