package dev.byocfleet.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.byocfleet.store.DuckDbDialect;
import dev.byocfleet.support.TestStore;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The directory follows the replica's changes, in-place updates included, within its recheck interval. */
class FleetDirectoryTest {

    private TestStore store;
    private JdbcClient jdbc;
    private final AtomicInteger fingerprints = new AtomicInteger();
    private final AtomicInteger loads = new AtomicInteger();
    private final AtomicLong nanos = new AtomicLong(1_000);

    @BeforeEach
    void aSmallReplica() {
        store = new TestStore();
        jdbc = JdbcClient.create(store.dataSource());
        jdbc.sql("INSERT INTO byoc.organization (org_id, org_name) VALUES ('org-1', 'Acme'), ('org-2', 'Globex')").update();
        jdbc.sql("INSERT INTO byoc.account (account_id, org_id) VALUES ('acc-1', 'org-1'), ('acc-2', 'org-2')").update();
        jdbc.sql("INSERT INTO metrics.dim_customer_profile (org_id, customer_name, tier) VALUES ('org-1', 'Acme', 'S')").update();
        jdbc.sql("""
                INSERT INTO byoc.cluster (cluster_id, account_id, cluster_name, cluster_type, region, cluster_state, cluster_version)
                VALUES ('c-1', 'acc-1', 'acme-prod', 'ELASTIC', 'us-west-2', 'RUNNING', '3.3.7'),
                       ('c-2', 'acc-2', 'globex-dw', 'CLASSIC', 'eu-central-1', 'RUNNING', '3.2.1')""").update();
        jdbc.sql("""
                INSERT INTO byoc.node (node_id, cluster_id, node_type, state) VALUES
                  ('n-1', 'c-1', 'FE', 'alive'), ('n-2', 'c-1', 'BE', 'alive'), ('n-3', 'c-1', 'BE', 'dead'),
                  ('n-4', 'c-2', 'FE', 'decommissioned'), ('n-5', 'c-2', NULL, 'alive')""").update();
    }

    @AfterEach
    void close() {
        store.close();
    }

    private FleetDirectory directory(Duration recheck) {
        DirectoryRepository counting = new DirectoryRepository(jdbc, new DuckDbDialect()) {
            @Override
            String fingerprint() {
                fingerprints.incrementAndGet();
                return super.fingerprint();
            }

            @Override
            FleetDirectory.Snapshot load() {
                loads.incrementAndGet();
                return super.load();
            }
        };
        return new FleetDirectory(counting, recheck, nanos::get);
    }

    @Test
    void entriesCarryTheOrganizationTierAndLiveNodesOfTheirAccount() {
        FleetDirectory.Snapshot snapshot = directory(Duration.ZERO).snapshot();
        assertThat(snapshot.organizations()).isEqualTo(2);
        assertThat(snapshot.clusters()).extracting(ClusterEntry::clusterId).containsExactly("c-1", "c-2");
        ClusterEntry acme = snapshot.cluster("c-1").orElseThrow();
        assertThat(acme.orgId()).isEqualTo("org-1");
        assertThat(acme.orgName()).isEqualTo("Acme");
        assertThat(acme.tier()).isEqualTo("S");
        assertThat(acme.liveNodes("FE")).isEqualTo(1);
        assertThat(acme.liveNodes("BE")).as("dead nodes still exist").isEqualTo(2);
        ClusterEntry globex = snapshot.cluster("c-2").orElseThrow();
        assertThat(globex.tier()).as("no profile").isNull();
        assertThat(globex.liveNodes("FE")).as("decommissioned").isZero();
        assertThat(globex.liveNodes()).as("a node without a type counts under the empty type").containsEntry("", 1L);
        assertThat(snapshot.cluster("c-none")).isEmpty();
        assertThat(snapshot.cluster(null)).isEmpty();
    }

    @Test
    void inPlaceUpdatesOfEveryKeptTableShowOnTheNextRead() {
        FleetDirectory directory = directory(Duration.ZERO);
        directory.snapshot();

        jdbc.sql("UPDATE byoc.cluster SET cluster_state = 'SUSPENDED' WHERE cluster_id = 'c-1'").update();
        assertThat(directory.snapshot().cluster("c-1").orElseThrow().clusterState()).isEqualTo("SUSPENDED");

        jdbc.sql("UPDATE byoc.node SET terminated_at = TIMESTAMP '2025-01-01 00:00:00' WHERE node_id = 'n-2'").update();
        assertThat(directory.snapshot().cluster("c-1").orElseThrow().liveNodes("BE")).isEqualTo(1);

        jdbc.sql("UPDATE metrics.dim_customer_profile SET tier = 'A' WHERE org_id = 'org-1'").update();
        assertThat(directory.snapshot().cluster("c-1").orElseThrow().tier()).isEqualTo("A");

        jdbc.sql("UPDATE byoc.organization SET org_name = 'Acme Corp' WHERE org_id = 'org-1'").update();
        assertThat(directory.snapshot().cluster("c-1").orElseThrow().orgName()).isEqualTo("Acme Corp");

        jdbc.sql("UPDATE byoc.account SET org_id = 'org-2' WHERE account_id = 'acc-1'").update();
        assertThat(directory.snapshot().cluster("c-1").orElseThrow().orgName()).isEqualTo("Globex");

        jdbc.sql("UPDATE byoc.cluster SET cluster_name = NULL WHERE cluster_id = 'c-2'").update();
        assertThat(directory.snapshot().cluster("c-2").orElseThrow().clusterName()).isNull();

        jdbc.sql("DELETE FROM byoc.cluster WHERE cluster_id = 'c-2'").update();
        assertThat(directory.snapshot().cluster("c-2")).isEmpty();
    }

    @Test
    void organizationsCarryTheirProfileAndAccountsTheirOrganization() {
        FleetDirectory directory = directory(Duration.ZERO);
        FleetDirectory.Snapshot snapshot = directory.snapshot();
        assertThat(snapshot.organization("org-1")).contains(
                new OrganizationEntry("org-1", "Acme", null, "Acme", "S", null, null, null));
        assertThat(snapshot.organization("org-2").orElseThrow().tier()).as("no profile").isNull();
        assertThat(snapshot.organization("org-none")).isEmpty();
        assertThat(snapshot.organization(null)).isEmpty();
        assertThat(snapshot.accountOrg("acc-2")).isEqualTo("org-2");
        assertThat(snapshot.accountOrg("acc-none")).isNull();
        assertThat(snapshot.accountOrg(null)).isNull();

        // every column an organization entry shows is in the fingerprint: in-place updates show
        jdbc.sql("UPDATE byoc.organization SET payment_type = 'prepaid' WHERE org_id = 'org-1'").update();
        assertThat(directory.snapshot().organization("org-1").orElseThrow().paymentType()).isEqualTo("prepaid");
        jdbc.sql("UPDATE metrics.dim_customer_profile SET customer_name = 'Acme Inc', region = 'NA', industry = 'retail',"
                + " owner = 'kim' WHERE org_id = 'org-1'").update();
        assertThat(directory.snapshot().organization("org-1")).contains(
                new OrganizationEntry("org-1", "Acme", "prepaid", "Acme Inc", "S", "NA", "retail", "kim"));
        jdbc.sql("UPDATE byoc.account SET org_id = NULL WHERE account_id = 'acc-2'").update();
        assertThat(directory.snapshot().accountOrg("acc-2")).isNull();
    }

    @Test
    void anUnchangedReplicaIsNotLoadedAgain() {
        FleetDirectory directory = directory(Duration.ZERO);
        FleetDirectory.Snapshot first = directory.snapshot();
        assertThat(directory.snapshot()).isSameAs(first);
        assertThat(fingerprints).hasValue(2);
        assertThat(loads).hasValue(1);
    }

    @Test
    void withinTheRecheckIntervalTheReplicaIsNotAskedAndAfterItAChangeShows() {
        FleetDirectory directory = directory(Duration.ofSeconds(1));
        directory.snapshot();
        jdbc.sql("UPDATE byoc.cluster SET cluster_state = 'SUSPENDED' WHERE cluster_id = 'c-1'").update();

        nanos.addAndGet(Duration.ofMillis(999).toNanos());
        assertThat(directory.snapshot().cluster("c-1").orElseThrow().clusterState()).isEqualTo("RUNNING");
        assertThat(fingerprints).hasValue(1);

        nanos.addAndGet(Duration.ofMillis(1).toNanos());
        assertThat(directory.snapshot().cluster("c-1").orElseThrow().clusterState()).isEqualTo("SUSPENDED");
        assertThat(fingerprints).hasValue(2);
        assertThat(loads).hasValue(2);
    }

    @Test
    void aNegativeRecheckIntervalIsRefused() {
        assertThatThrownBy(() -> directory(Duration.ofSeconds(-1)))
                .hasMessageContaining("byoc.directory.recheck-interval");
    }
}
