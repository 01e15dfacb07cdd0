package dev.byocfleet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one-shot commands start the store without a web server, do their work and return a status. */
class CliTest {

    @TempDir
    Path dataDir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream savedOut;
    private PrintStream savedErr;

    @BeforeEach
    void redirect() {
        System.setProperty("byoc.store.data-dir", dataDir.toString());
        savedOut = System.out;
        savedErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(savedOut);
        System.setErr(savedErr);
        System.clearProperty("byoc.store.data-dir");
    }

    @Test
    void generateThenRefreshThenBenchRunInAStoreWithoutAWebServer() throws Exception {
        Path report = dataDir.resolve("report.json");
        int code = Cli.run(new String[] {"generate", "--preset", "tiny", "--seed", "3", "--end", "2026-11-29T00:00",
                "--report", report.toString()});
        assertThat(code).as(err.toString()).isZero();
        assertThat(Files.readString(report)).contains("\"preset\"", "tiny", "byoc.cluster");
        assertThat(Files.exists(dataDir.resolve("byoc-fleet.duckdb"))).isTrue();
        assertThat(Files.exists(dataDir.resolve("ground-truth.json"))).isTrue();

        assertThat(Cli.run(new String[] {"refresh-snapshots"})).as(err.toString()).isZero();
        assertThat(out.toString()).contains("refreshed 0 hour(s)");

        assertThat(Cli.run(new String[] {"bench-rollup", "--repeat", "1"})).as(err.toString()).isZero();
        assertThat(out.toString()).contains("\"ratio\"");
    }

    @Test
    void generateRefusesAStoreThatHoldsAFleet() {
        String[] args = {"generate", "--preset", "tiny", "--end", "2026-11-29T00:00"};
        assertThat(Cli.run(args)).isZero();
        assertThat(Cli.run(args)).isEqualTo(2);
        assertThat(err.toString()).contains("--replace");
    }

    @Test
    void badArgumentsAreUsageErrorsNamingTheProblem() {
        assertThat(Cli.run(new String[] {"generate", "--preset", "huge"})).isEqualTo(2);
        assertThat(err.toString()).contains("unknown preset 'huge'");
        assertThat(Cli.run(new String[] {"generate", "--end", "yesterday"})).isEqualTo(2);
        assertThat(Cli.run(new String[] {"no-such-command"})).isEqualTo(2);
    }

    @Test
    void loadsAFolderTwiceAddingNothingTheSecondTimeAndReportsUnreadableFiles() throws Exception {
        Path results = Files.createDirectories(dataDir.resolve("mcp"));
        try (InputStream in = getClass().getResourceAsStream(
                "/ingest/lark/constructed-mcp-im_v1_message_list.call-tool-result.json")) {
            Files.write(results.resolve("page-1.json"), in.readAllBytes());
        }
        assertThat(Cli.run(new String[] {"lark-load", results.toString()})).as(err.toString()).isZero();
        assertThat(out.toString()).contains("lark-load succeeded: 1 file(s), 1 page(s), 6 message(s); 5 alert(s) loaded, "
                + "0 duplicate(s), 1 unparsed");

        Files.writeString(results.resolve("page-2.json"), "{\"isError\":true,\"content\":[{\"type\":\"text\",\"text\":"
                + "\"{\\\"code\\\":99991672,\\\"msg\\\":\\\"Access denied\\\"}\"}]}");
        assertThat(Cli.run(new String[] {"lark-load", results.toString()})).isEqualTo(1);
        assertThat(out.toString()).contains("lark-load partial: 2 file(s), 1 page(s), 6 message(s); 0 alert(s) loaded, "
                + "5 duplicate(s)");
        assertThat(err.toString()).contains("page-2.json: the tool call failed: Lark error code 99991672: Access denied");
    }

    @Test
    void pullWithoutALarkAppCannotRun() {
        assertThat(Cli.run(new String[] {"lark-pull", "--from", "2026-11-28", "--to", "2026-11-29"})).isEqualTo(2);
        assertThat(err.toString()).contains("Lark is not configured");
        assertThat(Cli.run(new String[] {"lark-pull", "--from", "last week"})).isEqualTo(2);
        assertThat(err.toString()).contains("ISO-8601");
    }
}
