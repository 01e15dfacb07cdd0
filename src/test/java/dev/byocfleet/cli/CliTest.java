package dev.byocfleet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
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
}
