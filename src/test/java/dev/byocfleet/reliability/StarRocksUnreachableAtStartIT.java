package dev.byocfleet.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The server configured for StarRocks starts while no StarRocks answers (a local port nobody listens
 * on): it serves, health is DOWN naming the store as unreachable, and webhooks and sign-in answer 503.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "BYOC_STORE=starrocks",
        "BYOC_DEMO_PRESET=tiny",
        "BYOC_SNAPSHOT_REFRESH_ENABLED=false",
        "BYOC_HEALTH_SCHEDULE_ENABLED=false",
        "BYOC_ANALYSIS_SCHEDULE_ENABLED=false",
        "BYOC_LARK_CRON=-",
        "BYOC_KNOWLEDGE_INDEX_DIR=memory",
        "BYOC_ADMIN_EMAIL=admin@unreachable.test",
        "BYOC_ADMIN_PASSWORD=unreachable admin password",
        "BYOC_JWT_SECRET=an unreachable-store test signing secret of 32+ bytes",
        "BYOC_WEBHOOK_TOKEN=" + StarRocksUnreachableAtStartIT.WEBHOOK_TOKEN,
        "byoc.agents.schedule-enabled=false",
        "byoc.issues.schedule-enabled=false"})
class StarRocksUnreachableAtStartIT {

    static final String WEBHOOK_TOKEN = "unreachable-webhook-token";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void unreachableStarRocks(DynamicPropertyRegistry registry) throws IOException {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        String url = "jdbc:mysql://127.0.0.1:" + closed + "/?connectTimeout=1000";
        registry.add("BYOC_STARROCKS_URL", () -> url);
    }

    @Test
    void startsWithoutStarRocksAndAnswers503NamingTheStore() throws Exception {
        HttpResponse<String> health = send("GET", "/actuator/health", Map.of(), null);
        assertThat(health.statusCode()).as(health.body()).isEqualTo(503);
        assertThat(health.body()).contains("DOWN").contains("unreachable");

        byte[] notification = Notifications.alertmanager("unreachable", 1, 2);
        HttpResponse<String> webhook = send("POST", "/api/webhooks/alertmanager",
                Map.of("Authorization", "Bearer " + WEBHOOK_TOKEN, "Content-Type", "application/json"), notification);
        assertThat(webhook.statusCode()).as(webhook.body()).isEqualTo(503);
        assertThat(webhook.headers().firstValue("Retry-After")).isPresent();
        assertThat(webhook.body()).contains("unreachable").contains("nothing was stored");

        HttpResponse<String> signIn = send("POST", "/api/auth/login", Map.of("Content-Type", "application/json"),
                "{\"email\":\"admin@unreachable.test\",\"password\":\"unreachable admin password\"}".getBytes());
        assertThat(signIn.statusCode()).as(signIn.body()).isEqualTo(503);
        assertThat(signIn.body()).contains("unreachable");
        assertThat(send("GET", "/", Map.of(), null).statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> send(String method, String path, Map<String, String> headers, byte[] body)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(b::header);
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
