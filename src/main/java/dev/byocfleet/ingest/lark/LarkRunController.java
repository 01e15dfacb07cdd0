package dev.byocfleet.ingest.lark;

import dev.byocfleet.auth.AccessGuard;
import dev.byocfleet.auth.Role;
import dev.byocfleet.api.InvalidParameterException;
import dev.byocfleet.api.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/ingest/lark/runs")
@Tag(name = "ingest", description = "Lark alert-chat ingestion: the daily pipeline and the loader of saved MCP results")
class LarkRunController {

    /** The window to read; ISO-8601 instants, offset or UTC date-times, or dates (UTC midnight). */
    record RunRequest(@Schema(example = "2026-11-28T00:00:00Z") String from,
                      @Schema(example = "2026-11-29T00:00:00Z") String to) {}

    private final LarkPipeline pipeline;
    private final IngestRuns runs;
    private final AccessGuard access;

    LarkRunController(LarkPipeline pipeline, IngestRuns runs, AccessGuard access) {
        this.pipeline = pipeline;
        this.runs = runs;
        this.access = access;
    }

    @PostMapping
    @Operation(summary = "Run the Lark pipeline over a window",
            description = "Reads the alert chat's messages created in [from, to) through the Lark Open API, stores "
                    + "their alerts (deduplicated: re-running a window adds nothing), writes recommendations and "
                    + "answers the run record, including failed runs (status failed, Lark's error in 'error'). "
                    + "The window spans at most 31 days. One run at a time. Operators and admins only.")
    @ApiResponse(responseCode = "201", description = "The run record; 'detail' adds the counts the table does not keep")
    @ApiResponse(responseCode = "400", description = "'from' or 'to' is missing or invalid; 'parameter' names it",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "403", description = "The signed-in user is a viewer",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "409", description = "Lark is not configured, or a run is already running",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    ResponseEntity<IngestRun> run(@RequestBody RunRequest request) {
        // the daily schedule and the command line run the pipeline without a user: the role is checked here
        access.require(Role.OPERATOR);
        Instant from = bound("from", request.from());
        Instant to = bound("to", request.to());
        IngestRun run;
        try {
            run = pipeline.runRequested(from, to);
        } catch (IllegalArgumentException e) {
            throw new InvalidParameterException("to", e.getMessage());
        }
        return ResponseEntity.created(URI.create("/api/ingest/lark/runs/" + run.runId())).body(run);
    }

    @GetMapping
    @Operation(summary = "List Lark ingestion runs", description = "Newest first: pipeline runs and loader runs.")
    List<IngestRun> list(
            @Parameter(description = "lark_pipeline or lark_loader; both when absent")
            @RequestParam(required = false) String kind,
            @Parameter(description = "At most this many, 1 to 500") @RequestParam(defaultValue = "50") int limit) {
        if (kind != null && !kind.equals(IngestRuns.LARK_PIPELINE) && !kind.equals(IngestRuns.LARK_LOADER)) {
            throw new InvalidParameterException("kind", "kind must be lark_pipeline or lark_loader");
        }
        if (limit < 1 || limit > 500) {
            throw new InvalidParameterException("limit", "limit must be between 1 and 500");
        }
        return runs.list(kind, limit);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One run record")
    @ApiResponse(responseCode = "404", description = "No such run",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    IngestRun one(@PathVariable String id) {
        return runs.find(id).orElseThrow(() -> new NotFoundException("No ingestion run with id '" + id + "'."));
    }

    @ExceptionHandler(LarkPipeline.CannotRun.class)
    ResponseEntity<ProblemDetail> cannotRun(LarkPipeline.CannotRun e) {
        return ResponseEntity.status(HttpStatus.CONFLICT)
                .body(ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage()));
    }

    private static Instant bound(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidParameterException(name, "'" + name + "' is required");
        }
        try {
            return IsoTimes.parse(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidParameterException(name, e.getMessage());
        }
    }
}
