package dev.byocfleet.ingest.lark;

import static dev.byocfleet.ingest.lark.LarkClientTest.CHAT;
import static dev.byocfleet.ingest.lark.LarkClientTest.FROM;
import static dev.byocfleet.ingest.lark.LarkClientTest.TO;
import static dev.byocfleet.ingest.lark.LarkClientTest.pageFor;
import static dev.byocfleet.ingest.lark.LarkClientTest.tokenReply;
import static dev.byocfleet.ingest.lark.LarkReplayServer.MESSAGES_PATH;
import static dev.byocfleet.ingest.lark.LarkReplayServer.TOKEN_PATH;
import static dev.byocfleet.ingest.source.lark.LarkItems.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.byocfleet.api.ForbiddenException;
import dev.byocfleet.auth.Role;
import dev.byocfleet.support.SignedIn;
import dev.byocfleet.ingest.lark.LarkReplayServer.Reply;
import dev.byocfleet.store.DuckDbDialect;
import dev.byocfleet.support.TestStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/** The pipeline end to end: the real client against the replay server, the real parser and store. */
class LarkPipelineTest {

    private final TestStore store = new TestStore();
    private final JdbcTemplate jdbc = new JdbcTemplate(store.dataSource());
    private final LarkReplayServer server = new LarkReplayServer();
    private final List<String> pages = LarkClientTest.pages();
    private LarkTestWiring lark;

    @BeforeEach
    void fleetAndServer() {
        jdbc.update("INSERT INTO byoc.cluster (cluster_id, cluster_name) VALUES ('c-1', 'sr-prod-01'), ('c-2', 'sr-prod-02')");
        jdbc.update("INSERT INTO byoc.node (node_id, cluster_id, private_ip) VALUES ('n-1', 'c-1', '10.0.0.11')");
        server.route(TOKEN_PATH, r -> Reply.ok(tokenReply("t-1"))).route(MESSAGES_PATH, r -> pageFor(r, pages));
        lark = LarkTestWiring.of(store.dataSource(), new DuckDbDialect(), server.properties(CHAT));
    }

    @AfterEach
    void close() {
        server.close();
        store.close();
    }

    private long count(String sql, Object... args) {
        return jdbc.queryForObject(sql, Long.class, args);
    }

    @Test
    void onlyOperatorsAndAdminsAskForARun() {
        try (var viewer = SignedIn.as(Role.VIEWER)) {
            assertThatThrownBy(() -> lark.pipeline().runRequested(FROM, TO)).isInstanceOf(ForbiddenException.class)
                    .hasMessageContaining("operator");
        }
        assertThat(count("SELECT count(*) FROM alerts.ingest_runs")).isZero();
        try (var operator = SignedIn.as(Role.OPERATOR)) {
            assertThat(lark.pipeline().runRequested(FROM, TO).requestedBy()).isEqualTo("api");
        }
    }

    @Test
    void storesEveryPageAndAnswersTheRunRecord() {
        IngestRun run = lark.pipeline().run(FROM, TO, "api");

        assertThat(run).extracting(IngestRun::kind, IngestRun::status, IngestRun::pages, IngestRun::messages,
                IngestRun::alertsInserted, IngestRun::duplicates, IngestRun::unparsed, IngestRun::unmapped,
                IngestRun::error, IngestRun::requestedBy, IngestRun::windowFrom, IngestRun::windowTo)
                .containsExactly("lark_pipeline", "succeeded", 3, 6, 5, 0, 1, 1, null, "api", FROM, TO);
        // 4 alert messages; the recalled one and the user's reply are skipped; StarRocksBEDown is an
        // alias of BE Service Suspension: one recommendation for c-1, one for the unmapped alert
        assertThat(run.detail()).isEqualTo(new IngestRun.Detail(4, 1, 1, 0, 2));
        assertThat(count("SELECT count(*) FROM alerts.lark_alerts WHERE ingest_run_id = ? AND source = 'lark'",
                run.runId())).isEqualTo(5);
        assertThat(count("SELECT count(*) FROM alerts.alert_recommendations WHERE source = 'rules'")).isEqualTo(2);
        IngestRun stored = lark.runs().find(run.runId()).orElseThrow();
        assertThat(stored).usingRecursiveComparison().ignoringFields("detail").isEqualTo(run);
        assertThat(stored.finishedAt()).isNotNull();
    }

    @Test
    void reRunningAWindowAddsNothing() {
        lark.pipeline().run(FROM, TO, "api");
        IngestRun again = lark.pipeline().run(FROM, TO, "api");
        assertThat(again).extracting(IngestRun::status, IngestRun::alertsInserted, IngestRun::duplicates)
                .containsExactly("succeeded", 0, 5);
        assertThat(again.detail().recommendations()).isZero();
        assertThat(count("SELECT count(*) FROM alerts.lark_alerts")).isEqualTo(5);
        assertThat(count("SELECT count(*) FROM alerts.alert_recommendations")).isEqualTo(2);
        assertThat(lark.runs().list(null, 10)).hasSize(2);
    }

    @Test
    void aFailedRunKeepsItsCommittedPagesAndARerunFinishesTheWindow() {
        AtomicBoolean broken = new AtomicBoolean(true);
        server.route(MESSAGES_PATH, r -> broken.get() && "token-1".equals(r.query().get("page_token"))
                ? Reply.of(400, resource("im-v1-messages-list.error-examples.json").get("bot_not_in_group_http400").toString())
                : pageFor(r, pages));
        IngestRun failed = lark.pipeline().run(FROM, TO, "api");
        assertThat(failed).extracting(IngestRun::status, IngestRun::pages, IngestRun::alertsInserted)
                .containsExactly("failed", 1, 3);
        assertThat(failed.error()).contains("230002", "bot can not be outside the group");

        broken.set(false);
        IngestRun rerun = lark.pipeline().run(FROM, TO, "api");
        assertThat(rerun).extracting(IngestRun::status, IngestRun::alertsInserted, IngestRun::duplicates)
                .containsExactly("succeeded", 2, 3);
        assertThat(count("SELECT count(*) FROM alerts.lark_alerts")).isEqualTo(5);
    }

    @Test
    void oneRunAtATime() throws Exception {
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        server.route(MESSAGES_PATH, r -> {
            inside.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return pageFor(r, pages);
        });
        CompletableFuture<IngestRun> first = CompletableFuture.supplyAsync(() -> lark.pipeline().run(FROM, TO, "api"));
        assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();
        assertThatThrownBy(() -> lark.pipeline().run(FROM, TO, "api")).isInstanceOf(LarkPipeline.CannotRun.class)
                .hasMessageContaining("already running");
        // another process's run, seen through its record
        LarkTestWiring other = LarkTestWiring.of(store.dataSource(), new DuckDbDialect(), server.properties(CHAT));
        assertThatThrownBy(() -> other.pipeline().run(FROM, TO, "api")).isInstanceOf(LarkPipeline.CannotRun.class)
                .hasMessageContaining(" is already running");
        release.countDown();
        assertThat(first.get(10, TimeUnit.SECONDS).status()).isEqualTo("succeeded");
    }

    @Test
    void aRunLeftRunningByADeadProcessIsAbandonedAndNoLongerBlocks() {
        IngestRun dead = lark.runs().start(IngestRuns.LARK_PIPELINE, FROM, TO, "schedule");
        lark.runs().save(new IngestRun(dead.runId(), dead.kind(), FROM, TO, Instant.now().minus(Duration.ofHours(3)),
                null, "running", 1, 50, 10, 0, 0, 0, null, "schedule", null));
        assertThat(lark.pipeline().run(FROM, TO, "api").status()).isEqualTo("succeeded");
        assertThat(lark.runs().find(dead.runId()).orElseThrow().status()).isEqualTo("abandoned");
    }

    @Test
    void refusesABadWindowAndAMissingConfiguration() {
        assertThatThrownBy(() -> lark.pipeline().run(TO, FROM, "api")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("before");
        assertThatThrownBy(() -> lark.pipeline().run(FROM, FROM.plus(Duration.ofDays(40)), "api"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("31 days");
        LarkTestWiring unconfigured = LarkTestWiring.of(store.dataSource(), new DuckDbDialect(),
                new LarkProperties(server.baseUrl(), null, null, null, null, null, null, null, null, null, null, null));
        assertThatThrownBy(() -> unconfigured.pipeline().run(FROM, TO, "api")).isInstanceOf(LarkPipeline.CannotRun.class)
                .hasMessageContaining("LARK_APP_ID");
    }

    @Test
    void theDailyRunReadsThePreviousDayAndRetriesFailedWindowsUntilOneSucceeds() {
        AtomicBoolean broken = new AtomicBoolean(true);
        server.route(MESSAGES_PATH, r -> broken.get() ? Reply.of(503, "") : pageFor(r, pages));
        Instant now = Instant.parse("2026-11-30T01:30:00Z");
        Instant threeDaysAgo = Instant.parse("2026-11-27T00:00:00Z");
        assertThat(lark.pipeline().run(threeDaysAgo, threeDaysAgo.plus(Duration.ofDays(1)), "schedule").status())
                .isEqualTo("failed");
        broken.set(false);

        List<IngestRun> daily = lark.pipeline().runDaily(now);
        assertThat(daily).extracting(IngestRun::windowFrom).containsExactly(Instant.parse("2026-11-29T00:00:00Z"),
                threeDaysAgo);
        assertThat(daily).allMatch(r -> r.status().equals("succeeded"));
        assertThat(lark.pipeline().runDaily(now)).extracting(IngestRun::windowFrom)
                .containsExactly(Instant.parse("2026-11-29T00:00:00Z"));
    }
}
