package dev.byocfleet.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import dev.byocfleet.support.AppTestBase;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.jdbc.Sql;
import org.springframework.test.json.JsonCompareMode;

/** The fleet API over HTTP against the fleet in {@code fleet/fixture.sql}. */
@Sql(scripts = "/fleet/fixture.sql", executionPhase = Sql.ExecutionPhase.BEFORE_TEST_CLASS)
class FleetControllerIT extends AppTestBase {

    @Test
    void summaryCountsTheWholeFleetLiveNodesOfUnreleasedClustersAndBillingWeeksOfTheNewestData() {
        client.get().uri("/api/fleet/summary").exchange()
                .expectStatus().isOk()
                .expectBody().json("""
                        {
                          "organizations": 3,
                          "clusters": 5,
                          "nodes": {"FE": 6, "BE": 3, "CN": 9, "total": 18},
                          "clusters_by_state": {"ABNORMAL": 1, "RELEASED": 1, "RUNNING": 2, "SUSPENDED": 1},
                          "clusters_by_type": {"CLASSIC": 2, "ELASTIC": 3},
                          "clusters_by_tier": {"S": 2, "A": 2, "unknown": 1},
                          "clusters_by_version": {"3.1": 1, "3.2": 1, "3.3": 2, "3.4": 1},
                          "clusters_by_region": {"eastus": 1, "us-central1": 1, "us-east-1": 1, "us-west-2": 2},
                          "ccu_this_week": 16.75,
                          "ccu_last_week": 14,
                          "ccu_last_week_to_date": 8.5,
                          "usd_this_week": 10.8875,
                          "week_start": "2025-06-09",
                          "data_through": "2025-06-11T06:00:00"
                        }""", JsonCompareMode.STRICT);
    }

    @Test
    void summaryOrdersVersionsNumerically() {
        String body = get("/api/fleet/summary");
        assertThat(JsonPath.<java.util.Map<String, Object>>read(body, "$.clusters_by_version").keySet())
                .containsExactly("3.1", "3.2", "3.3", "3.4");
    }

    @Test
    void listsClustersByNameByDefaultWithPagingInfo() {
        String body = get("/api/fleet/clusters");
        assertThat(names(body)).containsExactly("acme-analytics", "acme-prod", "globex-dw", "globex-old", "initech-lake");
        assertThat(JsonPath.<Integer>read(body, "$.page")).isZero();
        assertThat(JsonPath.<Integer>read(body, "$.size")).isEqualTo(25);
        assertThat(JsonPath.<Integer>read(body, "$.total")).isEqualTo(5);
    }

    @Test
    void listItemCarriesOwnerTierLiveNodeCountsAndCcuOfTheLast168BillHours() {
        client.get().uri("/api/fleet/clusters?q=acme-prod").exchange()
                .expectStatus().isOk()
                .expectBody().json("""
                        {"items": [{
                          "cluster_id": "c-001", "cluster_name": "acme-prod", "org_id": "org-1", "org_name": "Acme Corp",
                          "tier": "S", "cluster_type": "ELASTIC", "cluster_state": "RUNNING", "cluster_version": "3.3.7",
                          "csp": "aws", "region": "us-west-2", "fe_count": 3, "be_count": 0, "cn_count": 5,
                          "created_at": "2024-01-10T08:00:00", "ccu_7d": 12.75
                        }], "page": 0, "size": 25, "total": 1}""", JsonCompareMode.STRICT);
    }

    @Test
    void recentCcuCoversExactly168BillHoursUpToTheNewest() {
        // c-005 billed 0.5 at 2025-06-04 05:00 (168 hours before the newest hour: out),
        // 0.75 at 06:00 and 1.25 on 2025-06-05 (in)
        String body = get("/api/fleet/clusters?q=initech");
        assertThat(JsonPath.<Double>read(body, "$.items[0].ccu_7d")).isEqualTo(2.0);
    }

    @Test
    void pagesThroughClustersAndKeepsTheTotalPastTheLastPage() {
        String second = get("/api/fleet/clusters?size=2&page=1");
        assertThat(names(second)).containsExactly("globex-dw", "globex-old");
        assertThat(JsonPath.<Integer>read(second, "$.total")).isEqualTo(5);

        String beyond = get("/api/fleet/clusters?size=2&page=3");
        assertThat(names(beyond)).isEmpty();
        assertThat(JsonPath.<Integer>read(beyond, "$.total")).isEqualTo(5);
    }

    @ParameterizedTest(name = "sort={0}")
    @CsvSource(delimiter = ';', value = {
            "ccu_7d,desc;        c-001 c-003 c-002 c-005 c-004",
            "ccu_7d;             c-004 c-005 c-002 c-003 c-001",
            "tier,asc;           c-001 c-002 c-003 c-004 c-005",
            "tier,desc;          c-003 c-004 c-001 c-002 c-005",
            "created_at,desc;    c-005 c-003 c-002 c-001 c-004",
            "cn_count,desc;      c-001 c-003 c-005 c-002 c-004",
            "be_count,desc;      c-002 c-004 c-001 c-003 c-005",
            "org_name,asc;       c-001 c-002 c-003 c-004 c-005",
            "CLUSTER_VERSION,DESC; c-005 c-001 c-003 c-002 c-004"})
    void sortsByAllowListedFieldsWithMissingValuesLast(String sort, String expectedIds) {
        assertThat(ids(get("/api/fleet/clusters?sort=" + sort))).containsExactly(expectedIds.split(" "));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
            "q=CORP;                            c-001 c-002",
            "q=globex;                          c-003 c-004",
            "q=C-005;                           c-005",
            "q=no-such-cluster;                 ''",
            "state=running;                     c-001 c-005",
            "type=classic;                      c-002 c-004",
            "tier=s;                            c-001 c-002",
            "version=3.3;                       c-001 c-003",
            "version=3.3.7;                     c-001",
            "version=3.33;                      ''",
            "region=us-west-2;                  c-001 c-004",
            "org_id=org-2;                      c-003 c-004",
            "state=RUNNING&type=ELASTIC&tier=S; c-001"})
    void filtersCombineWithAnd(String query, String expectedIds) {
        List<String> expected = expectedIds.isEmpty() ? List.of() : List.of(expectedIds.split(" "));
        String body = get("/api/fleet/clusters?" + query);
        assertThat(ids(body)).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(JsonPath.<Integer>read(body, "$.total")).isEqualTo(expected.size());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "size=0, size", "size=10000, size", "size=abc, size", "page=-1, page", "page=1.5, page",
            "sort=password, sort", "'sort=cluster_name,sideways', sort", "'sort=cluster_name,asc,desc', sort",
            "tier=Z, tier"})
    void rejectsBadParametersWithAProblemNamingTheParameter(String query, String parameter) {
        client.get().uri("/api/fleet/clusters?" + query).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(400)
                .jsonPath("$.parameter").isEqualTo(parameter)
                .jsonPath("$.detail").isNotEmpty();
    }

    @Test
    void clusterDetailCarriesTheControlPlaneRowsAndTheNewestSnapshotPerMetric() {
        String body = get("/api/fleet/clusters/c-001");
        assertThat(JsonPath.<String>read(body, "$.cluster.cluster_name")).isEqualTo("acme-prod");
        assertThat(JsonPath.<Boolean>read(body, "$.cluster.is_multi_warehouse")).isTrue();
        assertThat(JsonPath.<Integer>read(body, "$.cluster.query_port")).isEqualTo(9030);
        assertThat(JsonPath.<String>read(body, "$.cluster.tags.env")).isEqualTo("prod");
        assertThat(JsonPath.<String>read(body, "$.cluster.updated_at")).isEqualTo("2025-06-10T12:00:00");
        assertThat(JsonPath.<Object>read(body, "$.cluster.released_at")).isNull();

        assertThat(JsonPath.<java.util.Map<String, Object>>read(body, "$.organization")).containsExactlyInAnyOrderEntriesOf(
                java.util.Map.of("org_id", "org-1", "org_name", "Acme Corp", "payment_type", "contract",
                        "customer_name", "Acme Corporation", "tier", "S", "region", "us-west",
                        "industry", "Retail", "owner", "alice"));

        assertThat(JsonPath.<List<String>>read(body, "$.resources[*].resource_id")).containsExactly("r-001-fe", "r-001-wh");
        assertThat(JsonPath.<List<String>>read(body, "$.resources[1].specified_azs"))
                .containsExactly("us-west-2a", "us-west-2b");
        assertThat(JsonPath.<Integer>read(body, "$.resources[1].vm_vol_size_gb")).isEqualTo(200);

        List<String> nodes = JsonPath.read(body, "$.nodes[*].node_id");
        assertThat(nodes).hasSize(10);
        // live nodes first, the decommissioned and the terminated one last
        assertThat(nodes.subList(8, 10)).containsExactlyInAnyOrder("n-001-cn6", "n-001-cn7");

        assertThat(JsonPath.<List<String>>read(body, "$.state_history[*].to_state"))
                .containsExactly("RUNNING", "SCALING", "RUNNING", "DEPLOYING");

        // per category, then name; the snapshot without a dictionary entry is left out
        assertThat(JsonPath.<List<String>>read(body, "$.latest_metrics[*].metric_name"))
                .containsExactly("fe_alive_ratio", "cpu_util_pct");
        client.get().uri("/api/fleet/clusters/c-001").exchange().expectBody()
                .json("""
                        {"latest_metrics": [
                          {"metric_name": "fe_alive_ratio", "value": 1.0, "max_value": 1.0, "unit": "ratio",
                           "category": "availability", "snapshot_hour": "2025-06-11T05:00:00", "band": "ok",
                           "warn_threshold": 0.99, "crit_threshold": 0.5},
                          {"metric_name": "cpu_util_pct", "value": 60.0, "max_value": 85.0, "unit": "pct",
                           "category": "resource", "snapshot_hour": "2025-06-11T05:00:00", "band": "warning",
                           "warn_threshold": 80.0, "crit_threshold": 95.0}
                        ]}""", JsonCompareMode.LENIENT);
    }

    @Test
    void clusterDetailOfAClusterThatStoppedReportingLongAgoStillShowsItsLastSnapshot() {
        String body = get("/api/fleet/clusters/c-002");
        assertThat(JsonPath.<List<String>>read(body, "$.latest_metrics[*].snapshot_hour")).containsExactly("2025-05-01T10:00:00");
        assertThat(JsonPath.<Double>read(body, "$.latest_metrics[0].value")).isEqualTo(25.0);
    }

    @Test
    void clusterDetailShowsTheNewestTwentyActionsNewestFirst() {
        List<String> actions = JsonPath.read(get("/api/fleet/clusters/c-001"), "$.recent_actions[*].action_id");
        assertThat(actions).hasSize(20).startsWith("a-22", "a-21").endsWith("a-03");
    }

    @Test
    void clusterDetailOfAnOrganizationWithoutProfileHasNoTier() {
        String body = get("/api/fleet/clusters/c-005");
        assertThat(JsonPath.<String>read(body, "$.organization.org_name")).isEqualTo("Initech");
        assertThat(JsonPath.<Object>read(body, "$.organization.tier")).isNull();
        assertThat(JsonPath.<List<Object>>read(body, "$.latest_metrics")).isEmpty();
        assertThat(JsonPath.<List<Object>>read(body, "$.recent_actions")).isEmpty();
    }

    @Test
    void unknownClusterIsANotFoundProblem() {
        client.get().uri("/api/fleet/clusters/c-999").exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(404)
                .jsonPath("$.detail").isEqualTo("No cluster with id 'c-999'.");
    }

    @Test
    void clusterIdLongerThanTheControlPlaneAllowsIsABadRequestNamingIt() {
        client.get().uri("/api/fleet/clusters/{id}", "c".repeat(65)).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.parameter").isEqualTo("id");
    }

    @ParameterizedTest
    @ValueSource(strings = {"c-001' OR '1'='1", "c-001; DROP TABLE byoc.cluster; --", "☃", "%", "a b", "..", "c-001\"}"})
    void clusterIdWithOddCharactersIsNeverAServerError(String id) {
        HttpStatus status = HttpStatus.valueOf(client.get().uri("/api/fleet/clusters/{id}", id).exchange()
                .returnResult().getStatus().value());
        assertThat(status).isIn(HttpStatus.BAD_REQUEST, HttpStatus.NOT_FOUND);
        // and the table is still there
        assertThat(JsonPath.<Integer>read(get("/api/fleet/clusters"), "$.total")).isEqualTo(5);
    }

    private String get(String uri) {
        return client.get().uri(uri).exchange()
                .expectStatus().isOk()
                .returnResult(String.class).getResponseBody();
    }

    private static List<String> ids(String body) {
        return JsonPath.read(body, "$.items[*].cluster_id");
    }

    private static List<String> names(String body) {
        return JsonPath.read(body, "$.items[*].cluster_name");
    }
}
