package dev.byocfleet.fleet;

import com.fasterxml.jackson.annotation.JsonRawValue;
import java.time.LocalDateTime;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Everything the control plane and the newest metrics say about one cluster. The nested records
 * mirror the {@code byoc} tables column for column (the repository selects by their component
 * names); JSON columns are passed through as JSON.
 *
 * @param organization  null when the cluster's account or organization is missing
 * @param nodes         every node row, terminated ones included, live ones first
 * @param recentActions the newest cluster actions, newest first
 * @param stateHistory  the newest state changes, newest first
 * @param latestMetrics per metric, the newest hourly snapshot of this cluster
 */
public record ClusterDetail(
        ClusterInfo cluster,
        @Nullable OrganizationInfo organization,
        List<ResourceInfo> resources,
        List<NodeInfo> nodes,
        List<ActionInfo> recentActions,
        List<StateChange> stateHistory,
        List<MetricReading> latestMetrics) {

    /** A row of {@code byoc.cluster}. */
    public record ClusterInfo(
            String clusterId, @Nullable String accountId, @Nullable String clusterName, @Nullable String clusterType,
            @Nullable String csp, @Nullable String region, @Nullable String clusterState,
            @Nullable String abnormalReason, @Nullable String clusterVersion, @Nullable String releaseVersion,
            @Nullable String deployCredId, @Nullable String dataCredId, @Nullable String netIfaceId,
            @Nullable Boolean freeTier, @Nullable Boolean isMultiWarehouse, @Nullable Integer queryPort,
            @Nullable Integer idleSuspendInterval, @Nullable Boolean sslConnEnable,
            @Nullable Boolean disablePublicAccess, @Nullable Boolean terminationProtection,
            @JsonRawValue @Nullable String tags, @Nullable LocalDateTime createdAt,
            @Nullable LocalDateTime releasedAt, @Nullable LocalDateTime updatedAt) {
    }

    /** The organization that owns the cluster, with its customer profile (tier S, A or B). */
    public record OrganizationInfo(
            String orgId, @Nullable String orgName, @Nullable String paymentType, @Nullable String customerName,
            @Nullable String tier, @Nullable String region, @Nullable String industry, @Nullable String owner) {
    }

    /** A row of {@code byoc.cluster_resource}: an FE/BE/coordinator module or a warehouse. */
    public record ResourceInfo(
            String resourceId, @Nullable String clusterId, @Nullable String resourceType, @Nullable String name,
            @Nullable String state, @Nullable Boolean isDefaultWarehouse, @Nullable String instanceType,
            @Nullable Integer nodeCount, @Nullable Integer cngroupCount, @Nullable Integer cngroupSize,
            @Nullable Long vmVolSizeGb, @Nullable Integer vmVolNum, @Nullable Long iops, @Nullable Long throughput,
            @Nullable Boolean isInstanceStore, @Nullable String distributionPolicy,
            @JsonRawValue @Nullable String specifiedAzs, @Nullable Boolean resumeWithCluster,
            @Nullable LocalDateTime createdAt, @Nullable Boolean deleted) {
    }

    /** A row of {@code byoc.node}. */
    public record NodeInfo(
            String nodeId, @Nullable String clusterId, @Nullable String resourceId, @Nullable String nodeType,
            @Nullable String feRole, @Nullable String vmInstanceId, @Nullable String instanceType,
            @Nullable String az, @Nullable String privateIp, @Nullable Integer httpPort, @Nullable String state,
            @Nullable String srVersion, @Nullable LocalDateTime startedAt, @Nullable LocalDateTime lastHeartbeat,
            @Nullable LocalDateTime terminatedAt) {
    }

    /** A row of {@code byoc.cluster_action}. */
    public record ActionInfo(
            String actionId, @Nullable String clusterId, @Nullable String resourceId, @Nullable String actionType,
            @Nullable String requestedBy, @Nullable String source, @Nullable String fromValue,
            @Nullable String toValue, @Nullable String state, @Nullable String errMsg,
            @Nullable LocalDateTime startedAt, @Nullable LocalDateTime finishedAt) {
    }

    /** A row of {@code byoc.cluster_state_history}. */
    public record StateChange(
            String clusterId, LocalDateTime changedAt, @Nullable String fromState, @Nullable String toState,
            @Nullable String abnormalReason, @Nullable String actionId) {
    }

    /**
     * The newest hourly snapshot of one metric, with its dictionary entry.
     *
     * @param value the hour's average
     * @param band  {@code ok}, {@code warning} or {@code critical} against the dictionary thresholds
     */
    public record MetricReading(
            String metricName, @Nullable Double value, @Nullable Double maxValue, @Nullable String unit,
            @Nullable String category, LocalDateTime snapshotHour, @Nullable String band,
            @Nullable Double warnThreshold, @Nullable Double critThreshold) {
    }
}
