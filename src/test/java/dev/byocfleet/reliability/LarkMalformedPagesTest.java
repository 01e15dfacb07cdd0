package dev.byocfleet.reliability;

import dev.byocfleet.ingest.Payloads;
import dev.byocfleet.ingest.lark.IngestRun;
import dev.byocfleet.ingest.lark.LarkLoader;
import dev.byocfleet.ingest.lark.LarkProperties;
import dev.byocfleet.ingest.lark.LarkReplayServer;
import dev.byocfleet.ingest.lark.LarkReplayServer.Reply;
import dev.byocfleet.ingest.lark.LarkTestWiring;
import dev.byocfleet.store.DuckDbDialect;
import dev.byocfleet.support.TestStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import static dev.byocfleet.ingest.lark.LarkClientTest.CHAT;
import static dev.byocfleet.ingest.lark.LarkClientTest.FROM;
import static dev.byocfleet.ingest.lark.LarkClientTest.TO;
import static dev.byocfleet.ingest.lark.LarkClientTest.tokenReply;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The seeded hostile-input corpus for Lark: 1,000 message-list pages served by the replay of the
 * Lark API, each the only page of one pipeline run, and 1,000 saved MCP results given to the loader
 * one file at a time. Nothing throws; a run that fails says why and stored nothing; a file the loader
 * refuses is reported with its reason and stored nothing.
 */
class LarkMalformedPagesTest {

    private final TestStore store = new TestStore();
    private final JdbcTemplate jdbc = new JdbcTemplate(store.dataSource());
    private final LarkReplayServer server = new LarkReplayServer();

    @AfterEach
    void close() {
        server.close();
        store.close();
    }

    private long stored() {
        return jdbc.queryForObject("SELECT count(*) FROM alerts.lark_alerts", Long.class);
    }

    @Test
    void thePipelineSurvivesEveryHostilePage() {
        List<byte[]> pages = HostileBodies.from(Payloads.bytes("lark/constructed-alert-channel-page.json"), 20261129,
                MalformedInputIT.PER_ENDPOINT);
        AtomicReference<byte[]> current = new AtomicReference<>();
        server.route(LarkReplayServer.TOKEN_PATH, r -> Reply.ok(tokenReply("t-1")));
        server.route(LarkReplayServer.MESSAGES_PATH, r -> r.query().get("page_token") == null
                ? Reply.ok(new String(current.get(), StandardCharsets.UTF_8))
                // a hostile page may point at a next page: there is none
                : Reply.of(400, "{\"code\":230001,\"msg\":\"invalid page_token\"}"));
        LarkProperties p = server.properties(CHAT);
        LarkTestWiring lark = LarkTestWiring.of(store.dataSource(), new DuckDbDialect(), new LarkProperties(p.baseUrl(),
                p.appId(), p.appSecret(), CHAT, null, 50, 1, Duration.ofMillis(1), Duration.ofMillis(1),
                Duration.ofSeconds(5), null, null));
        List<String> failures = new ArrayList<>();
        int failed = 0;
        for (byte[] page : pages) {
            current.set(page);
            long before = stored();
            IngestRun run = lark.pipeline().run(FROM, TO, "corpus");
            String shown = new String(page, 0, Math.min(page.length, 120), StandardCharsets.UTF_8);
            if (run.status().equals("failed")) {
                failed++;
                if (run.error() == null || run.error().isBlank()) {
                    failures.add("a failed run without an error for " + shown);
                }
                if (run.pages() == 0 && stored() != before) {
                    failures.add("a refused page stored " + (stored() - before) + " rows: " + shown);
                }
            } else if (!run.status().equals("succeeded")) {
                failures.add(run.status() + " for " + shown);
            }
        }
        assertThat(failures).isEmpty();
        assertThat(failed).as("hostile pages refused").isGreaterThan(pages.size() / 2);
    }

    @Test
    void theLoaderReportsEveryHostileFileAndStoresNothingOfIt() throws Exception {
        List<byte[]> files = HostileBodies.from(Payloads.bytes("lark/constructed-mcp-im_v1_message_list.call-tool-result.json"),
                1129, MalformedInputIT.PER_ENDPOINT);
        LarkLoader loader = LarkTestWiring.of(store.dataSource(), new DuckDbDialect(), server.properties(CHAT)).loader();
        Path dir = store.dir().resolve("hostile");
        Files.createDirectories(dir);
        List<String> failures = new ArrayList<>();
        int refused = 0;
        for (int i = 0; i < files.size(); i++) {
            Path file = dir.resolve("result-" + i + (i % 5 == 0 ? ".jsonl" : ".json"));
            Files.write(file, files.get(i));
            long before = stored();
            LarkLoader.LoadReport report = loader.load(file, "corpus");
            if (!report.problems().isEmpty()) {
                refused++;
                if (report.problems().stream().anyMatch(pr -> pr.reason() == null || pr.reason().isBlank())) {
                    failures.add("a problem without a reason for " + file);
                }
                if (report.run().alertsInserted() == 0 && stored() != before) {
                    failures.add("a refused file stored rows: " + file);
                }
            }
            Files.delete(file);
        }
        assertThat(failures).isEmpty();
        assertThat(refused).as("hostile files refused").isGreaterThan(files.size() / 2);
    }
}
