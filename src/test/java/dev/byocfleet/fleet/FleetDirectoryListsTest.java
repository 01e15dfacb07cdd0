package dev.byocfleet.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.byocfleet.auth.AccessGuard;
import dev.byocfleet.auth.Role;
import dev.byocfleet.fleet.ClusterQuery.SortField;
import dev.byocfleet.support.SignedIn;
import dev.byocfleet.support.TestStore;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The fleet list and summary computed in memory from the directory must equal what the store
 * computes, on a generated fleet with everything that makes ordering and matching subtle: nulls,
 * ties, text outside the Basic Multilingual Plane (where UTF-16 order and the store's byte order
 * differ), mixed-case states and node types, versions that share a prefix, accounts without an
 * organization, organizations without a profile, terminated and decommissioned nodes.
 */
class FleetDirectoryListsTest {

    private static final String[] NAMES = {"alpha", "Alpha", "beta", "\uD835\uDD18nicode", "\uFF21wide", "é-cluster",
            "zeta", "", null};
    private static final String[] STATES = {"RUNNING", "running", "Suspended", "RELEASED", "ABNORMAL", null};
    private static final String[] TYPES = {"ELASTIC", "elastic", "CLASSIC", null};
    private static final String[] VERSIONS = {"3.3", "3.3.7", "3.30.1", "3.4.0", "v3.3", null};
    private static final String[] REGIONS = {"us-west-2", "eu-central-1", "\uD835\uDD18-region", null};
    private static final String[] NODE_TYPES = {"FE", "BE", "CN", "fe", null};

    private TestStore store;
    private JdbcClient jdbc;
    private SignedIn viewer;
    private FleetService fleet;
    private DirectFleetReads direct;

    @BeforeEach
    void generateAFleet() {
        store = new TestStore();
        jdbc = JdbcClient.create(store.dataSource());
        viewer = SignedIn.as(Role.VIEWER);
        fleet = new FleetService(new FleetRepository(jdbc), FleetFiguresTest.directory(jdbc), new AccessGuard(),
                Runnable::run);
        direct = new DirectFleetReads(jdbc);
        Random random = new Random(20261130);
        for (int o = 0; o < 12; o++) {
            jdbc.sql("INSERT INTO byoc.organization (org_id, org_name) VALUES (:id, :name)")
                    .param("id", "org-" + o).param("name", o % 5 == 4 ? null : pick(random, NAMES) + "-org-" + (o % 7))
                    .update();
            if (o % 4 != 3) {
                jdbc.sql("INSERT INTO metrics.dim_customer_profile (org_id, customer_name, tier) VALUES (:id, 'x', :tier)")
                        .param("id", "org-" + o).param("tier", List.of("S", "A", "B", "C").get(o % 4 == 2 ? random.nextInt(4) : o % 3))
                        .update();
            }
        }
        for (int a = 0; a < 20; a++) {
            // accounts 18 and 19 belong to organizations that do not exist
            jdbc.sql("INSERT INTO byoc.account (account_id, org_id) VALUES (:id, :org)")
                    .param("id", "acc-" + a).param("org", a >= 18 ? "org-missing-" + a : "org-" + (a % 12)).update();
        }
        for (int c = 0; c < 90; c++) {
            String id = c % 9 == 0 ? "c-\uD835\uDD18-" + c : c % 9 == 1 ? "c-\uFF21-" + c : "c-" + c;
            jdbc.sql("""
                    INSERT INTO byoc.cluster (cluster_id, account_id, cluster_name, cluster_type, csp, region, cluster_state,
                                              cluster_version, created_at)
                    VALUES (:id, :account, :name, :type, 'aws', :region, :state, :version, :created)""")
                    .param("id", id)
                    .param("account", random.nextInt(10) == 0 ? "acc-none" : "acc-" + random.nextInt(20))
                    .param("name", pick(random, NAMES))
                    .param("type", pick(random, TYPES))
                    .param("region", pick(random, REGIONS))
                    .param("state", pick(random, STATES))
                    .param("version", pick(random, VERSIONS))
                    .param("created", random.nextInt(6) == 0 ? null : LocalDateTime.of(2025, 1, 1 + random.nextInt(3), 0, 0))
                    .update();
            for (int n = random.nextInt(6); n > 0; n--) {
                int fate = random.nextInt(6);
                jdbc.sql("""
                        INSERT INTO byoc.node (node_id, cluster_id, node_type, state, terminated_at)
                        VALUES (:node, :cluster, :type, :state, :terminated)""")
                        .param("node", id + "-n" + n).param("cluster", id).param("type", pick(random, NODE_TYPES))
                        .param("state", fate == 0 ? "DECOMMISSIONED" : fate == 1 ? null : "alive")
                        .param("terminated", fate == 2 ? LocalDateTime.of(2025, 2, 1, 0, 0) : null)
                        .update();
            }
        }
        // nodes of a cluster that is not in the cluster table count nowhere
        jdbc.sql("INSERT INTO byoc.node (node_id, cluster_id, node_type, state) VALUES ('orphan', 'c-gone', 'BE', 'alive')")
                .update();
    }

    @AfterEach
    void close() {
        viewer.close();
        store.close();
    }

    @Test
    void everySortDirectionPageAndFilterEqualsTheStoresList() {
        List<String> filters = List.of("", "state=running", "type=ELASTIC", "tier=S", "tier=B", "version=3.3",
                "region=us-west-2", "org_id=org-3", "org_id=org-missing-18", "state=released");
        Map<String, Long> totals = new HashMap<>();
        filters.forEach(f -> totals.put(f, directCount(f)));
        int compared = 0;
        for (SortField field : SortField.values()) {
            for (String direction : List.of("asc", "desc")) {
                String sort = field.apiName() + "," + direction;
                // the whole sorted list per filter, then pages of the unfiltered one (the last one short)
                for (String filter : filters) {
                    ClusterQuery q = query(sort, 0, ClusterQuery.MAX_SIZE, filter);
                    ClusterPage all = fleet.clusters(q);
                    assertThat(all.items()).as("%s", q).isEqualTo(direct.clusters(q));
                    assertThat(all.total()).as("%s", q).isEqualTo(totals.get(filter));
                    compared += all.items().size();
                }
                for (int page : new int[] {1, 12, 13}) {
                    ClusterQuery q = query(sort, page, 7, "");
                    assertThat(fleet.clusters(q).items()).as("%s", q).isEqualTo(direct.clusters(q));
                }
            }
        }
        assertThat(compared).as("rows compared").isGreaterThan(5000);
    }

    @Test
    void summaryCountsWhatTheStoreCounts() {
        FleetSummary summary = fleet.summary();
        assertThat(summary.clusters()).isEqualTo(90);
        assertThat(summary.organizations()).isEqualTo(12);
        assertThat(summary.clustersByState()).isEqualTo(directBreakdown("c.cluster_state"));
        assertThat(summary.clustersByType()).isEqualTo(directBreakdown("c.cluster_type"));
        assertThat(summary.clustersByRegion()).isEqualTo(directBreakdown("c.region"));
        assertThat(summary.clustersByTier()).isEqualTo(directBreakdown("p.tier"));
        Map<String, Long> versions = new TreeMap<>(FleetService::compareVersions);
        directBreakdown("c.cluster_version").forEach((v, n) -> versions.merge(
                v.equals(FleetService.UNKNOWN) ? v : FleetService.majorMinor(v), n, Long::sum));
        assertThat(summary.clustersByVersion()).isEqualTo(versions);
        Map<String, Long> nodes = new HashMap<>();
        jdbc.sql("""
                SELECT upper(coalesce(n.node_type, 'null')) AS t, count(*) AS k FROM byoc.node n
                JOIN byoc.cluster c ON c.cluster_id = n.cluster_id
                WHERE n.terminated_at IS NULL AND coalesce(lower(n.state), '') <> 'decommissioned'
                  AND coalesce(upper(c.cluster_state), '') <> 'RELEASED'
                GROUP BY 1""").query(rs -> {
                    nodes.merge(rs.getString("t"), rs.getLong("k"), Long::sum);
                });
        assertThat(summary.nodes().fe()).isEqualTo(nodes.getOrDefault("FE", 0L));
        assertThat(summary.nodes().be()).isEqualTo(nodes.getOrDefault("BE", 0L));
        assertThat(summary.nodes().cn()).isEqualTo(nodes.getOrDefault("CN", 0L));
        assertThat(summary.nodes().total()).isEqualTo(nodes.values().stream().mapToLong(Long::longValue).sum());
        assertThat(summary.nodes().fe()).as("lower-case fe nodes count as FE in the summary").isPositive();
    }

    @Test
    void codePointOrderIsTheByteOrderOfUtf8() {
        List<String> texts = List.of("a", "b", "ab", "", "\uFF21", "\uD835\uDD18", "é", "z\uD835\uDD18", "z\uFF21");
        for (String x : texts) {
            for (String y : texts) {
                assertThat(Integer.signum(FleetService.compareCodePoints(x, y))).as("%s vs %s", x, y)
                        .isEqualTo(Integer.signum(java.util.Arrays.compareUnsigned(
                                x.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                                y.getBytes(java.nio.charset.StandardCharsets.UTF_8))));
            }
        }
    }

    private long directCount(String filter) {
        ClusterFilter f = ClusterFilter.of(query(null, 0, 1, filter));
        return jdbc.sql("SELECT count(*) FROM byoc.cluster c LEFT JOIN byoc.account a ON a.account_id = c.account_id "
                        + "LEFT JOIN byoc.organization o ON o.org_id = a.org_id "
                        + "LEFT JOIN metrics.dim_customer_profile p ON p.org_id = a.org_id " + f.where())
                .params(f.params()).query(Long.class).single();
    }

    /** Clusters per value as the store groups them, blank or missing as "unknown". */
    private Map<String, Long> directBreakdown(String column) {
        Map<String, Long> counts = new HashMap<>();
        jdbc.sql("SELECT " + column + " AS v, count(*) AS k FROM byoc.cluster c "
                        + "LEFT JOIN byoc.account a ON a.account_id = c.account_id "
                        + "LEFT JOIN metrics.dim_customer_profile p ON p.org_id = a.org_id GROUP BY 1")
                .query(rs -> {
                    String v = rs.getString("v");
                    counts.merge(v == null || v.isBlank() ? FleetService.UNKNOWN : v, rs.getLong("k"), Long::sum);
                });
        return counts;
    }

    private static String pick(Random random, String[] values) {
        return values[random.nextInt(values.length)];
    }

    private static ClusterQuery query(String sort, int page, int size, String filter) {
        String[] f = new String[7];
        List<String> names = List.of("q", "state", "type", "tier", "version", "region", "org_id");
        if (!filter.isEmpty()) {
            f[names.indexOf(filter.substring(0, filter.indexOf('=')))] = filter.substring(filter.indexOf('=') + 1);
        }
        return ClusterQuery.of(page, size, sort, f[0], f[1], f[2], f[3], f[4], f[5], f[6]);
    }
}
