package dev.byocfleet.health;

import dev.byocfleet.auth.AccessGuard;
import dev.byocfleet.auth.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDateTime;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/health")
@Tag(name = "health", description = "Health scores 0-100 per cluster with their explanations and history")
class HealthController {

    private final HealthService health;
    private final AccessGuard access;

    HealthController(HealthService health, AccessGuard access) {
        this.health = health;
        this.access = access;
    }

    @GetMapping("/clusters/{id}")
    @Operation(summary = "A cluster's newest score, its explanation and its history",
            description = "latest is null when the cluster was never scored. The explanation lists every factor "
                    + "that cost points (metric, value, warning/critical threshold, hours outside the band, points "
                    + "lost, dimension); history holds the scores of the requested hours up to the newest.")
    @ApiResponse(responseCode = "200", description = "The cluster's health")
    @ApiResponse(responseCode = "404", description = "No such cluster",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    ClusterHealth cluster(@PathVariable String id,
                          @Parameter(description = "Hours of history, 1 to 2160 (default 168)")
                          @RequestParam(required = false) Integer hours) {
        return health.cluster(id, hours);
    }

    @GetMapping("/clusters/{id}/why")
    @Operation(summary = "Why the cluster has its score, in plain language",
            description = "A headline and the five costliest factors as sentences with their points.")
    @ApiResponse(responseCode = "404", description = "No such cluster or no score yet",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    HealthWhy why(@PathVariable String id) {
        return health.why(id);
    }

    @GetMapping("/clusters/{id}/diff")
    @Operation(summary = "Why the score changed between two hours",
            description = "Compares the stored explanations at or before 'from' (default: 24 h before 'to') and "
                    + "'to' (default: the newest score): factors that cost more (worse) or fewer (better) points.")
    @ApiResponse(responseCode = "400", description = "from is not before to",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "404", description = "No such cluster or no score at those hours",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    HealthDiff diff(@PathVariable String id,
                    @Parameter(description = "ISO-8601 local date-time (UTC)", example = "2026-11-27T23:00:00")
                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime from,
                    @Parameter(description = "ISO-8601 local date-time (UTC)", example = "2026-11-28T23:00:00")
                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime to) {
        return health.diff(id, from, to);
    }

    @GetMapping("/fleet")
    @Operation(summary = "The fleet's newest scores",
            description = "Counts by status (no_data for clusters without snapshots in the window), a histogram "
                    + "of ten 10-point buckets, mean and median, dimension averages and the largest drops and rises "
                    + "against the scores 24 hours earlier.")
    FleetHealth fleet() {
        return health.fleet();
    }

    @PostMapping("/recompute")
    @Operation(summary = "Score the fleet now",
            description = "Scores every cluster as of the newest snapshot hour (or 'as_of'), fills missing hours of "
                    + "the recent history, and updates risk (and forecasts when they are stale).")
    RecomputeResult recompute(@Parameter(description = "Hour to score instead of the newest, ISO-8601 (UTC)")
                              @RequestParam(name = "as_of", required = false)
                              @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime asOf) {
        // the scheduled pass calls the service without a user, so the role is checked at this trigger
        access.require(Role.OPERATOR);
        return health.recompute(asOf);
    }
}
