package dev.byocfleet.risk;

import java.time.LocalDateTime;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Clusters at critical or high risk in the newest snapshot, riskiest first, each with its top reasons. */
public record CriticalClusters(@Nullable LocalDateTime asOf, int count, List<Item> items) {

    /**
     * @param reasons the risk factors as sentences, most points first, followed by the costliest
     *                health factors
     */
    public record Item(String clusterId, @Nullable String clusterName, @Nullable String customerName,
                       @Nullable String tier, @Nullable String region, @Nullable String clusterType,
                       @Nullable String clusterVersion, String riskLevel, double riskScore,
                       @Nullable Double healthScore, @Nullable Double healthTrend24h,
                       @Nullable LocalDateTime nearestBreachAt, @Nullable String nearestBreachMetric,
                       int openCriticalIssues, List<String> reasons) {
    }
}
