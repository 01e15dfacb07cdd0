package dev.byocfleet.ingest.lark;

import static dev.byocfleet.ingest.lark.LarkClientTest.CHAT;
import static dev.byocfleet.ingest.source.lark.LarkItems.resource;
import static org.assertj.core.api.Assertions.assertThat;

import dev.byocfleet.ingest.lark.LarkLoader.LoadReport;
import dev.byocfleet.store.DuckDbDialect;
import dev.byocfleet.support.TestStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

/** Saved im_v1_message_list results in every wrapping (refs/formats/lark constructed-mcp-*). */
class LarkLoaderTest {

    private final TestStore store = new TestStore();
    private final JdbcTemplate jdbc = new JdbcTemplate(store.dataSource());
    private final LarkReplayServer server = new LarkReplayServer();
    private LarkTestWiring lark;

    @TempDir
    Path dir;

    @BeforeEach
    void wire() {
        jdbc.update("INSERT INTO byoc.cluster (cluster_id, cluster_name) VALUES ('c-2', 'sr-prod-02')");
        lark = LarkTestWiring.of(store.dataSource(), new DuckDbDialect(), server.properties(CHAT));
    }

    @AfterEach
    void close() {
        server.close();
        store.close();
    }

    private Path copy(String resource) throws IOException {
        Path file = dir.resolve(resource);
        Files.writeString(file, resource(resource).toString());
        return file;
    }

    @Test
    void loadsACallToolResultAndItsJsonRpcTwinOnce() throws IOException {
        copy("constructed-mcp-im_v1_message_list.call-tool-result.json");
        copy("constructed-mcp-im_v1_message_list.jsonrpc.json");
        LoadReport report = lark.loader().load(dir, "cli");

        assertThat(report.problems()).isEmpty();
        assertThat(report.files()).isEqualTo(2);
        assertThat(report.run()).extracting(IngestRun::kind, IngestRun::status, IngestRun::pages, IngestRun::messages,
                IngestRun::alertsInserted, IngestRun::duplicates, IngestRun::unparsed)
                .containsExactly("lark_loader", "succeeded", 2, 12, 5, 5, 1);
        assertThat(report.run().windowFrom()).isEqualTo(Instant.ofEpochMilli(1795926602900L));
        assertThat(report.run().windowTo()).isEqualTo(Instant.ofEpochMilli(1795927000001L));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM alerts.lark_alerts WHERE source = 'lark_mcp'", Long.class))
                .isEqualTo(5);
    }

    @Test
    void reportsErrorResultsArgumentsAndBrokenFilesWithTheirReasons() throws IOException {
        copy("constructed-mcp-im_v1_message_list.call-tool-result.json");
        Path error = copy("constructed-mcp-im_v1_message_list.error.json");
        Path arguments = copy("mcp-im_v1_message_list.call-arguments.json");
        Path broken = Files.writeString(dir.resolve("broken.json"), "{\"content\":[{\"type\":\"text\",\"text\":\"{\\\"has_more\\\":\"}]}");
        Path truncated = Files.writeString(dir.resolve("truncated.json"), "{\"content\":[{\"type\":\"te");
        Files.writeString(dir.resolve("notes.md"), "not a result, not read");
        LoadReport report = lark.loader().load(dir, "cli");

        assertThat(report.run().status()).isEqualTo("partial");
        assertThat(report.run().alertsInserted()).isEqualTo(5);
        assertThat(report.files()).isEqualTo(5);
        assertThat(report.problems()).extracting(LarkLoader.FileProblem::file).containsExactly(broken.toString(),
                error.toString(), arguments.toString(), truncated.toString());
        assertThat(report.problems().get(0).reason()).startsWith("text content is not JSON");
        assertThat(report.problems().get(1).reason())
                .isEqualTo("the tool call failed: Lark error code 230002: The bot can not be outside the group.");
        assertThat(report.problems().get(2).reason()).contains("arguments, not its result");
        assertThat(report.problems().get(3).reason()).startsWith("not JSON");
        assertThat(report.run().error()).contains("4 problem(s)", "230002");
    }

    @Test
    void readsTheRawApiBodyBareTextListsOfResultsAndJsonLines() throws IOException {
        String page = resource("constructed-alert-channel-page.json").toString();
        String data = resource("constructed-alert-channel-page.json").get("data").toString();
        Files.writeString(dir.resolve("a-raw-api-body.json"), page);
        Files.writeString(dir.resolve("b-bare-text.json"), "\"" + data.replace("\\", "\\\\").replace("\"", "\\\"") + "\"");
        Files.writeString(dir.resolve("c-list.json"), "[" + resource("constructed-mcp-im_v1_message_list.call-tool-result.json")
                + "," + resource("constructed-mcp-im_v1_message_list.jsonrpc.json") + "]");
        Files.writeString(dir.resolve("d-lines.jsonl"), data + "\n\n" + page + "\n");
        LoadReport report = lark.loader().load(dir, "cli");
        assertThat(report.problems()).isEmpty();
        assertThat(report.run()).extracting(IngestRun::pages, IngestRun::alertsInserted, IngestRun::duplicates)
                .containsExactly(6, 5, 25);
    }

    @Test
    void whatThePipelinePulledTheLoaderDoesNotAddAgain() throws IOException {
        server.route(LarkReplayServer.TOKEN_PATH, r -> LarkReplayServer.Reply.ok(LarkClientTest.tokenReply("t-1")))
                .route(LarkReplayServer.MESSAGES_PATH, r -> LarkReplayServer.Reply.ok(
                        resource("constructed-alert-channel-page.json").toString().replace("\"has_more\":true", "\"has_more\":false")));
        IngestRun pulled = lark.pipeline().run(LarkClientTest.FROM, LarkClientTest.TO, "api");
        assertThat(pulled.alertsInserted()).isEqualTo(5);
        LoadReport loaded = lark.loader().load(copy("constructed-mcp-im_v1_message_list.call-tool-result.json"), "cli");
        assertThat(loaded.run()).extracting(IngestRun::alertsInserted, IngestRun::duplicates).containsExactly(0, 5);
    }

    @Test
    void aMissingPathFailsWithTheReason() {
        LoadReport report = lark.loader().load(dir.resolve("nowhere"), "cli");
        assertThat(report.run().status()).isEqualTo("failed");
        assertThat(report.problems()).singleElement().extracting(LarkLoader.FileProblem::reason)
                .isEqualTo("no such file or folder");
        assertThat(lark.runs().find(report.run().runId())).isPresent();
    }
}
