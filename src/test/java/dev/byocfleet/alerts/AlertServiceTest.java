package dev.byocfleet.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.byocfleet.api.InvalidParameterException;
import dev.byocfleet.directory.TestDirectories;
import dev.byocfleet.support.TestStore;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

/** The alert list and detail against a real store holding alerts/fixture.sql. */
class AlertServiceTest {

    private static TestStore store;
    private static AlertService service;

    @BeforeAll
    static void load() {
        store = new TestStore();
        new ResourceDatabasePopulator(new ClassPathResource("alerts/fixture.sql")).execute(store.dataSource());
        service = new AlertService(new AlertQueryRepository(JdbcClient.create(store.dataSource())),
                TestDirectories.checkingEveryRead(JdbcClient.create(store.dataSource())));
    }

    @AfterAll
    static void close() {
        store.close();
    }

    static AlertQuery query(String params) {
        java.util.Map<String, String> p = new java.util.HashMap<>();
        for (String kv : params.isBlank() ? new String[0] : params.split("&")) {
            String[] parts = kv.split("=", 2);
            p.put(parts[0], parts[1]);
        }
        return AlertQuery.of(Integer.parseInt(p.getOrDefault("page", "0")), Integer.parseInt(p.getOrDefault("size", "50")),
                p.get("sort"), p.get("from"), p.get("to"), p.get("source"), p.get("status"), p.get("severity"),
                p.get("cluster_id"), p.get("org_id"), p.get("tier"), p.get("q"),
                p.containsKey("unparsed") ? Boolean.valueOf(p.get("unparsed")) : null);
    }

    static List<String> ids(AlertPage page) {
        return page.items().stream().map(AlertSummary::messageId).toList();
    }

    @Test
    void aKeptPageGivesWayToAnyChangeOfTheAlertsOrOfTheDirectory() {
        // a store of its own: this test changes the alerts
        try (TestStore own = new TestStore()) {
            new ResourceDatabasePopulator(new ClassPathResource("alerts/fixture.sql")).execute(own.dataSource());
            JdbcClient jdbc = JdbcClient.create(own.dataSource());
            AlertService alerts = new AlertService(new AlertQueryRepository(jdbc), TestDirectories.checkingEveryRead(jdbc));
            AlertQuery firing = query("status=firing");
            AlertPage first = alerts.alerts(firing);
            assertThat(alerts.alerts(firing)).as("the same query again, nothing changed").isSameAs(first);

            // an in-place update of a listed column
            jdbc.sql("UPDATE alerts.lark_alerts SET issue_id = 99 WHERE message_id = 'm1'").update();
            AlertPage updated = alerts.alerts(firing);
            assertThat(updated).isNotEqualTo(first);
            assertThat(updated.items()).filteredOn(a -> a.messageId().equals("m1")).extracting(AlertSummary::issueId)
                    .containsExactly(99L);

            // an alert that stops matching the filter
            jdbc.sql("UPDATE alerts.lark_alerts SET status = 'resolved' WHERE message_id = 'm1'").update();
            assertThat(ids(alerts.alerts(firing))).doesNotContain("m1");
            assertThat(alerts.alerts(firing).total()).isEqualTo(updated.total() - 1);

            // the directory's names: a renamed cluster
            String cluster = alerts.alerts(firing).items().stream().map(AlertSummary::clusterId).filter(java.util.Objects::nonNull)
                    .findFirst().orElseThrow();
            jdbc.sql("UPDATE byoc.cluster SET cluster_name = 'renamed' WHERE cluster_id = :c").param("c", cluster).update();
            assertThat(alerts.alerts(firing).items()).filteredOn(a -> cluster.equals(a.clusterId()))
                    .extracting(AlertSummary::clusterName).containsOnly("renamed");
            assertThat(alerts.alerts(firing)).isEqualTo(service(jdbc).alerts(firing));
        }
    }

    private static AlertService service(JdbcClient jdbc) {
        return new AlertService(new AlertQueryRepository(jdbc), TestDirectories.checkingEveryRead(jdbc));
    }

    @Test
    void listsEveryAlertNewestReceivedFirstWithClusterOrgAndTier() {
        AlertPage page = service.alerts(query(""));
        assertThat(ids(page)).containsExactly("m5", "m2", "m1", "m3", "m4", "m6", "m7");
        assertThat(page.total()).isEqualTo(7);
        AlertSummary m1 = page.items().get(2);
        assertThat(m1.clusterName()).isEqualTo("sr-prod-01");
        assertThat(m1.orgId()).isEqualTo("org-1");
        assertThat(m1.tier()).isEqualTo("S");
        assertThat(m1.startsAt()).isEqualTo(LocalDateTime.of(2026, 11, 29, 3, 59, 0, 819_723_000));
        assertThat(m1.receivedAt()).isEqualTo(LocalDateTime.of(2026, 11, 29, 4, 0));
        AlertSummary m4 = page.items().get(4);
        assertThat(m4.orgId()).isEqualTo("org-3");
        assertThat(m4.tier()).isNull();
        AlertSummary m5 = page.items().getFirst();
        assertThat(m5.parseStatus()).isEqualTo("unparsed");
        assertThat(m5.parseError()).isEqualTo("no alert found in the card");
        assertThat(m5.clusterId()).isNull();
        assertThat(page.items().get(1).issueId()).isEqualTo(7L);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
            "from=2026-11-29T00:00:00Z;                             m5 m2 m1 m3 m4",
            "from=2026-11-29T00:00:00Z&to=2026-11-29T04:00:00Z;     m3 m4",
            "from=2026-11-29T12:00:00+08:00&to=2026-11-29T13:00+08:00; m2 m1",
            "to=2026-11-29;                                         m6 m7",
            "from=2026-11-29T04:00:00;                              m5 m2 m1",
            "source=alertmanager;                                   m2 m1 m6",
            "source=grafana,lark_mcp;                               m3 m7",
            "source=LARK;                                           m5 m4",
            "status=resolved;                                       m2 m7",
            "severity=critical;                                     m2 m1 m7",
            "severity=warning,info;                                 m5 m3 m4 m6",
            "cluster_id=c-2;                                        m3 m7",
            "org_id=org-1;                                          m2 m1",
            "tier=s;                                                m2 m1",
            "tier=A&status=firing;                                  m3",
            "q=disk;                                                m3 m7",
            "q=SR-PROD;                                             m2 m1",
            "q=10.9.9.9;                                            m6",
            "q=latency;                                             m4",
            "q=%;                                                   m3",
            "q=nothing-like-this;                                   ''",
            "unparsed=true;                                         m5",
            "unparsed=false&source=lark;                            m4",
            "source=alertmanager&severity=warning&q=compaction;     m6"})
    void filtersCombineWithAnd(String params, String expected) {
        AlertPage page = service.alerts(query(params));
        List<String> want = expected.isBlank() ? List.of() : List.of(expected.split(" "));
        assertThat(ids(page)).containsExactlyElementsOf(want);
        assertThat(page.total()).isEqualTo(want.size());
    }

    @ParameterizedTest(name = "sort={0}")
    @CsvSource(delimiter = ';', value = {
            "received_at;           m7 m6 m4 m3 m1 m2 m5",
            "received_at,desc;      m5 m2 m1 m3 m4 m6 m7",
            "severity,desc;         m2 m1 m7 m5 m3 m6 m4",
            "starts_at,desc;        m2 m1 m3 m4 m6 m7 m5",
            "alert_name;            m2 m1 m3 m7 m6 m4 m5",
            "cluster_id,desc;       m4 m3 m7 m2 m1 m5 m6",
            "SOURCE,ASC;            m2 m1 m6 m3 m5 m4 m7",
            "status;                m5 m1 m3 m4 m6 m2 m7"})
    void sortsWithMissingValuesLastAndNewestReceivedBreakingTies(String sort, String expected) {
        assertThat(ids(service.alerts(query("sort=" + sort)))).containsExactly(expected.split(" "));
    }

    @Test
    void pagesThroughAndKeepsTheTotalPastTheLastPage() {
        AlertPage second = service.alerts(query("size=3&page=1"));
        assertThat(ids(second)).containsExactly("m3", "m4", "m6");
        assertThat(second.total()).isEqualTo(7);
        assertThat(second.page()).isEqualTo(1);
        assertThat(second.size()).isEqualTo(3);
        AlertPage beyond = service.alerts(query("size=3&page=5"));
        assertThat(beyond.items()).isEmpty();
        assertThat(beyond.total()).isEqualTo(7);
    }

    @Test
    void detailCarriesLabelsAnnotationsAndTheRawPayloadAsReceived() {
        AlertDetail m1 = service.alert("m1").orElseThrow();
        assertThat(m1.labels()).containsExactly(java.util.Map.entry("alertname", "BE Service Suspension"),
                java.util.Map.entry("cluster", "sr-prod-01"), java.util.Map.entry("severity", "critical"));
        assertThat(m1.annotations()).containsEntry("summary", "BE down").containsEntry("grafana_values", "{\"A\":1}");
        assertThat(m1.rawPayload()).isEqualTo("{\"status\":\"firing\",\"annotations\":{\"summary\":\"<b>BE</b> down\"}}");
        assertThat(m1.sourceMessageId()).isEqualTo("{}:{alertname=\"BE Service Suspension\"}");
        assertThat(m1.description()).isEqualTo("BE heartbeat lost");
        assertThat(m1.generatorUrl()).isEqualTo("http://prometheus.local:9090/graph");
        assertThat(m1.ingestRunId()).isEqualTo("webhook-alertmanager-2026112904-x");
        assertThat(m1.clusterName()).isEqualTo("sr-prod-01");
        assertThat(m1.tier()).isEqualTo("S");
        assertThat(m1.endsAt()).isNull();
        assertThat(m1.issueId()).isNull();
        AlertDetail m2 = service.alert("m2").orElseThrow();
        assertThat(m2.labels()).isEmpty();
        assertThat(m2.endsAt()).isEqualTo(LocalDateTime.of(2026, 11, 29, 4, 9));
        assertThat(m2.issueId()).isEqualTo(7L);
    }

    @Test
    void anUnknownIdIsEmptyAndAMalformedOneIsABadParameter() {
        assertThat(service.alert("0".repeat(64))).isEmpty();
        for (String bad : new String[] {"", "x".repeat(65), "m1' OR '1'='1", "m1;--", "..", "a b", "☃"}) {
            assertThatThrownBy(() -> service.alert(bad)).as(bad).isInstanceOfSatisfying(InvalidParameterException.class,
                    e -> assertThat(e.parameter()).isEqualTo("message_id"));
        }
    }

    @Test
    void textSearchTakesWildcardsAndQuotesLiterally() {
        assertThat(ids(service.alerts(query("q=_")))).isEmpty();
        assertThat(ids(service.alerts(query("q=' OR '1'='1")))).isEmpty();
    }
}
