package dev.byocfleet.ingest.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.byocfleet.ingest.NormalizedAlert;
import dev.byocfleet.ingest.ParsedAlerts;
import dev.byocfleet.ingest.PayloadException;
import dev.byocfleet.ingest.TestClusters;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The shared Alertmanager-shaped body: edge cases every webhook source inherits. */
class WebhookPayloadParserTest {

    static final LocalDateTime RECEIVED = LocalDateTime.of(2026, 11, 29, 4, 31);
    private final WebhookPayloadParser parser = new WebhookPayloadParser(new WebhookPayloadParser.Format("test", "4",
            Map.of("firing", "firing", "resolved", "resolved"), (labels, top) -> "warning",
            (alert, top, annotations) -> { }), new TestClusters()
            .cluster("c-001", "acme-prod").node("c-001", "10.0.0.1")
            .cluster("c-002", "globex-dw").directory());

    static String body(String alerts) {
        return "{\"version\":\"4\",\"groupKey\":\"{}:{}\",\"status\":\"firing\",\"alerts\":[" + alerts + "]}";
    }

    static String alert(String extra) {
        return "{\"status\":\"firing\",\"labels\":{\"alertname\":\"X\"},\"startsAt\":\"2026-11-29T04:30:02Z\""
                + (extra.isEmpty() ? "" : "," + extra) + "}";
    }

    private ParsedAlerts parse(String json) {
        return parser.parse(json.getBytes(StandardCharsets.UTF_8), RECEIVED);
    }

    private NormalizedAlert one(String extra) {
        return parse(body(alert(extra))).alerts().getFirst();
    }

    private void rejects(String json, String field) {
        assertThatThrownBy(() -> parse(json)).isInstanceOfSatisfying(PayloadException.class,
                e -> assertThat(e.field()).isEqualTo(field));
    }

    @Test
    void anAlertWithOnlyStatusLabelsAndStartsAtIsEnough() {
        NormalizedAlert a = one("");
        assertThat(a.alertName()).isEqualTo("X");
        assertThat(a.annotations()).isEmpty();
        assertThat(a.generatorUrl()).isNull();
        assertThat(a.endsAt()).isNull();
        assertThat(a.summary()).isNull();
        assertThat(a.receivedAt()).isEqualTo(RECEIVED);
        assertThat(a.sourceMessageId()).isEqualTo("{}:{}");
        assertThat(a.fingerprint()).hasSize(16).isEqualTo(a.alertId());
    }

    @Test
    void aMissingFingerprintIsDerivedFromTheLabelSetWhateverTheirOrder() {
        String a = "{\"status\":\"firing\",\"labels\":{\"a\":\"1\",\"b\":\"2\"},\"startsAt\":\"2026-11-29T04:30:02Z\"}";
        String b = "{\"status\":\"firing\",\"labels\":{\"b\":\"2\",\"a\":\"1\"},\"startsAt\":\"2026-11-29T04:30:02Z\","
                + "\"fingerprint\":\"\"}";
        String c = "{\"status\":\"firing\",\"labels\":{\"a\":\"1\",\"b\":\"3\"},\"startsAt\":\"2026-11-29T04:30:02Z\"}";
        List<NormalizedAlert> alerts = parse(body(a + "," + b + "," + c)).alerts();
        assertThat(alerts.get(0).fingerprint()).isEqualTo(alerts.get(1).fingerprint())
                .isNotEqualTo(alerts.get(2).fingerprint());
        assertThat(alerts.get(0).messageId()).isEqualTo(alerts.get(1).messageId());
    }

    @Test
    void messageIdIsSha256OfSourceFingerprintStatusAndStartsAtAsAUtcInstant() {
        NormalizedAlert a = one("\"fingerprint\":\"ec288b1f7b341c49\"");
        assertThat(a.messageId()).isEqualTo(WebhookPayloadParser.sha256("test|ec288b1f7b341c49|firing|2026-11-29T04:30:02Z"))
                .matches("[0-9a-f]{64}");
    }

    @Test
    void theSameInstantWrittenInAnyZoneGivesTheSameTimeAndId() {
        List<NormalizedAlert> alerts = parse(body(String.join(",",
                "{\"status\":\"firing\",\"labels\":{},\"fingerprint\":\"f\",\"startsAt\":\"2026-11-29T04:30:02.5Z\"}",
                "{\"status\":\"firing\",\"labels\":{},\"fingerprint\":\"f\",\"startsAt\":\"2026-11-29T12:30:02.500+08:00\"}",
                "{\"status\":\"firing\",\"labels\":{},\"fingerprint\":\"f\",\"startsAt\":\"2026-11-28T23:00:02.5-05:30\"}"))).alerts();
        assertThat(alerts).extracting(NormalizedAlert::startsAt)
                .containsOnly(LocalDateTime.of(2026, 11, 29, 4, 30, 2, 500_000_000));
        assertThat(alerts).extracting(NormalizedAlert::messageId).containsOnly(alerts.getFirst().messageId());
    }

    @Test
    void nanosecondTimesKeepEveryDigitAndTellApartAlertsNanosecondsApart() {
        List<NormalizedAlert> alerts = parse(body(String.join(",",
                "{\"status\":\"firing\",\"labels\":{},\"fingerprint\":\"f\",\"startsAt\":\"2026-11-29T04:30:02.819723422Z\"}",
                "{\"status\":\"firing\",\"labels\":{},\"fingerprint\":\"f\",\"startsAt\":\"2026-11-29T04:30:02.819723423Z\"}"))).alerts();
        assertThat(alerts.getFirst().startsAt()).isEqualTo(LocalDateTime.of(2026, 11, 29, 4, 30, 2, 819_723_422));
        assertThat(alerts.get(0).messageId()).isNotEqualTo(alerts.get(1).messageId());
    }

    @Test
    void goZeroTimeAsEndsAtMeansNoEndYet() {
        assertThat(one("\"endsAt\":\"0001-01-01T00:00:00Z\"").endsAt()).isNull();
        assertThat(one("\"endsAt\":\"0001-01-01T00:00:00.000000000Z\"").endsAt()).isNull();
        assertThat(one("\"endsAt\":\"\"").endsAt()).isNull();
        assertThat(one("\"endsAt\":null").endsAt()).isNull();
        assertThat(one("\"endsAt\":\"2026-11-29T04:30:35Z\"").endsAt()).isEqualTo(LocalDateTime.of(2026, 11, 29, 4, 30, 35));
    }

    @Test
    void htmlAndMarkupInAnnotationsAreKeptVerbatimNeverInterpreted() {
        NormalizedAlert a = one("\"annotations\":{\"summary\":\"<script>alert(1)</script> & <b>bold</b>\","
                + "\"description\":\"<img src=x onerror=alert(1)>\\n**md**\"}");
        assertThat(a.summary()).isEqualTo("<script>alert(1)</script> & <b>bold</b>");
        assertThat(a.description()).isEqualTo("<img src=x onerror=alert(1)>\n**md**");
        assertThat(a.rawPayload()).contains("<script>alert(1)</script>");
    }

    @Test
    void summaryFallsBackToTheMessageAnnotation() {
        assertThat(one("\"annotations\":{\"message\":\"disk full\"}").summary()).isEqualTo("disk full");
        assertThat(one("\"annotations\":{\"message\":\"m\",\"summary\":\"s\"}").summary()).isEqualTo("s");
    }

    @Test
    void eachAlertKeepsItsOwnBytesAsRawPayload() {
        String first = "{\"status\":\"firing\",\"labels\":{\"alertname\":\"A\\u0026B\"},\"startsAt\":\"2026-11-29T04:30:02Z\"}";
        String second = "{ \"status\" : \"resolved\", \"labels\":{\"x\":\"é\"},\"startsAt\":\"2026-11-29T04:30:02Z\" }";
        List<NormalizedAlert> alerts = parse(body(first + " ,\n " + second)).alerts();
        assertThat(alerts.get(0).rawPayload()).isEqualTo(first);
        assertThat(alerts.get(0).alertName()).isEqualTo("A&B");
        assertThat(alerts.get(1).rawPayload()).isEqualTo(second);
    }

    @Test
    void fieldsOfNewerAlertmanagersAndUnknownFieldsAreIgnored() {
        String json = "{\"version\":\"4\",\"notification_reason\":\"new alerts added\",\"routeLabels\":{\"team\":\"sr\"},"
                + "\"timeout\":false,\"alerts\":[" + alert("\"extra\":{\"any\":[1,2]}") + "]}";
        assertThat(parse(json).alerts()).hasSize(1);
    }

    @Test
    void anEmptyAlertsArrayIsAValidNotificationWithNothingInIt() {
        assertThat(parse(body("")).alerts()).isEmpty();
    }

    @Test
    void truncatedAlertsAreReported() {
        assertThat(parse("{\"truncatedAlerts\":3,\"alerts\":[" + alert("") + "]}").truncatedAlerts()).isEqualTo(3);
        assertThat(parse(body("")).truncatedAlerts()).isZero();
    }

    @Test
    void aHugeBodyOfManyAlertsWithLongTextIsReadWhole() {
        String longText = "x".repeat(100_000);
        StringBuilder alerts = new StringBuilder();
        for (int i = 0; i < 5_000; i++) {
            alerts.append(i == 0 ? "" : ",").append("{\"status\":\"firing\",\"labels\":{\"alertname\":\"A\",\"i\":\"")
                    .append(i).append("\"},\"startsAt\":\"2026-11-29T04:30:02Z\"}");
        }
        alerts.append(",").append(alert("\"annotations\":{\"description\":\"" + longText + "\"}"));
        ParsedAlerts parsed = parse(body(alerts.toString()));
        assertThat(parsed.alerts()).hasSize(5_001);
        assertThat(parsed.alerts().getLast().description()).hasSize(100_000);
        assertThat(parsed.alerts().stream().map(NormalizedAlert::messageId).distinct()).hasSize(5_001);
    }

    @Test
    void resolvesTheClusterFromLabelsInOrderOfTrust() {
        assertThat(one("\"labels\":{\"cluster_id\":\"c-002\",\"cluster\":\"acme-prod\"}").clusterId()).isEqualTo("c-002");
        NormalizedAlert byName = one("\"labels\":{\"cluster_id\":\"c-999\",\"cluster\":\"acme-prod\"}");
        assertThat(byName.clusterId()).isEqualTo("c-001");
        assertThat(byName.clusterRef()).isEqualTo("acme-prod");
        assertThat(one("\"labels\":{\"cluster_name\":\"GLOBEX-DW\"}").clusterId()).isEqualTo("c-002");
        assertThat(one("\"labels\":{\"job\":\"StarRocks_globex-dw\"}").clusterId()).isEqualTo("c-002");
        NormalizedAlert byNode = one("\"labels\":{\"cluster\":\"gone\",\"instance\":\"10.0.0.1:8040\"}");
        assertThat(byNode.clusterId()).isEqualTo("c-001");
        assertThat(byNode.clusterRef()).isEqualTo("10.0.0.1:8040");
        assertThat(byNode.node()).isEqualTo("10.0.0.1:8040");
    }

    @Test
    void anAlertNamingNoKnownClusterKeepsWhatItNamedAndNoClusterId() {
        NormalizedAlert a = one("\"labels\":{\"cluster\":\"sr-unknown\",\"job\":\"node\",\"host\":\"db-7\"}");
        assertThat(a.clusterId()).isNull();
        assertThat(a.clusterRef()).isEqualTo("sr-unknown");
        assertThat(a.node()).isEqualTo("db-7");
        assertThat(one("").clusterRef()).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', quoteCharacter = '`', value = {
            "not json;                       `{\"alerts\": [`;                                    $",
            "empty body;                     ``;                                                   $",
            "a top-level array;              `[]`;                                                 $",
            "a string;                       `\"alerts\"`;                                         $",
            "trailing garbage;               `{\"alerts\":[]} x`;                                  $",
            "two JSON values;                `{\"alerts\":[]}{\"alerts\":[]}`;                     $",
            "alerts missing;                 `{\"status\":\"firing\"}`;                            alerts",
            "alerts an object;               `{\"alerts\":{}}`;                                    alerts",
            "alerts null;                    `{\"alerts\":null}`;                                  alerts",
            "alerts twice;                   `{\"alerts\":[],\"alerts\":[]}`;                      alerts",
            "wrong version;                  `{\"version\":\"1\",\"alerts\":[]}`;                  version",
            "version a number;               `{\"version\":4,\"alerts\":[]}`;                      version",
            "groupKey a number;              `{\"groupKey\":1,\"alerts\":[]}`;                     groupKey",
            "truncatedAlerts text;           `{\"truncatedAlerts\":\"3\",\"alerts\":[]}`;          truncatedAlerts",
            "truncatedAlerts negative;       `{\"truncatedAlerts\":-1,\"alerts\":[]}`;             truncatedAlerts",
            "truncatedAlerts a fraction;     `{\"truncatedAlerts\":1.5,\"alerts\":[]}`;            truncatedAlerts",
            "an alert a string;              `{\"alerts\":[\"x\"]}`;                               alerts[0]",
            "an alert null;                  `{\"alerts\":[null]}`;                                alerts[0]"})
    void rejectsABodyOfTheWrongShapeNamingTheField(String what, String json, String field) {
        rejects(json, field);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', quoteCharacter = '`', value = {
            "status missing;          `{\"labels\":{},\"startsAt\":\"2026-11-29T04:30:02Z\"}`;                         alerts[1].status",
            "status unknown;          `{\"status\":\"pending\",\"labels\":{},\"startsAt\":\"2026-11-29T04:30:02Z\"}`;  alerts[1].status",
            "status a number;         `{\"status\":1,\"labels\":{},\"startsAt\":\"2026-11-29T04:30:02Z\"}`;            alerts[1].status",
            "labels missing;          `{\"status\":\"firing\",\"startsAt\":\"2026-11-29T04:30:02Z\"}`;                 alerts[1].labels",
            "labels an array;         `{\"status\":\"firing\",\"labels\":[],\"startsAt\":\"2026-11-29T04:30:02Z\"}`;   alerts[1].labels",
            "a label a number;        `{\"status\":\"firing\",\"labels\":{\"severity\":2},\"startsAt\":\"2026-11-29T04:30:02Z\"}`; alerts[1].labels.severity",
            "a label null;            `{\"status\":\"firing\",\"labels\":{\"x\":null},\"startsAt\":\"2026-11-29T04:30:02Z\"}`;    alerts[1].labels.x",
            "annotations a string;    `{\"status\":\"firing\",\"labels\":{},\"annotations\":\"x\",\"startsAt\":\"2026-11-29T04:30:02Z\"}`; alerts[1].annotations",
            "an annotation an object; `{\"status\":\"firing\",\"labels\":{},\"annotations\":{\"a\":{}},\"startsAt\":\"2026-11-29T04:30:02Z\"}`; alerts[1].annotations.a",
            "startsAt missing;        `{\"status\":\"firing\",\"labels\":{}}`;                                         alerts[1].startsAt",
            "startsAt zero time;      `{\"status\":\"firing\",\"labels\":{},\"startsAt\":\"0001-01-01T00:00:00Z\"}`;   alerts[1].startsAt",
            "startsAt a number;       `{\"status\":\"firing\",\"labels\":{},\"startsAt\":1764390602}`;                alerts[1].startsAt",
            "startsAt no offset;      `{\"status\":\"firing\",\"labels\":{},\"startsAt\":\"2026-11-29T04:30:02\"}`;    alerts[1].startsAt",
            "startsAt a date;         `{\"status\":\"firing\",\"labels\":{},\"startsAt\":\"2026-11-29\"}`;             alerts[1].startsAt",
            "startsAt nonsense;       `{\"status\":\"firing\",\"labels\":{},\"startsAt\":\"yesterday\"}`;              alerts[1].startsAt",
            "startsAt year 10000;     `{\"status\":\"firing\",\"labels\":{},\"startsAt\":\"+10000-01-01T00:00:00Z\"}`; alerts[1].startsAt",
            "startsAt before 1970;    `{\"status\":\"firing\",\"labels\":{},\"startsAt\":\"1969-12-31T23:59:59Z\"}`;   alerts[1].startsAt",
            "endsAt nonsense;         `{\"status\":\"firing\",\"labels\":{},\"startsAt\":\"2026-11-29T04:30:02Z\",\"endsAt\":\"soon\"}`; alerts[1].endsAt",
            "generatorURL an object;  `{\"status\":\"firing\",\"labels\":{},\"startsAt\":\"2026-11-29T04:30:02Z\",\"generatorURL\":{}}`; alerts[1].generatorURL",
            "fingerprint a number;    `{\"status\":\"firing\",\"labels\":{},\"startsAt\":\"2026-11-29T04:30:02Z\",\"fingerprint\":12}`; alerts[1].fingerprint"})
    void oneBadAlertRejectsTheWholeBodyNamingItsField(String what, String badAlert, String field) {
        rejects(body(alert("") + "," + badAlert + "," + alert("")), field);
    }

    @Test
    void deeplyNestedOrNonUtf8BodiesAreRejectedNotCrashedOn() {
        rejects("{\"alerts\":" + "[".repeat(5_000) + "]".repeat(5_000) + "}", "$");
        byte[] latin1 = body(alert("\"annotations\":{\"s\":\"caf\u00e9\"}")).getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> parser.parse(latin1, RECEIVED)).isInstanceOf(PayloadException.class);
    }

    @Test
    void theMessageOfARejectionSaysWhatIsExpected() {
        assertThatThrownBy(() -> parse(body(alert("") + ",{\"status\":\"firing\",\"labels\":{},\"startsAt\":\"yesterday\"}")))
                .hasMessageContaining("alerts[1].startsAt must be an RFC 3339 time with an offset");
        assertThatThrownBy(() -> parse("{\"version\":\"1\",\"alerts\":[]}")).hasMessageContaining("\"4\"");
    }
}
