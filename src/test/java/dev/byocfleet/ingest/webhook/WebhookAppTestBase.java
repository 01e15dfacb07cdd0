package dev.byocfleet.ingest.webhook;

import dev.byocfleet.ingest.AlertStore;
import dev.byocfleet.support.IssueGroupingWait;
import dev.byocfleet.support.TempDirs;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.jdbc.Sql;

/**
 * The whole application on a random port with webhook credentials set and a store of its own
 * (separate from AppTestBase's, whose context has no webhook settings). Subclasses share this one
 * context. Requests go through the JDK client so headers and bytes are exactly what a sender sends.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "byoc.demo.preset=none",
        "byoc.metrics.refresh-enabled=false",
        "byoc.webhooks.token=" + WebhookAppTestBase.TOKEN,
        "byoc.webhooks.basic-user=alertmanager",
        "byoc.webhooks.basic-password=" + WebhookAppTestBase.BASIC_PASSWORD,
        "byoc.webhooks.grafana.hmac-secret=" + WebhookAppTestBase.HMAC_SECRET,
        "byoc.webhooks.run-flush-interval=PT1S"})
@Sql(scripts = "/ingest/webhook-fixture.sql", executionPhase = Sql.ExecutionPhase.BEFORE_TEST_CLASS)
abstract class WebhookAppTestBase {

    static final String TOKEN = "it-webhook-token";
    static final String BASIC_PASSWORD = "it-basic-password";
    static final String HMAC_SECRET = "test-hmac-secret";
    private static final Path DATA_DIR = TempDirs.deletedAtExit("byoc-webhook-it-");
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    AlertStore alertStore;

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        registry.add("byoc.store.data-dir", DATA_DIR::toString);
    }

    HttpResponse<String> post(String path, Map<String, String> headers, byte[] body) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(b::header);
        HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 200) {
            // answered from the alert journal: the rows follow within milliseconds
            IssueGroupingWait.awaitStored(alertStore);
        }
        return r;
    }

    @AfterEach
    void awaitGrouping() {
        IssueGroupingWait.await(alertStore);
    }

    int storedAlerts() {
        return jdbc.queryForObject("SELECT count(*) FROM alerts.lark_alerts", Integer.class);
    }
}
