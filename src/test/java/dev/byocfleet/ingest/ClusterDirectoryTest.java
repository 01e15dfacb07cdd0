package dev.byocfleet.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.byocfleet.support.TestStore;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

class ClusterDirectoryTest {

    private final ClusterDirectory directory = new TestClusters()
            .cluster("c-001", "acme-prod")
            .cluster("c-002", "Globex-DW")
            .cluster("c-003", "shared-name")
            .cluster("c-004", "shared-name")
            .node("c-001", "10.0.0.1")
            .node("c-002", "10.1.0.1")
            .node("c-003", "10.9.9.9")
            .node("c-004", "10.9.9.9")
            .directory();

    @Test
    void resolvesByClusterIdAndByNameIgnoringCaseAndSpaces() {
        assertThat(directory.resolve("c-001")).contains("c-001");
        assertThat(directory.resolve("C-001")).contains("c-001");
        assertThat(directory.resolve("globex-dw")).contains("c-002");
        assertThat(directory.resolve("  acme-prod ")).contains("c-001");
    }

    @Test
    void resolvesAPrometheusJobNamedAfterTheCluster() {
        assertThat(directory.resolve("StarRocks_acme-prod")).contains("c-001");
        assertThat(directory.resolve("starrocks_GLOBEX-DW")).contains("c-002");
        assertThat(directory.resolve("StarRocks_no-such-cluster")).isEmpty();
        assertThat(directory.resolve("prometheus_acme-prod")).isEmpty();
    }

    @Test
    void resolvesANodeAddressWithOrWithoutItsPort() {
        assertThat(directory.resolve("10.0.0.1")).contains("c-001");
        assertThat(directory.resolve("10.0.0.1:8030")).contains("c-001");
        assertThat(directory.resolve("10.1.0.1:8040")).contains("c-002");
        assertThat(directory.resolve("10.0.0.1:http")).isEmpty();
        assertThat(directory.resolve("10.0.0.2:8030")).isEmpty();
    }

    @Test
    void anAmbiguousNameOrAddressResolvesToNothingRatherThanAGuess() {
        assertThat(directory.resolve("shared-name")).isEmpty();
        assertThat(directory.resolve("StarRocks_shared-name")).isEmpty();
        assertThat(directory.resolve("10.9.9.9:8040")).isEmpty();
    }

    @Test
    void triesReferencesInOrderAndSkipsAmbiguousBlankAndNullOnes() {
        assertThat(directory.resolve(null, "", "  ", "shared-name", "10.1.0.1:9060")).contains("c-002");
        assertThat(directory.resolve("c-001", "globex-dw")).contains("c-001");
        assertThat(directory.resolve()).isEmpty();
        assertThat(directory.resolve("unknown", null)).isEmpty();
    }

    @Test
    void answersTheSameOnceItRemembersAReferenceAndPastItsMemory() {
        for (int round = 0; round < 2; round++) {
            assertThat(directory.resolve("StarRocks_acme-prod")).contains("c-001");
            assertThat(directory.resolve("shared-name", "10.1.0.1:9060")).contains("c-002");
            assertThat(directory.resolve("nowhere")).isEmpty();
        }
        for (int i = 0; i <= ClusterDirectory.MAX_REMEMBERED; i++) {
            directory.resolve("unknown-" + i);
        }
        assertThat(directory.resolve("10.0.0.1:8030")).contains("c-001");
        assertThat(directory.resolve("nowhere", "  ")).isEmpty();
    }

    @Test
    void keysOfAReferenceAreItselfWithoutJobPrefixAndWithoutNumericPort() {
        assertThat(ClusterDirectory.keysOf("StarRocks_Acme-Prod")).containsExactly("starrocks_acme-prod", "acme-prod");
        assertThat(ClusterDirectory.keysOf("10.0.0.1:8040")).containsExactly("10.0.0.1:8040", "10.0.0.1");
        assertThat(ClusterDirectory.keysOf(":8040")).containsExactly(":8040");
    }

    @Test
    void readsClustersAndOnlyLiveNodesFromTheStoreOnceAndAgainAfterInvalidate() {
        try (TestStore store = new TestStore()) {
            JdbcTemplate jdbc = new JdbcTemplate(store.dataSource());
            jdbc.update("INSERT INTO byoc.cluster (cluster_id, cluster_name) VALUES ('c-1', 'one'), ('c-2', 'two')");
            jdbc.update("INSERT INTO byoc.node (node_id, cluster_id, private_ip, terminated_at) VALUES "
                    + "('n-1', 'c-1', '10.0.0.1', NULL), ('n-2', 'c-1', '10.0.0.2', TIMESTAMP '2025-01-01 00:00:00'), "
                    + "('n-3', 'c-2', '10.0.0.2', NULL)");
            AtomicInteger loads = new AtomicInteger();
            ClusterDirectory dir = new ClusterDirectory(new ClusterDirectoryRepository(JdbcClient.create(store.dataSource())) {
                @Override
                List<ClusterName> clusters() {
                    loads.incrementAndGet();
                    return super.clusters();
                }
            });
            assertThat(dir.resolve("one")).contains("c-1");
            assertThat(dir.resolve("10.0.0.1:8040")).contains("c-1");
            // the address reused after its node was terminated belongs to the live node's cluster
            assertThat(dir.resolve("10.0.0.2")).contains("c-2");
            assertThat(loads).hasValue(1);

            jdbc.update("INSERT INTO byoc.cluster (cluster_id, cluster_name) VALUES ('c-3', 'three')");
            assertThat(dir.resolve("three")).isEmpty();
            dir.invalidate();
            assertThat(dir.resolve("three")).contains("c-3");
            assertThat(loads).hasValue(2);
        }
    }
}
