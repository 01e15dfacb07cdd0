package dev.byocfleet.ingest;

import dev.byocfleet.store.RecordRows;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class ClusterDirectoryRepository {

    record ClusterName(String clusterId, String clusterName) {}

    record NodeAddress(String clusterId, String address) {}

    private final JdbcClient jdbc;

    ClusterDirectoryRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<ClusterName> clusters() {
        return jdbc.sql("SELECT cluster_id, cluster_name FROM byoc.cluster").query(RecordRows.of(ClusterName.class)).list();
    }

    /** Addresses of nodes that are not terminated: an address reused after a node is gone maps to its new owner. */
    List<NodeAddress> liveNodeAddresses() {
        return jdbc.sql("SELECT cluster_id, private_ip AS address FROM byoc.node WHERE terminated_at IS NULL")
                .query(RecordRows.of(NodeAddress.class)).list();
    }
}
