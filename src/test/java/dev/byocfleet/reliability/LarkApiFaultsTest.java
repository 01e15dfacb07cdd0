package dev.byocfleet.reliability;

import dev.byocfleet.ingest.lark.IngestRun;
import dev.byocfleet.ingest.lark.LarkClientTest;
import dev.byocfleet.ingest.lark.LarkProperties;
import dev.byocfleet.ingest.lark.LarkReplayServer;
import dev.byocfleet.ingest.lark.LarkReplayServer.Reply;
import dev.byocfleet.ingest.lark.LarkTestWiring;
import dev.byocfleet.store.DuckDbDialect;
import dev.byocfleet.support.TestStore;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import static dev.byocfleet.ingest.lark.LarkClientTest.CHAT;
import static dev.byocfleet.ingest.lark.LarkClientTest.FROM;
import static dev.byocfleet.ingest.lark.LarkClientTest.TO;
import static dev.byocfleet.ingest.lark.LarkClientTest.pageFor;
import static dev.byocfleet.ingest.lark.LarkClientTest.tokenReply;
import static dev.byocfleet.ingest.lark.LarkReplayServer.MESSAGES_PATH;
import static dev.byocfleet.ingest.lark.LarkReplayServer.TOKEN_PATH;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Lark pipeline against a local replay of the Lark API that misbehaves the ways Lark does:
 * 429 storms (short ones are waited out, long ones fail the run and a re-run finishes the window),
 * requests that time out, the tenant token expiring in the middle of a window, 5xx and garbage
 * answers. Whatever happens, every alert of the window ends up stored exactly once.
 */
class LarkApiFaultsTest {

    private static final String RATE_LIMITED = "{\"code\":99991400,\"msg\":\"request trigger frequency limit\"}";
    private static final int ALERTS_IN_WINDOW = 5;

    private final TestStore store = new TestStore();
    private final JdbcTemplate jdbc = new JdbcTemplate(store.dataSource());
    private final LarkReplayServer server = new LarkReplayServer();
    private final List<String> pages = LarkClientTest.pages();
    private final Map<String, AtomicInteger> callsPerPage = new ConcurrentHashMap<>();

    @BeforeEach
    void fleet() {
        jdbc.update("INSERT INTO byoc.cluster (cluster_id, cluster_name) VALUES ('c-1', 'sr-prod-01'), ('c-2', 'sr-prod-02')");
        jdbc.update("INSERT INTO byoc.node (node_id, cluster_id, private_ip) VALUES ('n-1', 'c-1', '10.0.0.11')");
        server.route(TOKEN_PATH, r -> Reply.ok(tokenReply("t-1")));
    }

    @AfterEach
    void close() {
        server.close();
        store.close();
    }

    private LarkTestWiring lark(Duration requestTimeout) {
        LarkProperties p = server.properties(CHAT);
        return LarkTestWiring.of(store.dataSource(), new DuckDbDialect(), new LarkProperties(p.baseUrl(), p.appId(),
                p.appSecret(), CHAT, null, 50, 3, Duration.ofMillis(1), Duration.ofMillis(20), requestTimeout, null, null));
    }

    /** The n-th call (from 1) for the page this request asks for. */
    private int call(LarkReplayServer.Request r) {
        return callsPerPage.computeIfAbsent(String.valueOf(r.query().get("page_token")), k -> new AtomicInteger()).incrementAndGet();
    }

    private void assertEveryAlertOnce() {
        assertThat(jdbc.queryForObject("SELECT count(*) FROM alerts.lark_alerts", Long.class)).isEqualTo(ALERTS_IN_WINDOW);
        assertThat(jdbc.queryForObject("SELECT count(DISTINCT message_id) FROM alerts.lark_alerts", Long.class))
                .isEqualTo(ALERTS_IN_WINDOW);
    }

    @Test
    void aShort429StormOnEveryPageIsWaitedOut() {
        server.route(MESSAGES_PATH, r -> call(r) <= 2 ? new Reply(429, RATE_LIMITED, Map.of("x-ogw-ratelimit-reset", "0"))
                : pageFor(r, pages));
        IngestRun run = lark(Duration.ofSeconds(5)).pipeline().run(FROM, TO, "api");
        assertThat(run).extracting(IngestRun::status, IngestRun::pages, IngestRun::alertsInserted, IngestRun::duplicates)
                .containsExactly("succeeded", 3, ALERTS_IN_WINDOW, 0);
        assertEveryAlertOnce();
    }

    @Test
    void aStormLongerThanTheRetriesFailsTheRunAndARerunCompletesTheWindowWithoutDuplicates() {
        AtomicBoolean storm = new AtomicBoolean(true);
        server.route(MESSAGES_PATH, r -> storm.get() && "token-1".equals(r.query().get("page_token"))
                ? Reply.of(429, RATE_LIMITED) : pageFor(r, pages));
        LarkTestWiring lark = lark(Duration.ofSeconds(5));
        IngestRun failed = lark.pipeline().run(FROM, TO, "api");
        assertThat(failed.status()).isEqualTo("failed");
        assertThat(failed.error()).contains("429", "gave up after 3 attempts");
        long storedBefore = jdbc.queryForObject("SELECT count(*) FROM alerts.lark_alerts", Long.class);
        assertThat(storedBefore).isBetween(1L, (long) ALERTS_IN_WINDOW - 1);

        storm.set(false);
        IngestRun rerun = lark.pipeline().run(FROM, TO, "api");
        assertThat(rerun).extracting(IngestRun::status, IngestRun::alertsInserted, IngestRun::duplicates)
                .containsExactly("succeeded", ALERTS_IN_WINDOW - (int) storedBefore, (int) storedBefore);
        assertEveryAlertOnce();
    }

    @Test
    void aRequestThatTimesOutIsRetried() {
        server.route(MESSAGES_PATH, r -> {
            if ("token-1".equals(r.query().get("page_token")) && call(r) == 1) {
                sleep(1_500);
            }
            return pageFor(r, pages);
        });
        IngestRun run = lark(Duration.ofMillis(400)).pipeline().run(FROM, TO, "api");
        assertThat(run).as(run.error()).extracting(IngestRun::status, IngestRun::alertsInserted, IngestRun::duplicates)
                .containsExactly("succeeded", ALERTS_IN_WINDOW, 0);
        assertThat(server.requests(MESSAGES_PATH).stream().filter(r -> "token-1".equals(r.query().get("page_token"))))
                .hasSize(2);
        assertEveryAlertOnce();
    }

    @Test
    void aTenantTokenThatExpiresMidWindowIsRenewedAndTheWindowCompletes() {
        AtomicInteger issued = new AtomicInteger();
        server.route(TOKEN_PATH, r -> Reply.ok(tokenReply("t-" + issued.incrementAndGet())));
        server.route(MESSAGES_PATH, r -> r.query().get("page_token") != null && "Bearer t-1".equals(r.authorization())
                ? Reply.of(400, "{\"code\":99991663,\"msg\":\"Invalid access token for authorization\"}")
                : pageFor(r, pages));
        IngestRun run = lark(Duration.ofSeconds(5)).pipeline().run(FROM, TO, "api");
        assertThat(run).extracting(IngestRun::status, IngestRun::pages, IngestRun::alertsInserted, IngestRun::duplicates)
                .containsExactly("succeeded", 3, ALERTS_IN_WINDOW, 0);
        assertThat(issued.get()).isEqualTo(2);
        assertThat(server.requests(MESSAGES_PATH).getLast().authorization()).isEqualTo("Bearer t-2");
        assertEveryAlertOnce();
    }

    @Test
    void serverErrorsAndGarbageAnswersAreRetried() {
        server.route(MESSAGES_PATH, r -> {
            if (!"token-2".equals(r.query().get("page_token"))) {
                return pageFor(r, pages);
            }
            return switch (call(r)) {
                case 1 -> Reply.of(502, "<html>Bad Gateway</html>");
                case 2 -> Reply.ok("{\"code\":0,\"msg\":\"success\",\"data\":{\"items\":\"not a list\"}}");
                default -> pageFor(r, pages);
            };
        });
        IngestRun run = lark(Duration.ofSeconds(5)).pipeline().run(FROM, TO, "api");
        assertThat(run).extracting(IngestRun::status, IngestRun::alertsInserted, IngestRun::duplicates)
                .containsExactly("succeeded", ALERTS_IN_WINDOW, 0);
        assertEveryAlertOnce();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
