package dev.byocfleet.analysis;

import dev.byocfleet.auth.AccessGuard;
import dev.byocfleet.auth.Role;
import dev.byocfleet.api.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/analysis")
@Tag(name = "analysis", description = "Breaking-point forecasts with their back-test, and usage patterns")
class AnalysisController {

    private static final String PROBLEM = "application/problem+json";

    private final AnalysisService analysis;
    private final AccessGuard access;

    AnalysisController(AnalysisService analysis, AccessGuard access) {
        this.analysis = analysis;
        this.access = access;
    }

    @GetMapping("/breaking-point")
    @Operation(summary = "Nearest capacity breaches of the fleet",
            description = "One row per cluster and capacity metric (disk_used_pct, cpu_util_pct, mem_util_pct, "
                    + "compaction_score_max, connections) from the newest forecasts: breached first, then by the "
                    + "forecast crossing of the critical threshold. By default only breached and breach rows.")
    @ApiResponse(responseCode = "400", description = "A parameter is invalid; 'parameter' names it",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    BreakingPointTable breakingPoints(
            @Parameter(description = "Capacity metric") @RequestParam(required = false) String metric,
            @Parameter(description = "Customer tier S, A or B") @RequestParam(required = false) String tier,
            @Parameter(description = "Cloud region, exact") @RequestParam(required = false) String region,
            @Parameter(description = "CLASSIC or ELASTIC") @RequestParam(required = false) String type,
            @Parameter(description = "'all' or a comma-separated list of breached, breach, no_breach, insufficient_data")
            @RequestParam(required = false) String status,
            @Parameter(description = "Only crossings within this many days")
            @RequestParam(name = "within_days", required = false) Double withinDays,
            @Parameter(description = "Rows, 1 to 500") @RequestParam(defaultValue = "50") int limit,
            @Parameter(description = "Rows to skip") @RequestParam(defaultValue = "0") int offset) {
        return analysis.breakingPoints(BreakingPointQuery.of(metric, tier, region, type, status, withinDays, limit, offset));
    }

    @GetMapping("/breaking-point/backtest")
    @Operation(summary = "How well the forecasts matched what happened",
            description = "The newest back-test (one is run when there is none): the forecaster re-run on history "
                    + "cut 2 to 10 days back, its predicted crossings compared with the daily peaks after the cut: hit "
                    + "rate (predicted within the tolerance of the actual crossing), false alarms, misses and the mean "
                    + "absolute error in days; per metric, threshold and cut, with examples.")
    Backtest backtest() {
        return analysis.backtest().orElseThrow(() -> new NotFoundException("No snapshots to back-test yet."));
    }

    @PostMapping("/breaking-point/backtest")
    @Operation(summary = "Run the back-test now")
    Backtest runBacktest() {
        // scheduled and benchmark runs call the service without a user, so the role is checked at this trigger
        access.require(Role.OPERATOR);
        return analysis.runBacktest(null).orElseThrow(() -> new NotFoundException("No snapshots to back-test yet."));
    }

    @GetMapping("/breaking-point/{clusterId}")
    @Operation(summary = "One cluster's capacity metrics for a chart",
            description = "Per capacity metric: the daily peaks the trend was fitted on, the fitted line with its "
                    + "prediction band into the future, and the forecast; with hourly=true also the hourly values.")
    @ApiResponse(responseCode = "404", description = "No such cluster",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    ClusterBreakingPoint cluster(@PathVariable String clusterId,
                                 @Parameter(description = "Only this capacity metric") @RequestParam(required = false) String metric,
                                 @Parameter(description = "Also the hourly values of the lookback (reads the snapshot table)")
                                 @RequestParam(defaultValue = "false") boolean hourly) {
        return analysis.clusterBreakingPoint(clusterId, metric, hourly);
    }

    @GetMapping("/usage")
    @Operation(summary = "Usage patterns of a cluster or a filtered fleet",
            description = "Weekday x hour (UTC) heat maps of CPU and query volume, utilization percentiles, idle clusters "
                    + "(running, next to no queries and CPU for days) and over-provisioned ones (low p95 peaks) with the "
                    + "CCU and dollars a week they waste (from the last 168 bill hours) and a suggested right-sizing.")
    @ApiResponse(responseCode = "400", description = "A parameter is invalid; 'parameter' names it",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    UsageReport usage(@RequestParam(name = "cluster_id", required = false) String clusterId,
                      @RequestParam(required = false) String tier,
                      @RequestParam(required = false) String region,
                      @Parameter(description = "CLASSIC or ELASTIC") @RequestParam(required = false) String type,
                      @Parameter(description = "Window in days, 1 to 60 (default 28)") @RequestParam(required = false) Integer days) {
        return analysis.usage(UsageQuery.of(clusterId, tier, region, type, days));
    }
}
