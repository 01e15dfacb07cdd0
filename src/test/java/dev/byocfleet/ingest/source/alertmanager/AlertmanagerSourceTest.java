package dev.byocfleet.ingest.source.alertmanager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.jayway.jsonpath.JsonPath;
import dev.byocfleet.ingest.NormalizedAlert;
import dev.byocfleet.ingest.ParsedAlerts;
import dev.byocfleet.ingest.PayloadException;
import dev.byocfleet.ingest.Payloads;
import dev.byocfleet.ingest.TestClusters;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class AlertmanagerSourceTest {

    static final LocalDateTime RECEIVED = LocalDateTime.of(2026, 11, 29, 4, 30, 5);
    private final AlertmanagerSource source = new AlertmanagerSource(TestClusters.refsFleet());

    private ParsedAlerts parse(String file) {
        return source.parse(Payloads.bytes(file), RECEIVED);
    }

    @Test
    void capturedFiringGroupGivesOneNormalizedAlertPerAlert() throws Exception {
        List<NormalizedAlert> alerts = parse("alertmanager/alertmanager-firing.json").alerts();
        assertThat(alerts).hasSize(2);
        NormalizedAlert a = alerts.getFirst();
        assertThat(a.source()).isEqualTo("alertmanager");
        assertThat(a.status()).isEqualTo("firing");
        assertThat(a.severity()).isEqualTo("critical");
        assertThat(a.alertName()).isEqualTo("StarRocksBEDown");
        assertThat(a.clusterId()).isEqualTo("c-sr01");
        assertThat(a.clusterRef()).isEqualTo("sr-prod-01");
        assertThat(a.node()).isEqualTo("10.0.0.11:8040");
        assertThat(a.summary()).isEqualTo("BE 10.0.0.11 is down");
        assertThat(a.description()).isEqualTo("BE heartbeat lost for 2m");
        assertThat(a.startsAt()).isEqualTo(LocalDateTime.of(2026, 11, 29, 4, 30, 2, 819_723_422));
        assertThat(a.endsAt()).isNull();
        assertThat(a.fingerprint()).isEqualTo("ec288b1f7b341c49").isEqualTo(a.alertId());
        assertThat(a.generatorUrl()).startsWith("http://prometheus.local:9090/graph?g0.expr=up").endsWith("&g0.tab=1");
        assertThat(a.sourceMessageId()).isEqualTo("{}:{alertname=\"StarRocksBEDown\", cluster=\"sr-prod-01\"}");
        assertThat(a.labels()).containsEntry("job", "starrocks_be").hasSize(5);
        assertThat(a.annotations()).containsOnlyKeys("description", "summary");
        assertThat(a.receivedAt()).isEqualTo(RECEIVED);
        assertThat(a.parsed()).isTrue();
        assertThat(a.parseError()).isNull();
        // as an operator would check it: printf '%s' 'alertmanager|ec288b1f7b341c49|firing|...Z' | sha256sum
        assertThat(a.messageId()).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(
                "alertmanager|ec288b1f7b341c49|firing|2026-11-29T04:30:02.819723422Z".getBytes(StandardCharsets.UTF_8))));
        assertThat(JsonPath.<String>read(a.rawPayload(), "$.fingerprint")).isEqualTo("ec288b1f7b341c49");

        NormalizedAlert b = alerts.get(1);
        assertThat(b.generatorUrl()).isNull();
        assertThat(b.node()).isEqualTo("10.0.0.12:8040");
        assertThat(b.clusterId()).isEqualTo("c-sr01");
        assertThat(parse("alertmanager/alertmanager-firing.json").truncatedAlerts()).isZero();
    }

    @Test
    void theBytesAsAlertmanagerSentThemGiveTheSameAlertsAndEachAlertKeepsItsExactBytes() {
        ParsedAlerts raw = parse("alertmanager/alertmanager-firing.raw.txt");
        ParsedAlerts pretty = parse("alertmanager/alertmanager-firing.json");
        assertThat(raw.alerts()).extracting(NormalizedAlert::messageId)
                .containsExactlyElementsOf(pretty.alerts().stream().map(NormalizedAlert::messageId).toList());
        String sent = Payloads.text("alertmanager/alertmanager-firing.raw.txt");
        String first = raw.alerts().getFirst().rawPayload();
        assertThat(sent).contains(first);
        assertThat(first).startsWith("{\"status\":\"firing\"").endsWith("\"fingerprint\":\"ec288b1f7b341c49\"}")
                .contains("\\u0026g0.tab=1");
        assertThat(raw.alerts().getFirst().generatorUrl()).endsWith("&g0.tab=1");
    }

    @Test
    void capturedResolvedAlertKeepsItsStartAndGetsAnEndAndAnIdOfItsOwn() {
        NormalizedAlert resolved = parse("alertmanager/alertmanager-resolved.json").alerts().getFirst();
        NormalizedAlert firing = parse("alertmanager/alertmanager-firing.json").alerts().getFirst();
        assertThat(resolved.status()).isEqualTo("resolved");
        assertThat(resolved.startsAt()).isEqualTo(firing.startsAt());
        assertThat(resolved.endsAt()).isEqualTo(LocalDateTime.of(2026, 11, 29, 4, 30, 35));
        assertThat(resolved.fingerprint()).isEqualTo(firing.fingerprint());
        assertThat(resolved.messageId()).isNotEqualTo(firing.messageId());
    }

    @Test
    void aRedeliveryOfTheSameBytesGivesTheSameIds() {
        byte[] body = Payloads.bytes("alertmanager/alertmanager-firing.raw.txt");
        List<String> first = source.parse(body, RECEIVED).alerts().stream().map(NormalizedAlert::messageId).toList();
        List<String> again = source.parse(body, RECEIVED.plusMinutes(5)).alerts().stream()
                .map(NormalizedAlert::messageId).toList();
        assertThat(again).isEqualTo(first);
    }

    static List<String> bodies() {
        return Payloads.jsonBodies("alertmanager");
    }

    @ParameterizedTest
    @MethodSource("bodies")
    void everyAlertmanagerFileParsesIntoAsManyAlertsAsItHolds(String file) {
        Payloads.assertOneAlertPerElement(parse(file), file);
    }

    @Test
    void demoFleetBodiesResolveTheirClusterByClusterIdLabel() {
        NormalizedAlert firing = parse("alertmanager/demo-tiny-firing.json").alerts().getFirst();
        assertThat(firing.clusterId()).isEqualTo("c-99a78acad3c40421");
        assertThat(firing.alertName()).isEqualTo("Query Overload Alert");
        assertThat(firing.node()).isNull();
        NormalizedAlert resolved = parse("alertmanager/demo-tiny-resolved.json").alerts().getFirst();
        assertThat(resolved.fingerprint()).isEqualTo(firing.fingerprint());
        assertThat(resolved.endsAt()).isAfter(resolved.startsAt());
        NormalizedAlert unknown = parse("alertmanager/demo-node-firing.json").alerts().getFirst();
        assertThat(unknown.clusterId()).isNull();
        assertThat(unknown.clusterRef()).isEqualTo("c-4812995b9b3e9675");
        assertThat(unknown.node()).isEqualTo("10.0.102.16:8040");
    }

    @ParameterizedTest(name = "severity={0} -> {1}")
    @CsvSource({"critical, critical", "CRITICAL, critical", "page, critical", "P1, critical", "error, critical",
            "warning, warning", "warn, warning", "major, warning", "info, info", "none, info", "low, info",
            "' info ', info", "bogus, warning", "'', warning"})
    void mapsSeverityLabelsExplicitly(String label, String expected) {
        assertThat(AlertmanagerSource.severity(Map.of("severity", label), null)).isEqualTo(expected);
    }

    @Test
    void anAlertWithoutSeverityLabelIsAWarning() {
        assertThat(AlertmanagerSource.severity(Map.of(), null)).isEqualTo("warning");
    }

    @Test
    void aGrafanaBodySentHereIsRejectedPointingToItsEndpoint() {
        assertThatThrownBy(() -> parse("grafana/grafana-docs-firing.json"))
                .isInstanceOfSatisfying(PayloadException.class, e -> assertThat(e.field()).isEqualTo("version"));
    }

    @Test
    void namesItselfAlertmanager() {
        assertThat(source.name()).isEqualTo("alertmanager");
        assertThat(source.parse("{\"alerts\":[]}".getBytes(StandardCharsets.UTF_8), RECEIVED).alerts()).isEmpty();
    }
}
