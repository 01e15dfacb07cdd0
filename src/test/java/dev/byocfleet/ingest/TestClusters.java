package dev.byocfleet.ingest;

import java.util.ArrayList;
import java.util.List;

/** A {@link ClusterDirectory} over a fixed list of clusters and node addresses, for parser tests. */
public final class TestClusters {

    private final List<ClusterDirectoryRepository.ClusterName> clusters = new ArrayList<>();
    private final List<ClusterDirectoryRepository.NodeAddress> nodes = new ArrayList<>();

    public TestClusters cluster(String clusterId, String clusterName) {
        clusters.add(new ClusterDirectoryRepository.ClusterName(clusterId, clusterName));
        return this;
    }

    public TestClusters node(String clusterId, String address) {
        nodes.add(new ClusterDirectoryRepository.NodeAddress(clusterId, address));
        return this;
    }

    public ClusterDirectory directory() {
        List<ClusterDirectoryRepository.ClusterName> c = List.copyOf(clusters);
        List<ClusterDirectoryRepository.NodeAddress> n = List.copyOf(nodes);
        return new ClusterDirectory(new ClusterDirectoryRepository(null) {
            @Override
            List<ClusterName> clusters() {
                return c;
            }

            @Override
            List<NodeAddress> liveNodeAddresses() {
                return n;
            }
        });
    }

    /** The clusters the payload files under {@code ingest/} name. */
    public static ClusterDirectory refsFleet() {
        return new TestClusters()
                .cluster("c-sr01", "sr-prod-01")
                .node("c-sr01", "10.0.0.11")
                .node("c-sr01", "10.0.0.12")
                .cluster("c-99a78acad3c40421", "redstone-travel-staging-02")
                .directory();
    }
}
