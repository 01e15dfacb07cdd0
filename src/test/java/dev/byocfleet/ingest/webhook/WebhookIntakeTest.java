package dev.byocfleet.ingest.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.byocfleet.ingest.AlertSource;
import dev.byocfleet.ingest.AlertStore;
import dev.byocfleet.ingest.Payloads;
import dev.byocfleet.ingest.TestClusters;
import dev.byocfleet.ingest.TestStores;
import dev.byocfleet.store.DuckDbDialect;
import dev.byocfleet.support.TestStore;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.unit.DataSize;

/** The intake's checks in order, against a real store and the real sources. */
class WebhookIntakeTest {

    static final String TOKEN = "it-token";
    static final String HMAC = "test-hmac-secret";
    static final Instant NOW = Instant.parse("2026-11-29T04:31:00Z");

    private final TestStore db = new TestStore();
    private final JdbcTemplate jdbc = new JdbcTemplate(db.dataSource());
    private final AlertStore store = TestStores.alertStore(db.dataSource());
    private final WebhookRuns runs = new WebhookRuns(new WebhookRunRepository(jdbc, new DuckDbDialect()),
            Clock.fixed(NOW, ZoneOffset.UTC));

    @AfterEach
    void close() {
        // every request, answered or refused at any check, lets go of its announcement to the store
        // (a leaked one would make the store's writer wait for a request that never comes)
        assertThat(store.arriving()).as("requests still announced to the store").isZero();
        db.close();
    }

    private WebhookIntake intake(WebhookProperties props) {
        List<AlertSource> sources = TestStores.webhookSources(TestClusters.refsFleet(), props);
        return new WebhookIntake(sources, store, props, runs, new SimpleMeterRegistry(), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private final WebhookIntake intake = intake(new WebhookProperties(TOKEN, "am", "am-pass", DataSize.ofKilobytes(64),
            new WebhookProperties.Grafana(HMAC, null, null, null)));

    static WebhookIntake.WebhookRequest request(Map<String, String> headers, byte[] body) {
        Map<String, String> lower = new HashMap<>();
        headers.forEach((k, v) -> lower.put(k.toLowerCase(Locale.ROOT), v));
        return new WebhookIntake.WebhookRequest(name -> lower.get(name.toLowerCase(Locale.ROOT)),
                new ByteArrayInputStream(body));
    }

    static Map<String, String> json() {
        return Map.of("Authorization", "Bearer " + TOKEN, "Content-Type", "application/json");
    }

    static Map<String, String> with(Map<String, String> base, String... more) {
        Map<String, String> m = new HashMap<>(base);
        for (int i = 0; i < more.length; i += 2) {
            if (more[i + 1] == null) {
                m.remove(more[i]);
            } else {
                m.put(more[i], more[i + 1]);
            }
        }
        return m;
    }

    private HttpStatus rejected(WebhookIntake in, String source, WebhookIntake.WebhookRequest r) {
        try {
            in.receive(source, r);
        } catch (WebhookRejection e) {
            return e.status();
        }
        throw new AssertionError("accepted");
    }

    private int stored() {
        return jdbc.queryForObject("SELECT count(*) FROM alerts.lark_alerts", Integer.class);
    }

    @Test
    void storesAnAlertmanagerNotificationAndAnswersWhatItStored() {
        WebhookReceipt r = intake.receive("alertmanager", request(json(),
                Payloads.bytes("alertmanager/alertmanager-firing.raw.txt")));
        assertThat(r).isEqualTo(new WebhookReceipt(2, 2, 0, 0, 0));
        assertThat(stored()).isEqualTo(2);
        assertThat(jdbc.queryForObject("SELECT DISTINCT received_at FROM alerts.lark_alerts", java.time.LocalDateTime.class))
                .isEqualTo(java.time.LocalDateTime.of(2026, 11, 29, 4, 31));
        assertThat(jdbc.queryForObject("SELECT DISTINCT ingest_run_id FROM alerts.lark_alerts", String.class))
                .startsWith("webhook-alertmanager-2026112904-");
    }

    @Test
    void aRedeliveryStoresNothingNewAndAResolveAddsOneRow() {
        byte[] firing = Payloads.bytes("alertmanager/alertmanager-firing.raw.txt");
        intake.receive("alertmanager", request(json(), firing));
        assertThat(intake.receive("alertmanager", request(json(), firing))).isEqualTo(new WebhookReceipt(2, 0, 2, 0, 0));
        assertThat(intake.receive("alertmanager", request(json(), Payloads.bytes("alertmanager/alertmanager-resolved.json"))))
                .isEqualTo(new WebhookReceipt(1, 1, 0, 0, 0));
        assertThat(stored()).isEqualTo(3);
    }

    @Test
    void countsAlertsOfUnknownClustersAndWhatTheSenderLeftOut() {
        String body = "{\"version\":\"4\",\"truncatedAlerts\":5,\"alerts\":[{\"status\":\"firing\",\"labels\":"
                + "{\"cluster\":\"nowhere\"},\"startsAt\":\"2026-11-29T04:30:02Z\"}]}";
        assertThat(intake.receive("alertmanager", request(json(), body.getBytes(StandardCharsets.UTF_8))))
                .isEqualTo(new WebhookReceipt(1, 1, 0, 1, 5));
    }

    @Test
    void withoutCredentialsConfiguredEveryRequestIsRefusedAsNotConfigured() {
        WebhookIntake off = intake(new WebhookProperties(null, null, null, null, null));
        assertThatThrownBy(() -> off.receive("alertmanager", request(json(), Payloads.bytes("alertmanager/alertmanager-firing.json"))))
                .isInstanceOfSatisfying(WebhookRejection.class, e -> {
                    assertThat(e.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
                    assertThat(e.getMessage()).contains("not configured", "BYOC_WEBHOOK_TOKEN");
                });
        assertThat(stored()).isZero();
    }

    @Test
    void anUnknownSourceIsNotFound() {
        assertThat(rejected(intake, "lark", request(json(), new byte[0]))).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(rejected(intake, "ALERTMANAGER", request(json(), new byte[0]))).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void credentialsAreCheckedBeforeAnythingElse() {
        byte[] huge = new byte[1_000_000];
        assertThat(rejected(intake, "alertmanager", request(Map.of("Content-Type", "text/plain"), huge)))
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(rejected(intake, "alertmanager", request(with(json(), "Authorization", "Bearer nope"), huge)))
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(intake.receive("alertmanager", request(with(json(), "Authorization", WebhookAuthenticatorTest.basic("am", "am-pass")),
                Payloads.bytes("alertmanager/alertmanager-firing.json"))).inserted()).isEqualTo(2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/json", "application/json; charset=utf-8", "Application/JSON;charset=UTF-8",
            "application/vnd.alertmanager+json"})
    void acceptsJsonContentTypes(String type) {
        assertThat(intake.receive("alertmanager", request(with(json(), "Content-Type", type),
                "{\"alerts\":[]}".getBytes(StandardCharsets.UTF_8))).received()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"text/plain", "application/x-www-form-urlencoded", "application/json; charset=iso-8859-1",
            "application/xml", "json", ";;;", "*/*"})
    void refusesOtherContentTypesWith415(String type) {
        assertThat(rejected(intake, "alertmanager", request(with(json(), "Content-Type", type), "{}".getBytes())))
                .isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
    }

    @Test
    void refusesAMissingContentTypeWith415() {
        assertThat(rejected(intake, "alertmanager", request(with(json(), "Content-Type", null), "{}".getBytes())))
                .isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
    }

    @Test
    void refusesABodyOverTheCapWith413ByItsLengthWithoutReadingIt() {
        InputStream unreadable = new InputStream() {
            @Override
            public int read() {
                throw new AssertionError("the body must not be read");
            }
        };
        WebhookIntake.WebhookRequest r = new WebhookIntake.WebhookRequest(
                name -> with(json(), "Content-Length", "65537").get(name.equals("Content-Length") ? name
                        : name.equals("Authorization") ? "Authorization" : "Content-Type"), unreadable);
        assertThat(rejected(intake, "alertmanager", r)).isEqualTo(HttpStatus.CONTENT_TOO_LARGE);
    }

    @Test
    void refusesABodyOverTheCapWith413WhenNoLengthWasSent() {
        byte[] body = ("{\"alerts\":[],\"pad\":\"" + "x".repeat(70_000) + "\"}").getBytes(StandardCharsets.UTF_8);
        assertThat(rejected(intake, "alertmanager", request(json(), body))).isEqualTo(HttpStatus.CONTENT_TOO_LARGE);
        byte[] atCap = ("{\"alerts\":[],\"pad\":\"" + "x".repeat(65_536 - 22) + "\"}").getBytes(StandardCharsets.UTF_8);
        assertThat(atCap).hasSize(65_536);
        assertThat(intake.receive("alertmanager", request(json(), atCap)).received()).isZero();
    }

    @Test
    void aBodyIsReadWholeWhateverLengthItsSenderDeclared() {
        byte[] firing = Payloads.bytes("alertmanager/alertmanager-firing.json");
        // the right length, a length too small (the rest is still read), and no bytes missing
        assertThat(intake.receive("alertmanager", request(with(json(), "Content-Length", Integer.toString(firing.length)),
                firing)).inserted()).isEqualTo(2);
        assertThat(intake.receive("alertmanager", request(with(json(), "Content-Length", "10"), firing)).duplicates())
                .isEqualTo(2);
        // a length too small cannot slip a body over the cap past the check
        byte[] over = ("{\"alerts\":[],\"pad\":\"" + "x".repeat(70_000) + "\"}").getBytes(StandardCharsets.UTF_8);
        assertThat(rejected(intake, "alertmanager", request(with(json(), "Content-Length", "100"), over)))
                .isEqualTo(HttpStatus.CONTENT_TOO_LARGE);
        // a length too large: what came is all there is (here it cuts the JSON short: a 400, nothing stored)
        byte[] cut = java.util.Arrays.copyOf(firing, firing.length / 2);
        assertThat(rejected(intake, "alertmanager", request(with(json(), "Content-Length", Integer.toString(firing.length)),
                cut))).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(stored()).isEqualTo(2);
    }

    @Test
    void aMalformedBodyIsA400NamingTheFieldAndStoresNothingOfIt() {
        String body = "{\"alerts\":[{\"status\":\"firing\",\"labels\":{},\"startsAt\":\"2026-11-29T04:30:02Z\"},"
                + "{\"status\":\"firing\",\"labels\":{},\"startsAt\":\"2026-11-29T04:30:02Z\"},"
                + "{\"status\":\"firing\",\"labels\":{},\"startsAt\":\"2026-11-29T04:30:02Z\"},"
                + "{\"status\":\"firing\",\"labels\":{},\"startsAt\":\"now\"}]}";
        assertThatThrownBy(() -> intake.receive("alertmanager", request(json(), body.getBytes(StandardCharsets.UTF_8))))
                .isInstanceOfSatisfying(WebhookRejection.class, e -> {
                    assertThat(e.status()).isEqualTo(HttpStatus.BAD_REQUEST);
                    assertThat(e.parameter()).isEqualTo("alerts[3].startsAt");
                });
        assertThat(stored()).isZero();
    }

    @Test
    void grafanaRequestsMustBeSignedWhenASecretIsSet() throws Exception {
        byte[] body = Payloads.bytes("grafana/derived-grafana-resolved.json");
        assertThatThrownBy(() -> intake.receive("grafana", request(json(), body)))
                .isInstanceOfSatisfying(WebhookRejection.class, e -> {
                    assertThat(e.status()).isEqualTo(HttpStatus.UNAUTHORIZED);
                    assertThat(e.parameter()).isEqualTo("signature");
                });
        String ts = Long.toString(NOW.getEpochSecond() - 10);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(HMAC.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        mac.update((ts + ":").getBytes(StandardCharsets.UTF_8));
        String sig = HexFormat.of().formatHex(mac.doFinal(body));
        WebhookReceipt r = intake.receive("grafana", request(with(json(), "X-Grafana-Alerting-Signature", sig,
                "X-Grafana-Alerting-Timestamp", ts), body));
        assertThat(r).isEqualTo(new WebhookReceipt(1, 1, 0, 0, 0));
        String stale = Long.toString(NOW.getEpochSecond() - 3_600);
        assertThat(rejected(intake, "grafana", request(with(json(), "X-Grafana-Alerting-Signature", sig,
                "X-Grafana-Alerting-Timestamp", stale), body))).isEqualTo(HttpStatus.UNAUTHORIZED);
        // alertmanager signs nothing, so no signature is asked of it
        assertThat(intake.receive("alertmanager", request(json(), Payloads.bytes("alertmanager/alertmanager-firing.json")))
                .inserted()).isEqualTo(2);
    }

    @Test
    void runRecordsSumUpTheHourPerSource() {
        byte[] firing = Payloads.bytes("alertmanager/alertmanager-firing.raw.txt");
        intake.receive("alertmanager", request(json(), firing));
        intake.receive("alertmanager", request(json(), firing));
        runs.flush();
        Map<String, Object> run = jdbc.queryForMap("SELECT * FROM alerts.ingest_runs");
        assertThat(run).containsEntry("kind", "webhook").containsEntry("requested_by", "alertmanager")
                .containsEntry("messages", 2).containsEntry("alerts_inserted", 2).containsEntry("duplicates", 2)
                .containsEntry("unmapped", 0);
        assertThat(run.get("run_id").toString()).isEqualTo(jdbc.queryForObject(
                "SELECT DISTINCT ingest_run_id FROM alerts.lark_alerts", String.class));
        intake.receive("alertmanager", request(json(), Payloads.bytes("alertmanager/alertmanager-resolved.json")));
        runs.flush();
        assertThat(jdbc.queryForMap("SELECT * FROM alerts.ingest_runs")).containsEntry("messages", 3)
                .containsEntry("alerts_inserted", 3);
    }
}
