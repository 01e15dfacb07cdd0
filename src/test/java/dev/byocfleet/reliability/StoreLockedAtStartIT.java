package dev.byocfleet.reliability;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.time.Instant;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * The server starts while another process holds the DuckDB file's lock: it serves anyway (health
 * DOWN naming the lock, webhooks and sign-in 503 naming it, scheduled jobs skipping with one log
 * line), and once that process is killed it opens the store in the background, migrates it, creates
 * the first admin, loads the knowledge corpus and the demo fleet, and works, without a restart.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "BYOC_DEMO_PRESET=tiny",
        "BYOC_SNAPSHOT_REFRESH_ENABLED=false",
        "BYOC_HEALTH_SCHEDULE_ENABLED=false",
        "BYOC_ANALYSIS_SCHEDULE_ENABLED=false",
        "BYOC_LARK_CRON=-",
        "BYOC_KNOWLEDGE_INDEX_DIR=memory",
        "BYOC_ADMIN_EMAIL=" + StoreLockedAtStartIT.ADMIN_EMAIL,
        "BYOC_ADMIN_PASSWORD=" + StoreLockedAtStartIT.ADMIN_PASSWORD,
        "BYOC_JWT_SECRET=a locked-store test signing secret of 32+ bytes",
        "BYOC_WEBHOOK_TOKEN=" + StoreLockedAtStartIT.WEBHOOK_TOKEN,
        "BYOC_LLM_PROVIDER=none",
        "byoc.agents.schedule-enabled=false",
        // one job that ticks every second while the store is locked, to show it skips quietly
        "byoc.issues.schedule-enabled=true",
        "byoc.issues.sweep-initial-delay=PT1S",
        "byoc.issues.sweep-interval=PT1S",
        "byoc.issues.ai-initial-delay=PT1H",
        "byoc.store.reconnect-max-pause=PT2S"})
class StoreLockedAtStartIT {

    static final String ADMIN_EMAIL = "admin@locked-store.test";
    static final String ADMIN_PASSWORD = "locked-store admin password";
    static final String WEBHOOK_TOKEN = "locked-store-webhook-token";
    private static final String LOCKED = "the DuckDB file is locked by another process";
    private static final String SKIP_LINE = "scheduled jobs skip their work while the store is unavailable";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Path DATA_DIR = TempDirs.deletedAtExit("byoc-locked-store-it-");
    private static Process lockHolder;
    private static int logFrom;

    static {
        LogTee.install();
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    AlertStore alertStore;

    /** Runs before the context starts: the lock is held before the server first tries the file. */
    @DynamicPropertySource
    static void lockedStore(DynamicPropertyRegistry registry) throws IOException {
        if (lockHolder == null) {
            logFrom = LogTee.text().length();
            lockHolder = DuckDbLockHolder.start(DATA_DIR.resolve("byoc-fleet.duckdb"));
        }
        registry.add("BYOC_DATA_DIR", DATA_DIR::toString);
    }

    @AfterAll
    static void releaseLock() throws InterruptedException {
        if (lockHolder != null && lockHolder.isAlive()) {
            lockHolder.destroyForcibly().waitFor();
        }
    }

    @Test
    void startsWithTheFileLockedAnswers503AndRecoversWhenTheLockGoesWithoutARestart() throws Exception {
        HttpResponse<String> health = send("GET", "/actuator/health", Map.of(), null);
        assertThat(health.statusCode()).as(health.body()).isEqualTo(503);
        assertThat(health.body()).contains("DOWN").contains(LOCKED);

        byte[] notification = Notifications.alertmanager("locked", 1, 3);
        HttpResponse<String> webhook = deliver(notification);
        assertThat(webhook.statusCode()).as(webhook.body()).isEqualTo(503);
        assertThat(webhook.headers().firstValue("Retry-After")).isPresent();
        assertThat(webhook.headers().firstValue("Content-Type")).hasValueSatisfying(
                v -> assertThat(v).startsWith("application/problem+json"));
        assertThat(webhook.body()).contains(LOCKED).contains("nothing was stored");

        HttpResponse<String> signIn = signIn();
        assertThat(signIn.statusCode()).as(signIn.body()).isEqualTo(503);
        assertThat(signIn.body()).contains(LOCKED);
        // a route that needs no store still answers
        assertThat(send("GET", "/", Map.of(), null).statusCode()).isEqualTo(200);

        // the issue sweep ticks every second against the locked store: one line, no stack traces
        awaitTrue("a scheduled job meets the locked store", () -> log().contains(SKIP_LINE));
        long ticks = 3;
        Thread.sleep(Duration.ofSeconds(ticks));
        assertThat(log().lines().filter(l -> l.contains(SKIP_LINE))).hasSize(1);
        assertThat(log()).doesNotContain("Unexpected error occurred in scheduled task");

        lockHolder.destroyForcibly().waitFor();

        HttpResponse<String> up = await("health UP", () -> send("GET", "/actuator/health", Map.of(), null),
                r -> r.statusCode() == 200);
        assertThat(up.body()).contains("UP");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM alerts.schema_version", Long.class)).isPositive();
        // the start-up work that waited runs on: first admin, knowledge starter corpus, the tiny demo fleet
        awaitTrue("the first admin, the knowledge corpus and the demo fleet", () ->
                jdbc.queryForObject("SELECT count(*) FROM alerts.users", Long.class) > 0
                        && jdbc.queryForObject("SELECT count(*) FROM alerts.knowledge_documents", Long.class) > 0
                        && jdbc.queryForObject("SELECT count(*) FROM byoc.cluster", Long.class) > 0);
        HttpResponse<String> signedIn = signIn();
        assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(200);
        String token = JSON.readTree(signedIn.body()).get("access_token").asString();

        HttpResponse<String> stored = deliver(notification);
        assertThat(stored.statusCode()).as(stored.body()).isEqualTo(200);
        assertThat(JSON.readTree(stored.body()).get("inserted").asInt()).isEqualTo(3);
        assertThat(JSON.readTree(deliver(notification).body()).get("duplicates").asInt()).isEqualTo(3);
        IssueGroupingWait.awaitStored(alertStore);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM alerts.lark_alerts WHERE fingerprint LIKE 'locked-%'",
                Long.class)).isEqualTo(3);
        HttpResponse<String> alerts = send("GET", "/api/alerts", Map.of("Authorization", "Bearer " + token), null);
        assertThat(alerts.statusCode()).as(alerts.body()).isEqualTo(200);
        assertThat(log()).contains("the duckdb store is available after");
    }

    private static String log() {
        String all = LogTee.text();
        return all.substring(Math.min(logFrom, all.length()));
    }

    private HttpResponse<String> deliver(byte[] body) throws IOException, InterruptedException {
        return send("POST", "/api/webhooks/alertmanager", Map.of("Authorization", "Bearer " + WEBHOOK_TOKEN,
                "Content-Type", "application/json"), body);
    }

    private HttpResponse<String> signIn() throws IOException, InterruptedException {
        return send("POST", "/api/auth/login", Map.of("Content-Type", "application/json"),
                JSON.writeValueAsBytes(Map.of("email", ADMIN_EMAIL, "password", ADMIN_PASSWORD)));
    }

    private HttpResponse<String> send(String method, String path, Map<String, String> headers, byte[] body)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(b::header);
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    interface Call<T> {
        T call() throws Exception;
    }

    /** Polls until {@code done} holds; a generous deadline only guards against hanging forever. */
    private static <T> T await(String what, Call<T> call, Predicate<T> done) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (true) {
            T value = call.call();
            if (done.test(value)) {
                return value;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("gave up waiting for " + what + "; last: " + value);
            }
            Thread.sleep(200);
        }
    }

    private static void awaitTrue(String what, Call<Boolean> condition) throws Exception {
        await(what, condition, Boolean::booleanValue);
    }
}
