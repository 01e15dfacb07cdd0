package dev.byocfleet.ingest.source.grafana;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.byocfleet.ingest.NormalizedAlert;
import dev.byocfleet.ingest.ParsedAlerts;
import dev.byocfleet.ingest.PayloadException;
import dev.byocfleet.ingest.Payloads;
import dev.byocfleet.ingest.TestClusters;
import dev.byocfleet.ingest.webhook.WebhookProperties;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class GrafanaSourceTest {

    static final LocalDateTime RECEIVED = LocalDateTime.of(2026, 11, 29, 4, 41);
    private final GrafanaSource source = new GrafanaSource(TestClusters.refsFleet(),
            new WebhookProperties("t", null, null, null, null));

    private ParsedAlerts parse(String file) {
        return source.parse(Payloads.bytes(file), RECEIVED);
    }

    private NormalizedAlert parseAlert(String alertJson, String topExtra) {
        String body = "{\"version\":\"1\"" + topExtra + ",\"alerts\":[" + alertJson + "]}";
        return source.parse(body.getBytes(StandardCharsets.UTF_8), RECEIVED).alerts().getFirst();
    }

    @Test
    void docsExampleKeepsLinksValuesAndOrgAsAnnotationsAndConvertsItsOffsetToUtc() {
        List<NormalizedAlert> alerts = parse("grafana/grafana-docs-firing.json").alerts();
        assertThat(alerts).hasSize(2);
        NormalizedAlert a = alerts.getFirst();
        assertThat(a.source()).isEqualTo("grafana");
        assertThat(a.status()).isEqualTo("firing");
        assertThat(a.alertName()).isEqualTo("High memory usage");
        assertThat(a.startsAt()).isEqualTo(LocalDateTime.of(2021, 10, 12, 7, 51, 3, 157_076_000));
        assertThat(a.endsAt()).isNull();
        // no severity label: the notification's state decides
        assertThat(a.severity()).isEqualTo("warning");
        assertThat(a.summary()).isEqualTo("This alert was triggered for zone us-1");
        assertThat(a.clusterId()).isNull();
        assertThat(a.clusterRef()).isNull();
        assertThat(a.generatorUrl()).isEqualTo("https://play.grafana.org/alerting/1afz29v7z/edit");
        assertThat(a.annotations())
                .containsEntry("runbook_url", "https://myrunbook.com/runbook/1234")
                .containsEntry("grafana_silence_url", "https://play.grafana.org/alerting/silence/new?alertmanager=grafana"
                        + "&matchers=alertname%3DT2%2Cteam%3Dblue%2Czone%3Dus-1")
                .containsEntry("grafana_values", "{\"B\":44.23943737541908,\"C\":1}")
                .containsEntry("grafana_org_id", "1")
                .doesNotContainKeys("grafana_dashboard_url", "grafana_panel_url", "grafana_value_string");
        assertThat(a.labels()).containsOnlyKeys("alertname", "team", "zone");
        assertThat(a.sourceMessageId()).isEqualTo("{}:{}");
    }

    @Test
    void resolvedBodyMapsSeverityLabelClusterNodeAndEveryLink() {
        NormalizedAlert a = parse("grafana/derived-grafana-resolved.json").alerts().getFirst();
        assertThat(a.status()).isEqualTo("resolved");
        assertThat(a.severity()).isEqualTo("critical");
        assertThat(a.clusterId()).isEqualTo("c-sr01");
        assertThat(a.node()).isEqualTo("10.0.0.12:8040");
        assertThat(a.endsAt()).isEqualTo(LocalDateTime.of(2026, 11, 29, 4, 40));
        assertThat(a.annotations())
                .containsEntry("grafana_rule_uid", "be7x2k9f0a1b2c")
                .containsEntry("grafana_values", "{\"A\":1,\"C\":0}")
                .containsEntry("grafana_value_string", "[ var='A' labels={instance=10.0.0.12:8040} value=1 ], "
                        + "[ var='C' labels={instance=10.0.0.12:8040} value=0 ]")
                .containsKeys("grafana_dashboard_url", "grafana_panel_url", "grafana_silence_url");
        assertThat(a.annotations().get("grafana_panel_url")).endsWith("&viewPanel=12");
    }

    @Test
    void hmacExampleBodyParsesWithItsValueString() {
        NormalizedAlert a = parse("grafana/hmac-example.body.json").alerts().getFirst();
        assertThat(a.alertName()).isEqualTo("WebhookAlert");
        assertThat(a.annotations()).containsEntry("grafana_value_string", "[ var='A' labels={} value=1 ]")
                .doesNotContainKey("grafana_values");
        assertThat(a.annotations().get("grafana_silence_url")).contains("&matcher=");
    }

    static List<String> bodies() {
        return Payloads.jsonBodies("grafana");
    }

    @ParameterizedTest
    @MethodSource("bodies")
    void everyGrafanaFileParsesIntoAsManyAlertsAsItHolds(String file) {
        ParsedAlerts parsed = parse(file);
        Payloads.assertOneAlertPerElement(parsed, file);
        assertThat(parsed.alerts()).allSatisfy(a -> assertThat(a.annotations()).containsKey("grafana_org_id"));
    }

    @Test
    void demoFleetBodiesResolveTheirCluster() {
        NormalizedAlert a = parse("grafana/demo-tiny-firing.json").alerts().getFirst();
        assertThat(a.clusterId()).isEqualTo("c-99a78acad3c40421");
        assertThat(a.node()).isEqualTo("10.0.1.13:8040");
        assertThat(a.labels()).containsEntry("grafana_folder", "StarRocks");
        assertThat(a.annotations()).containsEntry("grafana_values", "{\"B\":7.1,\"C\":1}");
        NormalizedAlert r = parse("grafana/demo-tiny-resolved.json").alerts().getFirst();
        assertThat(r.status()).isEqualTo("resolved");
        assertThat(r.messageId()).isNotEqualTo(a.messageId());
        assertThat(parse("grafana/demo-critical-firing.json").alerts().getFirst().severity()).isEqualTo("critical");
    }

    @ParameterizedTest(name = "severity={0}, state={1} -> {2}")
    @CsvSource({"critical, alerting, critical", "Disaster, , critical", "average, , warning", "info, error, info",
            ", alerting, warning", ", error, critical", ", no_data, warning", ", NoData, warning", ", , warning",
            "odd, error, warning"})
    void mapsTheSeverityLabelElseTheNotificationState(String label, String state, String expected) {
        String top = state == null ? "" : ",\"state\":\"" + state + "\"";
        String labels = label == null ? "{}" : "{\"severity\":\"" + label + "\"}";
        assertThat(parseAlert("{\"status\":\"firing\",\"labels\":" + labels
                + ",\"startsAt\":\"2026-11-29T04:30:00Z\"}", top).severity()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "status={0}")
    @CsvSource({"firing, firing", "resolved, resolved", "alerting, firing", "ok, resolved", "Normal, resolved"})
    void mapsLegacyAlertStatesOntoFiringAndResolved(String status, String expected) {
        assertThat(parseAlert("{\"status\":\"" + status + "\",\"labels\":{},\"startsAt\":\"2026-11-29T04:30:00Z\"}", "")
                .status()).isEqualTo(expected);
    }

    @Test
    void nullValuesAndAnAlertLevelOrgAreKept() {
        NormalizedAlert a = parseAlert("{\"status\":\"resolved\",\"labels\":{},\"startsAt\":\"2026-11-29T04:30:00Z\","
                + "\"values\":{\"A\":null,\"B\":0},\"orgId\":7}", ",\"orgId\":1");
        assertThat(a.annotations()).containsEntry("grafana_values", "{\"A\":null,\"B\":0}")
                .containsEntry("grafana_org_id", "7");
        NormalizedAlert none = parseAlert("{\"status\":\"resolved\",\"labels\":{},\"startsAt\":\"2026-11-29T04:30:00Z\","
                + "\"values\":null}", "");
        assertThat(none.annotations()).isEmpty();
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = ';', quoteCharacter = '`', value = {
            "`\"values\":[1]`;            alerts[0].values",
            "`\"values\":{\"A\":\"1\"}`;  alerts[0].values.A",
            "`\"dashboardURL\":5`;        alerts[0].dashboardURL",
            "`\"orgId\":\"1\"`;           alerts[0].orgId",
            "`\"silenceURL\":[]`;         alerts[0].silenceURL"})
    void rejectsGrafanaFieldsOfTheWrongType(String extra, String field) {
        assertThatThrownBy(() -> parseAlert("{\"status\":\"firing\",\"labels\":{},\"startsAt\":\"2026-11-29T04:30:00Z\","
                + extra + "}", "")).isInstanceOfSatisfying(PayloadException.class,
                e -> assertThat(e.field()).isEqualTo(field));
    }

    @Test
    void anAlertmanagerBodySentHereIsRejectedNamingTheVersion() {
        assertThatThrownBy(() -> parse("alertmanager/alertmanager-firing.json"))
                .isInstanceOfSatisfying(PayloadException.class, e -> assertThat(e.field()).isEqualTo("version"));
    }

    @Test
    void severityFallbackNeedsNoLabels() {
        assertThat(GrafanaSource.SEVERITIES.values()).containsOnly("critical", "warning", "info");
        assertThat(GrafanaSource.STATE_SEVERITIES.values()).containsOnly("critical", "warning", "info");
        assertThat(Map.copyOf(GrafanaSource.STATUSES).values()).containsOnly("firing", "resolved");
    }
}
