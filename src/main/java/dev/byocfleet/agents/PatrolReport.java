package dev.byocfleet.agents;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A row of {@code alerts.patrol_reports}: the structured scan and its Markdown. While a run is
 * going on, {@code status} is running and {@code findings.progress} says how far it got.
 */
public record PatrolReport(
        String reportId,
        LocalDateTime startedAt,
        @Nullable LocalDateTime finishedAt,
        String mode,
        String status,
        @Nullable String summary,
        List<ProblemCluster> problemClusters,
        List<Pattern> patterns,
        @Nullable Changes changes,
        Findings findings,
        @Nullable String model,
        @Nullable String error) {

    /** A cluster in trouble and why. */
    public record ProblemCluster(String clusterId, @Nullable String clusterName, @Nullable String tier,
                                 String riskLevel, @Nullable Double healthScore, List<String> reasons) {}

    /** The same alert on several clusters that share a version, region or instance type. */
    public record Pattern(String alertName, String dimension, String value, int clusters, List<String> clusterIds) {}

    /** What changed since the previous report. */
    public record Changes(@Nullable String previousReportId, @Nullable LocalDateTime previousAt,
                          Map<String, Integer> riskCountDelta, List<String> newProblemClusters,
                          List<String> recoveredClusters, @Nullable Double averageScoreDelta) {}

    /**
     * @param progress  step done / of, and its name (while running)
     * @param delivery  the Lark card post's outcome, when a channel is configured
     */
    public record Findings(Progress progress, @Nullable String requestedBy, Map<String, Integer> riskCounts,
                           @Nullable Double averageScore, @Nullable Double medianScore,
                           List<Bucket> scoreHistogram, List<Mover> movers, List<Breach> capacityBreaches,
                           @Nullable Double idleUsdPerWeek, int idleClusters, @Nullable Delivery delivery) {}

    public record Progress(int step, int of, String label) {}

    public record Bucket(int from, int to, int count) {}

    public record Mover(String clusterId, @Nullable String clusterName, double score, double change) {}

    public record Breach(String clusterId, String metric, @Nullable LocalDateTime breachAt, @Nullable Double daysToBreach) {}

    public record Delivery(boolean delivered, boolean retryable, @Nullable Integer httpStatus, @Nullable Integer code,
                           String detail) {}
}
