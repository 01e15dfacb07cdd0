package dev.byocfleet.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.byocfleet.support.AppTestBase;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.MediaType;
import org.springframework.test.json.JsonCompareMode;

/** Which routes need a token, and that refusals are problem details, never a login page or a redirect. */
class SecurityConfigurationIT extends AppTestBase {

    @Test
    void fleetSummaryWithoutATokenIsA401Problem() {
        anonymous.get().uri("/api/fleet/summary").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().valueEquals("WWW-Authenticate", "Bearer")
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().json("""
                        {"type": "about:blank", "title": "Unauthorized", "status": 401,
                         "detail": "Sign in first: this endpoint needs a bearer token.", "instance": "/api/fleet/summary"}""",
                        JsonCompareMode.STRICT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/fleet/clusters", "/api/auth/me", "/api/auth/users", "/api/features",
            "/api/no-such-thing", "/mcp"})
    void everyApiRouteNeedsAToken(String path) {
        anonymous.get().uri(path).exchange().expectStatus().isUnauthorized();
    }

    @Test
    void aBrowserAskingForHtmlStillGetsA401ProblemNotARedirect() {
        anonymous.get().uri("/api/fleet/summary").accept(MediaType.TEXT_HTML).exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().doesNotExist("Location");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/overview", "/issues/42", "/assets/app.js"})
    void webAppFilesAndRoutesNeedNoToken(String path) {
        anonymous.get().uri(path).exchange().expectStatus().isOk();
    }

    @Test
    void openApiDocumentAndHealthNeedNoToken() {
        anonymous.get().uri("/api/docs/openapi.json").exchange().expectStatus().isOk();
        anonymous.get().uri("/actuator/health").exchange().expectStatus().isOk();
    }

    @Test
    void otherActuatorEndpointsNeedAnAdmin() {
        anonymous.get().uri("/actuator/metrics").exchange().expectStatus().isUnauthorized();
        String viewer = accessToken(createUser("metrics-viewer@byoc.test", "viewer", "metrics viewer password"));
        as(viewer).get().uri("/actuator/metrics").exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        client.get().uri("/actuator/metrics").exchange().expectStatus().isOk();
    }

    @Test
    void prometheusNeedsTheScrapeTokenOrAnAdminAlsoFromThisHost() {
        // the test runs on the same host: loopback is not trusted unless byoc.security.prometheus-trust-loopback is set
        anonymous.get().uri("/actuator/prometheus").exchange().expectStatus().isUnauthorized();
        anonymous.get().uri("/actuator/prometheus").header("Authorization", "Bearer " + PROMETHEUS_TOKEN + "x")
                .exchange().expectStatus().isUnauthorized();
        String body = anonymous.get().uri("/actuator/prometheus").header("Authorization", "Bearer " + PROMETHEUS_TOKEN)
                .header("X-Forwarded-For", "198.51.100.20").exchange()
                .expectStatus().isOk().returnResult(String.class).getResponseBody();
        assertThat(body).contains("jvm_memory_used_bytes");
        anonymous.get().uri("/actuator/metrics").header("Authorization", "Bearer " + PROMETHEUS_TOKEN).exchange()
                .expectStatus().isUnauthorized();
        client.get().uri("/actuator/prometheus").header("X-Forwarded-For", "198.51.100.20").exchange()
                .expectStatus().isOk();
    }

    @Test
    void featuresListEveryPageOfTheWebAppInOrder() {
        String body = client.get().uri("/api/features").exchange().expectStatus().isOk()
                .returnResult(String.class).getResponseBody();
        Map<String, Boolean> pages = com.jayway.jsonpath.JsonPath.read(body, "$.pages");
        // The twelve pages of DESIGN.md section 8, in the order of the nav; each says whether it is built.
        assertThat(pages.keySet()).containsExactly("overview", "issues", "raw_alerts", "breaking", "usage",
                "investigations", "ai_issues", "patrol", "chat", "llm_usage", "settings", "help");
        Features.PAGES.forEach(p -> assertThat(pages).containsEntry(p.key(), p.available()));
        assertThat(pages).containsEntry("overview", true).containsEntry("settings", true);
    }

    @Test
    void webhooksAreLeftToTheirOwnAuthentication() {
        // the request gets past Spring Security to the webhook's own check, which answers that
        // webhooks are not configured in this context (no BYOC_WEBHOOK_TOKEN) rather than a bearer 401
        anonymous.post().uri("/api/webhooks/alertmanager").header("Authorization", "Bearer webhook-token")
                .contentType(MediaType.APPLICATION_JSON).body("{}").exchange()
                .expectStatus().isEqualTo(503);
    }

    @Test
    void loopbackIsRecognisedForLiteralAddressesOnly() {
        assertThat(SecurityConfiguration.isLoopback("127.0.0.1")).isTrue();
        assertThat(SecurityConfiguration.isLoopback("0:0:0:0:0:0:0:1")).isTrue();
        assertThat(SecurityConfiguration.isLoopback("10.0.0.1")).isFalse();
        assertThat(SecurityConfiguration.isLoopback("localhost")).isFalse();
        assertThat(SecurityConfiguration.isLoopback(null)).isFalse();
    }
}
