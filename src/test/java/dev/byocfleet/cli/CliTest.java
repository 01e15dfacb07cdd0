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

    @Test
    void secretsRotateReEncryptsEveryStoredCredentialOrChangesNothing() throws Exception {
        Path key1 = Files.writeString(dataDir.resolve("new-1.key"), "vG3Gf3ZiXz7GxrQKzfL0wC8f5m1D3tHk7mC9QeYkR8A=\n");
        Path key2 = Files.writeString(dataDir.resolve("new-2.key"), "Zm9vYmFyYmF6cXV4Zm9vYmFyYmF6cXV4Zm9vYmFyYmE=\n");
        Path shortKey = Files.writeString(dataDir.resolve("short.key"), "c2hvcnQ=");
        // refused before anything starts: a key that is not 32 bytes of base64, a missing file
        assertThat(Cli.run(new String[] {"secrets", "rotate", "--new-key-file", shortKey.toString()})).isEqualTo(2);
        assertThat(err.toString()).contains("must be 32 bytes, not 5");
        assertThat(Cli.run(new String[] {"secrets", "rotate", "--new-key-file", dataDir.resolve("none").toString()}))
                .isEqualTo(2);
        assertThat(err.toString()).contains("cannot read the new key file");

        // an empty store (created by this first run, with its secrets.key)
        assertThat(Cli.run(new String[] {"secrets", "rotate", "--new-key-file", key1.toString()})).as(err.toString()).isZero();
        assertThat(out.toString()).contains("re-encrypted 0 MCP servers, 0 notification channels from key id ");

        // rows saved in plaintext before encryption: the start-up migration seals them, the rotation re-seals them
        sql("INSERT INTO alerts.notification_channels VALUES ('ch-1', 'Ops', 'webhook', "
                + "'{\"url\":\"https://hooks.example.com/h?t=chan-url-tok3n\",\"auth\":\"bearer\",\"secret\":\"chan-s3cret\"}', "
                + "NULL, true, now(), now())");
        sql("INSERT INTO alerts.chat_mcp_servers (name, url, headers, writable, created_at, updated_at) VALUES ('docs', "
                + "'https://mcp.example.com/mcp?token=mcp-url-tok3n', '{\"Authorization\":\"Bearer mcp-h3ader\"}', false, "
                + "now(), now())");
        assertThat(Cli.run(new String[] {"secrets", "rotate", "--new-key-file", key1.toString()})).as(err.toString()).isZero();
        assertThat(out.toString()).contains("re-encrypted 1 MCP servers, 1 notification channels from key id ");
        String rotated = stored();
        assertThat(rotated).doesNotContain("chan-url-tok3n", "chan-s3cret", "mcp-url-tok3n", "mcp-h3ader")
                .contains("enc:v1:");

        // the operator starts with the new key; a value it cannot decrypt stops the next rotation, nothing changed
        Files.copy(key1, dataDir.resolve("secrets.key"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        sql("INSERT INTO alerts.notification_channels VALUES ('ch-2', 'Other key', 'webhook', "
                + "'{\"url\":\"enc:v1:00000000:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\",\"auth\":\"none\"}', NULL, true, now(), now())");
        String before = stored();
        assertThat(Cli.run(new String[] {"secrets", "rotate", "--new-key-file", key2.toString()})).isEqualTo(1);
        assertThat(err.toString()).contains("nothing changed: notification channel ch-2: ",
                "cannot be decrypted with the current key");
        assertThat(stored()).isEqualTo(before);

        // without it, every value (sealed by the first rotation) opens with the new key and rotates again
        sql("DELETE FROM alerts.notification_channels WHERE channel_id = 'ch-2'");
        assertThat(Cli.run(new String[] {"secrets", "rotate", "--new-key-file", key2.toString()})).as(err.toString()).isZero();
        assertThat(stored()).isNotEqualTo(rotated).doesNotContain("chan-s3cret", "mcp-h3ader");
        // they are under key2 now: with key2 as the current key they open (and go back to key1)
        Files.copy(key2, dataDir.resolve("secrets.key"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        out.reset();
        assertThat(Cli.run(new String[] {"secrets", "rotate", "--new-key-file", key1.toString()})).as(err.toString()).isZero();
        assertThat(out.toString()).contains("re-encrypted 1 MCP servers, 1 notification channels from key id ");
    }

    private void sql(String statement) throws Exception {
        try (var c = java.sql.DriverManager.getConnection("jdbc:duckdb:" + dataDir.resolve("byoc-fleet.duckdb"));
             var st = c.createStatement()) {
            st.execute(statement);
        }
    }

    /** Every stored credential column, in a fixed order. */
    private String stored() throws Exception {
        StringBuilder all = new StringBuilder();
        try (var c = java.sql.DriverManager.getConnection("jdbc:duckdb:" + dataDir.resolve("byoc-fleet.duckdb"));
             var st = c.createStatement();
             var rs = st.executeQuery("SELECT channel_id || ' ' || CAST(config AS VARCHAR) FROM alerts.notification_channels "
                     + "UNION ALL SELECT name || ' ' || url || ' ' || coalesce(headers, '') FROM alerts.chat_mcp_servers "
                     + "ORDER BY 1")) {
            while (rs.next()) {
                all.append(rs.getString(1)).append('\n');
            }
        }
        return all.toString();
    }
}
