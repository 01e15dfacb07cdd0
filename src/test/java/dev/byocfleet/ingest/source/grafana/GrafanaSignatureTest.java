package dev.byocfleet.ingest.source.grafana;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.byocfleet.ingest.Payloads;
import dev.byocfleet.ingest.WebhookSignatureException;
import dev.byocfleet.ingest.webhook.WebhookProperties;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** refs/formats/grafana/hmac-worked-example.txt, reproduced, and what must fail. */
class GrafanaSignatureTest {

    static final String SECRET = "test-hmac-secret";
    static final String BODY_ONLY = "69a218bfa5c1c0943f4b13a3b14e656d1b4e888389559ce5ea6646ad8e51cf31";
    static final String WITH_TIMESTAMP = "ee742a5910aa76b0fa7763dbd9e93b15d905e4f84155b22e09b407c5fc5e163b";
    static final long TIMESTAMP = 1764390602L;
    static final Instant THEN = Instant.ofEpochSecond(TIMESTAMP + 30);

    private final byte[] body = Payloads.bytes("grafana/hmac-example.body.json");
    private final GrafanaSignature signature = new GrafanaSignature(settings(SECRET));

    static WebhookProperties.Grafana settings(String secret) {
        return new WebhookProperties.Grafana(secret, null, null, Duration.ofMinutes(5));
    }

    static Function<String, String> headers(Map<String, String> values) {
        Map<String, String> lower = new HashMap<>();
        values.forEach((k, v) -> lower.put(k.toLowerCase(Locale.ROOT), v));
        return name -> lower.get(name.toLowerCase(Locale.ROOT));
    }

    @Test
    void reproducesTheWorkedExampleWithAndWithoutTimestamp() {
        assertThat(body).hasSize(1123);
        assertThat(HexFormat.of().formatHex(signature.sign(null, body))).isEqualTo(BODY_ONLY);
        assertThat(HexFormat.of().formatHex(signature.sign(Long.toString(TIMESTAMP), body))).isEqualTo(WITH_TIMESTAMP);
    }

    @Test
    void acceptsTheWorkedExampleSignatures() {
        assertThatCode(() -> signature.verify(headers(Map.of("X-Grafana-Alerting-Signature", BODY_ONLY)), body, THEN))
                .doesNotThrowAnyException();
        assertThatCode(() -> signature.verify(headers(Map.of("x-grafana-alerting-signature", WITH_TIMESTAMP,
                "X-Grafana-Alerting-Timestamp", Long.toString(TIMESTAMP))), body, THEN)).doesNotThrowAnyException();
        assertThatCode(() -> signature.verify(headers(Map.of("X-Grafana-Alerting-Signature",
                BODY_ONLY.toUpperCase(Locale.ROOT))), body, THEN)).doesNotThrowAnyException();
    }

    @Test
    void refusesAMissingSignature() {
        assertThatThrownBy(() -> signature.verify(headers(Map.of()), body, THEN))
                .isInstanceOf(WebhookSignatureException.class).hasMessageContaining("missing");
    }

    @Test
    void refusesASignatureOverOtherBytesOrWithAnotherSecret() {
        byte[] changed = body.clone();
        changed[changed.length - 2] ^= 1;
        assertThatThrownBy(() -> signature.verify(headers(Map.of("X-Grafana-Alerting-Signature", BODY_ONLY)), changed, THEN))
                .isInstanceOf(WebhookSignatureException.class).hasMessageContaining("does not match");
        GrafanaSignature other = new GrafanaSignature(settings("another-secret"));
        assertThatThrownBy(() -> other.verify(headers(Map.of("X-Grafana-Alerting-Signature", BODY_ONLY)), body, THEN))
                .isInstanceOf(WebhookSignatureException.class);
        assertThatThrownBy(() -> signature.verify(headers(Map.of("X-Grafana-Alerting-Signature", "sha256=" + BODY_ONLY)),
                body, THEN)).isInstanceOf(WebhookSignatureException.class);
        assertThatThrownBy(() -> signature.verify(headers(Map.of("X-Grafana-Alerting-Signature", BODY_ONLY.substring(2))),
                body, THEN)).isInstanceOf(WebhookSignatureException.class);
    }

    @Test
    void aTimestampChangesWhatIsSignedSoTheBodyOnlySignatureNoLongerFits() {
        assertThatThrownBy(() -> signature.verify(headers(Map.of("X-Grafana-Alerting-Signature", BODY_ONLY,
                "X-Grafana-Alerting-Timestamp", Long.toString(TIMESTAMP))), body, THEN))
                .isInstanceOf(WebhookSignatureException.class);
    }

    @Test
    void refusesATimestampMoreThanFiveMinutesAwayEitherWay() {
        Map<String, String> h = Map.of("X-Grafana-Alerting-Signature", WITH_TIMESTAMP,
                "X-Grafana-Alerting-Timestamp", Long.toString(TIMESTAMP));
        assertThatCode(() -> signature.verify(headers(h), body, Instant.ofEpochSecond(TIMESTAMP + 300)))
                .doesNotThrowAnyException();
        assertThatCode(() -> signature.verify(headers(h), body, Instant.ofEpochSecond(TIMESTAMP - 300)))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> signature.verify(headers(h), body, Instant.ofEpochSecond(TIMESTAMP + 301)))
                .isInstanceOf(WebhookSignatureException.class).hasMessageContaining("away from our clock");
        assertThatThrownBy(() -> signature.verify(headers(h), body, Instant.ofEpochSecond(TIMESTAMP - 301)))
                .isInstanceOf(WebhookSignatureException.class);
    }

    @Test
    void refusesATimestampThatIsNotUnixSeconds() {
        for (String ts : new String[] {"2026-11-29T04:30:02Z", "1764390602.5", "-9223372036854775808", "99999999999999999999"}) {
            assertThatThrownBy(() -> signature.verify(headers(Map.of("X-Grafana-Alerting-Signature", WITH_TIMESTAMP,
                    "X-Grafana-Alerting-Timestamp", ts)), body, THEN)).as(ts).isInstanceOf(WebhookSignatureException.class);
        }
    }

    @Test
    void headerNamesAreConfigurableAndATimestampHeaderCanBeSwitchedOff() {
        GrafanaSignature custom = new GrafanaSignature(new WebhookProperties.Grafana(SECRET, "X-Sig", "X-Ts", null));
        assertThatCode(() -> custom.verify(headers(Map.of("X-Sig", WITH_TIMESTAMP, "X-Ts", Long.toString(TIMESTAMP))),
                body, THEN)).doesNotThrowAnyException();
        GrafanaSignature bodyOnly = new GrafanaSignature(new WebhookProperties.Grafana(SECRET, null, "", null));
        assertThatCode(() -> bodyOnly.verify(headers(Map.of("X-Grafana-Alerting-Signature", BODY_ONLY,
                "X-Grafana-Alerting-Timestamp", "1")), body, THEN)).doesNotThrowAnyException();
    }

    @Test
    void withoutASecretNothingIsRequired() {
        GrafanaSignature off = new GrafanaSignature(settings(null));
        assertThat(off.enabled()).isFalse();
        assertThatCode(() -> off.verify(headers(Map.of()), body, THEN)).doesNotThrowAnyException();
    }

    @Test
    void theDefaultHeaderNamesAreThoseOfTheContactPointExample() {
        JsonNode hmac = new YAMLMapper().readTree(Payloads.bytes("grafana/contact-point-provisioning.example.yaml"))
                .at("/contactPoints/0/receivers/0/settings/hmacConfig");
        WebhookProperties.Grafana defaults = settings(SECRET);
        assertThat(defaults.signatureHeader()).isEqualTo(hmac.get("header").asString());
        assertThat(defaults.timestampHeader()).isEqualTo(hmac.get("timestampHeader").asString());
        assertThat(Payloads.text("grafana/hmac-worked-example.txt")).contains(BODY_ONLY, WITH_TIMESTAMP,
                Long.toString(TIMESTAMP), SECRET);
    }
}
