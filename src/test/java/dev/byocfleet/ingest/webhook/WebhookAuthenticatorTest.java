package dev.byocfleet.ingest.webhook;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

class WebhookAuthenticatorTest {

    private final WebhookAuthenticator both = new WebhookAuthenticator(
            new WebhookProperties("s3cret-token", "alertmanager", "p@ss:word", null, null));
    private final WebhookAuthenticator tokenOnly = new WebhookAuthenticator(
            new WebhookProperties("s3cret-token", null, null, null, null));

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void acceptsTheBearerTokenWhateverTheSchemeCase() {
        assertThatCode(() -> both.authenticate("Bearer s3cret-token")).doesNotThrowAnyException();
        assertThatCode(() -> both.authenticate("bearer s3cret-token")).doesNotThrowAnyException();
        assertThatCode(() -> both.authenticate("  BEARER   s3cret-token  ")).doesNotThrowAnyException();
    }

    @Test
    void acceptsBasicAuthWithAColonInThePassword() {
        assertThatCode(() -> both.authenticate(basic("alertmanager", "p@ss:word"))).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Bearer wrong", "Bearer s3cret-token2", "Bearer s3cret-toke", "Bearer ", "Bearer",
            "s3cret-token", "Token s3cret-token", "Basic !!!not-base64", "Basic YWxlcnRtYW5hZ2Vy"})
    void refusesAnythingElseWith401AndTheChallenges(String header) {
        assertThatThrownBy(() -> both.authenticate(header)).isInstanceOfSatisfying(WebhookRejection.class, e -> {
            assertThat(e.status()).isEqualTo(HttpStatus.UNAUTHORIZED);
            assertThat(e.parameter()).isEqualTo("Authorization");
            assertThat(e.headers().get(HttpHeaders.WWW_AUTHENTICATE)).hasSize(2);
        });
    }

    @Test
    void refusesAWrongUserOrPassword() {
        assertThatThrownBy(() -> both.authenticate(basic("alertmanager", "wrong"))).isInstanceOf(WebhookRejection.class);
        assertThatThrownBy(() -> both.authenticate(basic("grafana", "p@ss:word"))).isInstanceOf(WebhookRejection.class);
    }

    @Test
    void refusesAMissingHeaderSayingWhatToSend() {
        assertThatThrownBy(() -> both.authenticate(null)).hasMessageContaining("Authorization: Bearer");
        assertThatThrownBy(() -> tokenOnly.authenticate("")).isInstanceOf(WebhookRejection.class);
    }

    @Test
    void basicAuthIsRefusedWhenOnlyATokenIsConfigured() {
        assertThatThrownBy(() -> tokenOnly.authenticate(basic("alertmanager", "p@ss:word")))
                .isInstanceOfSatisfying(WebhookRejection.class, e -> assertThat(e.headers()
                        .get(HttpHeaders.WWW_AUTHENTICATE)).containsExactly("Bearer realm=\"byoc-fleet webhooks\""));
    }

    @Test
    void aBasicPairWithoutTokenRefusesEveryBearer() {
        WebhookAuthenticator basicOnly = new WebhookAuthenticator(new WebhookProperties(null, "u", "p", null, null));
        assertThatThrownBy(() -> basicOnly.authenticate("Bearer ")).isInstanceOf(WebhookRejection.class);
        assertThatThrownBy(() -> basicOnly.authenticate("Bearer null")).isInstanceOf(WebhookRejection.class);
        assertThatCode(() -> basicOnly.authenticate(basic("u", "p"))).doesNotThrowAnyException();
    }

    @Test
    void configuredNeedsATokenOrACompleteBasicPairAndSecretsStayOutOfToString() {
        assertThat(new WebhookProperties(null, null, null, null, null).configured()).isFalse();
        assertThat(new WebhookProperties(" ", "u", null, null, null).configured()).isFalse();
        assertThat(new WebhookProperties(null, "u", "p", null, null).configured()).isTrue();
        WebhookProperties p = new WebhookProperties("s3cret-token", "u", "p@ss", null,
                new WebhookProperties.Grafana("hmac-s3cret", null, null, null));
        assertThat(p.toString()).doesNotContain("s3cret-token", "p@ss", "hmac-s3cret");
        assertThat(p.maxBodySize().toBytes()).isEqualTo(1_048_576);
        assertThat(p.grafana().timestampHeader()).isEqualTo("X-Grafana-Alerting-Timestamp");
        assertThat(p.grafana().maxSkew().toMinutes()).isEqualTo(5);
    }
}
