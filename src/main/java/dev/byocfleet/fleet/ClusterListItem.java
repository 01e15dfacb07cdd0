package dev.byocfleet.fleet;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import org.jspecify.annotations.Nullable;

/**
 * One cluster in the fleet list: identity, owner, live node counts and CCU of the 168 bill hours up
 * to the newest one.
 */
public record ClusterListItem(
        String clusterId,
        @Nullable String clusterName,
        @Nullable String orgId,
        @Nullable String orgName,
        @Nullable String tier,
        @Nullable String clusterType,
        @Nullable String clusterState,
        @Nullable String clusterVersion,
        @Nullable String csp,
        @Nullable String region,
        long feCount,
        long beCount,
        long cnCount,
        @Nullable LocalDateTime createdAt,
        @JsonProperty("ccu_7d") BigDecimal ccu7d) {

    /** The same cluster with its CCU of the 168 bill hours. */
    ClusterListItem withCcu7d(BigDecimal ccu) {
        return new ClusterListItem(clusterId, clusterName, orgId, orgName, tier, clusterType, clusterState,
                clusterVersion, csp, region, feCount, beCount, cnCount, createdAt, ccu);
    }
}
