package dev.byocfleet.directory;

import java.time.LocalDateTime;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One cluster of the control-plane replica as the pages show it next to everything else: its own
 * columns, the organization of its account ({@code orgId} is the account's, {@code orgName} null
 * when that organization is missing), the customer tier of that organization, and its live nodes by
 * node type as stored (a type's case is kept).
 */
public record ClusterEntry(
        String clusterId,
        @Nullable String clusterName,
        @Nullable String accountId,
        @Nullable String orgId,
        @Nullable String orgName,
        @Nullable String tier,
        @Nullable String clusterType,
        @Nullable String clusterState,
        @Nullable String clusterVersion,
        @Nullable String csp,
        @Nullable String region,
        @Nullable LocalDateTime createdAt,
        Map<String, Long> liveNodes) {

    public ClusterEntry {
        liveNodes = Map.copyOf(liveNodes);
    }

    /** Live nodes of exactly this node type ({@code FE}, {@code BE}, {@code CN}). */
    public long liveNodes(String nodeType) {
        return liveNodes.getOrDefault(nodeType, 0L);
    }
}
