package dev.byocfleet.ingest.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import com.jayway.jsonpath.JsonPath;
import dev.byocfleet.ingest.AlertStore;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.servlet.FilterChain;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.transaction.CannotCreateTransactionException;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/** How the endpoint answers what the intake decides, and which requests it leaves to the routes below it. */
class WebhookEndpointTest {

    private final WebhookIntake intake = mock(WebhookIntake.class);
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private WebhookEndpoint endpoint;
    private final AtomicBoolean passedOn = new AtomicBoolean();
    private final FilterChain chain = (req, res) -> passedOn.set(true);

    @BeforeEach
    void setUp() {
        JsonMapper json = JsonMapper.builder().propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).build();
        endpoint = new WebhookEndpoint(intake, json, () -> null, meters);
    }

    private MockHttpServletResponse send(String method, String path) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);
        request.setServletPath(path);
        request.setContentType("application/json");
        request.setContent("{}".getBytes());
        MockHttpServletResponse response = new MockHttpServletResponse();
        endpoint.doFilter(request, response, chain);
        return response;
    }

    @Test
    void answersTheReceiptAsSnakeCaseJsonWithTheSecurityHeaders() throws Exception {
        when(intake.receive(eq("alertmanager"), any())).thenReturn(new WebhookReceipt(3, 2, 1, 1, 4));
        MockHttpServletResponse r = send("POST", "/api/webhooks/alertmanager");
        assertThat(r.getStatus()).isEqualTo(200);
        assertThat(r.getContentType()).isEqualTo("application/json");
        assertThat(r.getContentAsString()).isEqualTo(
                "{\"received\":3,\"inserted\":2,\"duplicates\":1,\"unmapped\":1,\"truncated_alerts\":4}");
        assertThat(r.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(r.getHeader("X-Frame-Options")).isEqualTo("DENY");
        assertThat(r.getHeader("Content-Security-Policy")).contains("frame-ancestors 'none'");
        assertThat(passedOn).isFalse();
        assertThat(meters.get(WebhookEndpoint.REQUESTS_METER).tag("status", "200").timer().count()).isEqualTo(1);
    }

    @Test
    void aRejectionIsAProblemWithItsStatusParameterAndHeaders() throws Exception {
        HttpHeaders h = new HttpHeaders();
        h.add(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"byoc-fleet webhooks\"");
        when(intake.receive(eq("grafana"), any())).thenThrow(
                new WebhookRejection(HttpStatus.UNAUTHORIZED, "no", "Authorization", h));
        MockHttpServletResponse r = send("POST", "/api/webhooks/grafana");
        assertThat(r.getStatus()).isEqualTo(401);
        assertThat(r.getContentType()).isEqualTo("application/problem+json");
        assertThat(r.getHeader(HttpHeaders.WWW_AUTHENTICATE)).isEqualTo("Bearer realm=\"byoc-fleet webhooks\"");
        String body = r.getContentAsString();
        assertThat(JsonPath.<Integer>read(body, "$.status")).isEqualTo(401);
        assertThat(JsonPath.<String>read(body, "$.parameter")).isEqualTo("Authorization");
        assertThat(JsonPath.<String>read(body, "$.detail")).isEqualTo("no");
        assertThat(JsonPath.<String>read(body, "$.instance")).isEqualTo("/api/webhooks/grafana");
        assertThat(JsonPath.<String>read(body, "$.title")).isEqualTo("Unauthorized");
    }

    @Test
    void aStoreThatIsDownIsA503WithRetryAfter() throws Exception {
        when(intake.receive(eq("alertmanager"), any())).thenThrow(new CannotGetJdbcConnectionException("pool exhausted"));
        MockHttpServletResponse r = send("POST", "/api/webhooks/alertmanager");
        assertThat(r.getStatus()).isEqualTo(503);
        assertThat(r.getHeader(HttpHeaders.RETRY_AFTER)).isEqualTo("10");
        assertThat(JsonPath.<String>read(r.getContentAsString(), "$.detail"))
                .isEqualTo("The alert store is unavailable; nothing was stored. Deliver again later.");
        when(intake.receive(eq("grafana"), any())).thenThrow(new CannotCreateTransactionException("down"));
        assertThat(send("POST", "/api/webhooks/grafana").getStatus()).isEqualTo(503);
    }

    @Test
    void aBacklogOfAcceptedAlertsIsA503ThatSaysSoWithoutBlamingTheStore() throws Exception {
        when(intake.receive(eq("alertmanager"), any())).thenThrow(new AlertStore.BacklogFull("200000 accepted alerts wait"));
        MockHttpServletResponse r = send("POST", "/api/webhooks/alertmanager");
        assertThat(r.getStatus()).isEqualTo(503);
        assertThat(r.getHeader(HttpHeaders.RETRY_AFTER)).isEqualTo("10");
        assertThat(JsonPath.<String>read(r.getContentAsString(), "$.detail"))
                .isEqualTo("The server is still storing the alerts it accepted before this request; nothing of this "
                        + "request was stored. Deliver again later.");
    }

    @Test
    @org.junit.jupiter.api.extension.ExtendWith(org.springframework.boot.test.system.OutputCaptureExtension.class)
    void storeFailuresAreLoggedOnceAWhileNotOncePerRequest(org.springframework.boot.test.system.CapturedOutput output)
            throws Exception {
        when(intake.receive(eq("alertmanager"), any())).thenThrow(new CannotGetJdbcConnectionException("pool exhausted"));
        for (int i = 0; i < 50; i++) {
            assertThat(send("POST", "/api/webhooks/alertmanager").getStatus()).isEqualTo(503);
        }
        assertThat(output.getAll().split("webhook not stored, the store failed", -1)).hasSize(2);
        assertThat(output.getAll()).contains("pool exhausted");
    }

    @Test
    void anythingUnforeseenIsARetryable503NeverA500() throws Exception {
        when(intake.receive(eq("alertmanager"), any())).thenThrow(new NullPointerException("bug"));
        MockHttpServletResponse r = send("POST", "/api/webhooks/alertmanager");
        assertThat(r.getStatus()).isEqualTo(503);
        assertThat(r.getHeader(HttpHeaders.RETRY_AFTER)).isNotNull();
        assertThat(r.getContentAsString()).doesNotContain("bug");
    }

    @Test
    void onlyPostDeliversOtherMethodsAre405() throws Exception {
        MockHttpServletResponse r = send("GET", "/api/webhooks/alertmanager");
        assertThat(r.getStatus()).isEqualTo(405);
        assertThat(r.getHeader(HttpHeaders.ALLOW)).isEqualTo("POST, OPTIONS");
        assertThat(JsonPath.<String>read(r.getContentAsString(), "$.detail")).contains("POST");
        assertThat(send("OPTIONS", "/api/webhooks/grafana").getStatus()).isEqualTo(200);
        verifyNoInteractions(intake);
        assertThat(passedOn).isFalse();
    }

    @Test
    void otherPathsGoOnDownTheChain() throws Exception {
        for (String path : new String[] {"/api/webhooks/", "/api/webhooks/alertmanager/extra", "/api/webhooksx/a",
                "/api/alerts"}) {
            passedOn.set(false);
            send("POST", path);
            assertThat(passedOn).as(path).isTrue();
        }
        verifyNoInteractions(intake);
    }
}
