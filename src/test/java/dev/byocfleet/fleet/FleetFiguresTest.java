package dev.byocfleet.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.byocfleet.auth.AccessGuard;
import dev.byocfleet.auth.Role;
import dev.byocfleet.directory.FleetDirectory;
import dev.byocfleet.directory.TestDirectories;
import dev.byocfleet.fleet.ClusterDetail.MetricReading;
import dev.byocfleet.fleet.ClusterQuery.SortField;
import dev.byocfleet.metrics.TestRefreshers;
import dev.byocfleet.store.DuckDbDialect;
import dev.byocfleet.support.SignedIn;
import dev.byocfleet.support.TestStore;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

/**
 * The fleet pages read their bill and snapshot figures from memory, per version of those tables:
 * they must equal the direct reads of the store ({@link DirectFleetReads}) for every sort, page and
 * filter, and show a change of the tables on the very next read.
 */
class FleetFiguresTest {

    private static final List<String> CLUSTERS = List.of("c-001", "c-002", "c-003", "c-004", "c-005", "c-none");

    private TestStore store;
    private SignedIn viewer;
    private JdbcClient jdbc;
    /** Computes the newest readings at once, so every read takes the fast path. */
    private FleetService fleet;
    /** Never computes them, so every read of the detail takes the direct path. */
    private FleetService slow;
    private DirectFleetReads direct;

    @BeforeEach
    void loadTheFleetFixture() {
        store = new TestStore();
        new ResourceDatabasePopulator(new ClassPathResource("fleet/fixture.sql")).execute(store.dataSource());
        viewer = SignedIn.as(Role.VIEWER);
        jdbc = JdbcClient.create(store.dataSource());
        fleet = new FleetService(new FleetRepository(jdbc), directory(jdbc), new AccessGuard(), Runnable::run);
        slow = new FleetService(new FleetRepository(jdbc), directory(jdbc), new AccessGuard(), task -> { });
        direct = new DirectFleetReads(jdbc);
    }

    /** A directory that checks the replica on every read. */
    static FleetDirectory directory(JdbcClient jdbc) {
        return TestDirectories.checkingEveryRead(jdbc);
    }

    @AfterEach
    void close() {
        viewer.close();
        store.close();
    }

    @Test
    void everySortDirectionPageAndFilterListsWhatTheDirectReadLists() {
        assertListsMatchTheDirectRead(List.of(SortField.values()),
                List.of("tier=S", "q=acme", "state=running", "version=3.3", "org_id=org-3"));
    }

    @Test
    void ccuTiesAndClustersWithoutBillsSortLikeTheStoreSortsThem() {
        // c-004 (no bills so far) now ties c-005 at 2; c-006 is new and has none: two zeros tie too
        bill("2025-06-10", 3, "c-004", "2.000000", "1.000000");
        jdbc.sql("""
                INSERT INTO byoc.cluster (cluster_id, account_id, cluster_name, cluster_type, csp, region, cluster_state,
                                          cluster_version, created_at)
                VALUES ('c-006', 'acc-2', 'globex-new', 'ELASTIC', 'aws', 'us-west-2', 'RUNNING', '3.3.7',
                        TIMESTAMP '2025-06-01 00:00:00')""").update();

        assertListsMatchTheDirectRead(List.of(SortField.values()), List.of("tier=S", "state=running"));
        assertThat(fleet.clusters(query("ccu_7d", 0, 25)).items()).extracting(ClusterListItem::clusterId)
                .containsExactly("c-006", "c-004", "c-005", "c-002", "c-003", "c-001");
    }

    @Test
    void detailShowsTheReadingsTheDirectReadShowsForEveryCluster() {
        assertReadingsMatchTheDirectRead();
        assertThat(fleet.cluster("c-002").orElseThrow().latestMetrics()).extracting(MetricReading::snapshotHour)
                .containsExactly(LocalDateTime.of(2025, 5, 1, 10, 0));
    }

    @Test
    void whileTheReadingsAreComputedInTheBackgroundTheDetailReadsTheStore() {
        List<Runnable> queued = new ArrayList<>();
        FleetService later = new FleetService(new FleetRepository(jdbc), directory(jdbc), new AccessGuard(), queued::add);

        assertThat(later.cluster("c-001")).isEqualTo(slow.cluster("c-001"));
        assertThat(later.cluster("c-003")).isEqualTo(slow.cluster("c-003"));
        assertThat(later.cluster("c-none")).isEqualTo(slow.cluster("c-none")).isEmpty();
        assertThat(queued).as("one computation at a time: the readings and the control-plane rows").hasSize(2);

        queued.removeFirst().run();
        queued.removeFirst().run();
        assertThat(later.cluster("c-001")).isEqualTo(slow.cluster("c-001"));
        assertThat(queued).as("served from memory").isEmpty();

        jdbc.sql("""
                INSERT INTO metrics.amv_hourly_snapshots_v1 VALUES
                  ('c-001', 'cpu_util_pct', TIMESTAMP '2025-06-11 07:00:00', 91, 88, 96, 95, 90, 60)""").update();
        assertThat(later.cluster("c-001").orElseThrow().latestMetrics()).extracting(MetricReading::snapshotHour)
                .contains(LocalDateTime.of(2025, 6, 11, 7, 0));
        assertThat(queued).as("the changed snapshots are computed again").hasSize(1);
    }

    @Test
    void aChangeOfTheControlPlaneRowsShowsInTheDetailOnTheNextRead() {
        assertReadingsMatchTheDirectRead();
        ClusterDetail before = fleet.cluster("c-001").orElseThrow();
        assertThat(before.recentActions()).as("the newest 20 of c-001's actions").hasSize(FleetService.RECENT_ROWS);

        // an in-place update of a shown column, a new newest action, a new state change, a deleted resource
        jdbc.sql("UPDATE byoc.node SET state = 'dead' WHERE node_id = 'n-001-fe2'").update();
        jdbc.sql("""
                INSERT INTO byoc.cluster_action (action_id, cluster_id, resource_id, action_type, requested_by, source,
                                                 from_value, to_value, state, err_msg, started_at, finished_at)
                VALUES ('a-99', 'c-001', 'r-001-wh', 'SUSPEND', 'ops@acme.example', 'console', NULL, NULL, 'Running',
                        NULL, TIMESTAMP '2025-06-11 06:00:00', NULL)""").update();
        jdbc.sql("""
                INSERT INTO byoc.cluster_state_history (cluster_id, changed_at, from_state, to_state, abnormal_reason, action_id)
                VALUES ('c-001', TIMESTAMP '2025-06-11 06:00:00', 'RUNNING', 'SUSPENDING', NULL, 'a-99')""").update();
        jdbc.sql("DELETE FROM byoc.cluster_resource WHERE resource_id = 'r-001-fe'").update();
        jdbc.sql("UPDATE byoc.cluster SET cluster_name = 'acme-renamed' WHERE cluster_id = 'c-001'").update();

        ClusterDetail after = fleet.cluster("c-001").orElseThrow();
        assertThat(after).isEqualTo(slow.cluster("c-001").orElseThrow()).isNotEqualTo(before);
        assertThat(after.cluster().clusterName()).isEqualTo("acme-renamed");
        assertThat(after.nodes()).filteredOn(n -> n.nodeId().equals("n-001-fe2")).extracting(ClusterDetail.NodeInfo::state)
                .containsExactly("dead");
        assertThat(after.recentActions().getFirst().actionId()).isEqualTo("a-99");
        assertThat(after.recentActions()).hasSize(FleetService.RECENT_ROWS);
        assertThat(after.stateHistory().getFirst().toState()).isEqualTo("SUSPENDING");
        assertThat(after.resources()).extracting(ClusterDetail.ResourceInfo::resourceId).doesNotContain("r-001-fe");

        jdbc.sql("DELETE FROM byoc.cluster WHERE cluster_id = 'c-003'").update();
        assertThat(fleet.cluster("c-003")).isEmpty();
        assertReadingsMatchTheDirectRead();
    }

    @Test
    void aNewBillShowsInTheSummaryAndTheListOnTheNextRead() {
        FleetSummary before = fleet.summary();
        assertThat(ccuOf("c-004")).isEqualByComparingTo("0");

        bill("2025-06-10", 3, "c-004", "1.500000", "0.975000");

        FleetSummary after = fleet.summary();
        assertThat(after.ccuThisWeek()).isEqualByComparingTo(before.ccuThisWeek().add(new BigDecimal("1.5")));
        assertThat(after.usdThisWeek()).isEqualByComparingTo(before.usdThisWeek().add(new BigDecimal("0.975")));
        assertThat(ccuOf("c-004")).isEqualByComparingTo("1.5");
        assertListsMatchTheDirectRead();
    }

    /** The list reads the bills' version in its count's statement: a new bill shows on its next read, no summary between. */
    @Test
    void aNewBillShowsInTheListOnItsOwnNextRead() {
        assertThat(ccuOf("c-004")).isEqualByComparingTo("0");

        bill("2025-06-10", 3, "c-004", "1.500000", "0.975000");

        assertThat(ccuOf("c-004")).isEqualByComparingTo("1.5");
        assertListsMatchTheDirectRead();
    }

    @Test
    void aNewerBillHourMovesTheWindowsOnTheNextRead() {
        fleet.summary();
        assertThat(ccuOf("c-005")).isEqualByComparingTo("2");

        // A week and a day later: a new billing week, and c-005's bills fall out of the 168 hours.
        bill("2025-06-17", 2, "c-001", "1.000000", "0.650000");

        FleetSummary summary = fleet.summary();
        assertThat(summary.weekStart()).isEqualTo(LocalDate.of(2025, 6, 16));
        assertThat(summary.ccuThisWeek()).isEqualByComparingTo("1");
        assertThat(summary.ccuLastWeek()).isEqualByComparingTo("16.75");
        assertThat(ccuOf("c-005")).isEqualByComparingTo("0");
        assertListsMatchTheDirectRead();
    }

    @Test
    void aDeletedBillLeavesTheFiguresOnTheNextRead() {
        fleet.summary();
        assertThat(ccuOf("c-003")).isEqualByComparingTo("4");

        jdbc.sql("DELETE FROM byoc.bill_detail WHERE cluster_id = 'c-003'").update();

        assertThat(fleet.summary().ccuThisWeek()).isEqualByComparingTo("12.75");
        assertThat(ccuOf("c-003")).isEqualByComparingTo("0");
        assertListsMatchTheDirectRead();
    }

    @Test
    void aNewerSnapshotShowsInTheDetailOnTheNextRead() {
        assertThat(cpuOf("c-001").snapshotHour()).isEqualTo(LocalDateTime.of(2025, 6, 11, 5, 0));

        jdbc.sql("""
                INSERT INTO metrics.amv_hourly_snapshots_v1 VALUES
                  ('c-001', 'cpu_util_pct', TIMESTAMP '2025-06-11 07:00:00', 91, 88, 96, 95, 90, 60)""").update();

        MetricReading cpu = cpuOf("c-001");
        assertThat(cpu.snapshotHour()).isEqualTo(LocalDateTime.of(2025, 6, 11, 7, 0));
        assertThat(cpu.band()).isEqualTo("critical");
        assertReadingsMatchTheDirectRead();
    }

    @Test
    void aRollupThatRewritesAnHourInPlaceShowsOnTheNextRead() {
        assertThat(cpuOf("c-003").value()).isEqualTo(97.0);

        // Raw samples of an hour that already has its snapshot row: the refresh replaces that row
        // with one of the same key, so only the rollup's refresh marks tell the change.
        jdbc.sql("""
                INSERT INTO metrics.metrics_table (ts, cluster_id, node_id, metric_name, value, ingested_at) VALUES
                  (TIMESTAMP '2025-06-11 06:10:00', 'c-003', NULL, 'cpu_util_pct', 40, TIMESTAMP '2025-06-11 06:11:00'),
                  (TIMESTAMP '2025-06-11 06:20:00', 'c-003', NULL, 'cpu_util_pct', 60, TIMESTAMP '2025-06-11 06:21:00')""")
                .update();
        long rows = snapshotRows();
        TestRefreshers.create(store.dataSource(), new DuckDbDialect()).refresh(false);
        assertThat(snapshotRows()).isEqualTo(rows);

        MetricReading cpu = cpuOf("c-003");
        assertThat(cpu.value()).isEqualTo(50.0);
        assertThat(cpu.band()).isEqualTo("ok");
        assertReadingsMatchTheDirectRead();
    }

    @Test
    void aChangedThresholdChangesTheBandOnTheNextRead() {
        assertThat(cpuOf("c-001").band()).isEqualTo("warning");

        jdbc.sql("UPDATE metrics.metric_dictionary SET warn_threshold = 90 WHERE metric_name = 'cpu_util_pct'").update();

        assertThat(cpuOf("c-001").band()).isEqualTo("ok");
        assertThat(cpuOf("c-001").warnThreshold()).isEqualTo(90.0);
        assertReadingsMatchTheDirectRead();
    }

    @Test
    void snapshotsAndBillsThatAllGoAwayLeaveNothingBehind() {
        fleet.summary();
        fleet.cluster("c-001");

        jdbc.sql("DELETE FROM metrics.amv_hourly_snapshots_v1").update();
        jdbc.sql("DELETE FROM byoc.bill_detail").update();

        assertThat(fleet.cluster("c-001").orElseThrow().latestMetrics()).isEmpty();
        assertThat(fleet.summary().weekStart()).isNull();
        assertThat(ccuOf("c-001")).isEqualByComparingTo("0");
        assertListsMatchTheDirectRead();
    }

    /** Every sort field: what the bills change (the CCU and its order) and the order the store still makes. */
    private void assertListsMatchTheDirectRead() {
        assertListsMatchTheDirectRead(List.of(SortField.CCU_7D, SortField.CLUSTER_NAME), List.of("tier=S"));
    }

    /** Both directions; pages of two through the whole list unfiltered, and the first page of each filter. */
    private void assertListsMatchTheDirectRead(List<SortField> fields, List<String> filters) {
        for (SortField field : fields) {
            for (String direction : List.of("asc", "desc")) {
                for (int page = 0; page < 3; page++) {
                    assertSameList(query(field.apiName() + "," + direction, page, 2, ""));
                }
                for (String filter : filters) {
                    assertSameList(query(field.apiName() + "," + direction, 0, 2, filter));
                }
            }
        }
    }

    private void assertSameList(ClusterQuery q) {
        assertThat(fleet.clusters(q).items()).as("%s", q).isEqualTo(direct.clusters(q));
    }

    private void assertReadingsMatchTheDirectRead() {
        for (String cluster : CLUSTERS) {
            assertThat(fleet.cluster(cluster)).as(cluster).isEqualTo(slow.cluster(cluster));
        }
    }

    private MetricReading cpuOf(String cluster) {
        return fleet.cluster(cluster).orElseThrow().latestMetrics().stream()
                .filter(m -> m.metricName().equals("cpu_util_pct")).findFirst().orElseThrow();
    }

    private BigDecimal ccuOf(String cluster) {
        return fleet.clusters(query(null, 0, 25)).items().stream()
                .filter(i -> i.clusterId().equals(cluster)).findFirst().orElseThrow().ccu7d();
    }

    private long snapshotRows() {
        return jdbc.sql("SELECT count(*) FROM metrics.amv_hourly_snapshots_v1").query(Long.class).single();
    }

    private void bill(String date, int hour, String cluster, String ccu, String usd) {
        jdbc.sql("""
                INSERT INTO byoc.bill_detail (bill_date, bill_hour, cluster_id, resource_id, node_type, ccu_usage, usd_cost)
                VALUES (CAST(:date AS DATE), :hour, :cluster, 'r-test', 'CN', CAST(:ccu AS DECIMAL(18,6)),
                        CAST(:usd AS DECIMAL(18,6)))""")
                .param("date", date).param("hour", hour).param("cluster", cluster).param("ccu", ccu).param("usd", usd)
                .update();
    }

    private static ClusterQuery query(String sort, int page, int size) {
        return query(sort, page, size, "");
    }

    /** {@code filter} is empty or one {@code name=value} of the API's filters. */
    private static ClusterQuery query(String sort, int page, int size, String filter) {
        List<String> f = new ArrayList<>(List.of("", "", "", "", "", "", ""));
        List<String> names = List.of("q", "state", "type", "tier", "version", "region", "org_id");
        if (!filter.isEmpty()) {
            f.set(names.indexOf(filter.substring(0, filter.indexOf('='))), filter.substring(filter.indexOf('=') + 1));
        }
        return ClusterQuery.of(page, size, sort, blank(f.get(0)), blank(f.get(1)), blank(f.get(2)), blank(f.get(3)),
                blank(f.get(4)), blank(f.get(5)), blank(f.get(6)));
    }

    private static String blank(String s) {
        return s.isEmpty() ? null : s;
    }
}
