package dev.byocfleet.ingest.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import dev.byocfleet.ingest.Payloads;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * End to end with a real Prometheus Alertmanager (Debian package prometheus-alertmanager, binary
 * /usr/bin/prometheus-alertmanager; .ci/run installs it): alerts pushed to its API reach our webhook
 * once as firing and once as resolved; after a restart on the same storage, the same alerts pushed
 * again (as Prometheus re-sends its active alerts) are delivered again and add nothing; alerts over
 * the receiver's max_alerts are counted as truncated.
 */
class AlertmanagerWebhookIT extends WebhookAppTestBase {

    static final Path BINARY = Path.of("/usr/bin/prometheus-alertmanager");
    static final Duration WAIT = Duration.ofSeconds(20);
    static final YAMLMapper YAML = new YAMLMapper();

    @TempDir
    Path dir;

    @Autowired
    MeterRegistry meters;

    private Process alertmanager;
    private int amPort;
    private final String run = UUID.randomUUID().toString().substring(0, 8);

    @BeforeEach
    void startAlertmanager() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(BINARY), "Prometheus Alertmanager is not installed ("
                + BINARY + " is missing): apt-get install -y prometheus-alertmanager");
        amPort = freePort();
        // The receiver config the reference payloads were captured with (bearer token, max_alerts 2),
        // pointed at this app, with timers short enough for a test.
        ObjectNode config = (ObjectNode) YAML.readTree(Payloads.bytes("alertmanager/alertmanager-bearer-maxalerts.yml"));
        ((ObjectNode) config.get("route")).put("group_wait", "1s").put("group_interval", "1s");
        config.putObject("global").put("resolve_timeout", "1h");
        ObjectNode webhook = (ObjectNode) config.at("/receivers/0/webhook_configs/0");
        webhook.put("url", "http://127.0.0.1:" + port + "/api/webhooks/alertmanager");
        ((ObjectNode) webhook.at("/http_config/authorization")).put("credentials", TOKEN);
        Files.writeString(dir.resolve("alertmanager.yml"), YAML.writeValueAsString(config));
        start();
    }

    @AfterEach
    void stopAlertmanager() throws InterruptedException {
        stop();
    }

    @Test
    void firingThenResolvedArriveOnceEachAndARestartedAlertmanagerRedeliveringAddsNothing() throws Exception {
        Instant startsAt = Instant.now().truncatedTo(ChronoUnit.MILLIS).minusSeconds(30);
        push(startsAt, null);
        awaitRows("firing", 2);

        push(startsAt, Instant.now().minusSeconds(1));
        awaitRows("resolved", 2);
        assertThat(rows("firing")).isEqualTo(2);
        List<Map<String, Object>> stored = jdbc.queryForList("""
                SELECT source, status, severity, alert_name, cluster_id, node, summary, generator_url, starts_at, ends_at
                FROM alerts.lark_alerts WHERE instr(CAST(labels AS VARCHAR), ?) > 0 ORDER BY status, node""", run);
        assertThat(stored).hasSize(4).allSatisfy(r -> assertThat(r).containsEntry("source", "alertmanager")
                .containsEntry("severity", "critical").containsEntry("alert_name", "BE Service Suspension")
                .containsEntry("cluster_id", "c-sr01").containsEntry("generator_url", "http://prometheus.local:9090/graph"));
        assertThat(stored).extracting(r -> r.get("node")).containsExactly("10.0.0.11:8040", "10.0.0.12:8040",
                "10.0.0.11:8040", "10.0.0.12:8040");
        assertThat(stored.get(0).get("ends_at")).isNull();
        assertThat(stored.get(2).get("ends_at")).isNotNull();

        double duplicatesBefore = duplicates();
        stop();
        start();
        push(startsAt, null);
        await("the restarted Alertmanager to deliver the firing alerts again", () -> duplicates() >= duplicatesBefore + 2);
        push(startsAt, Instant.now().minusSeconds(1));
        await("the restarted Alertmanager to deliver the resolved alerts again", () -> duplicates() >= duplicatesBefore + 4);
        assertThat(rows("firing")).isEqualTo(2);
        assertThat(rows("resolved")).isEqualTo(2);
    }

    @Test
    void alertsBeyondTheReceiversMaxAlertsAreCountedAsTruncated() throws Exception {
        double before = truncated();
        push(Instant.now().truncatedTo(ChronoUnit.MILLIS), null, "Data Disk Capacity Alert",
                List.of("10.0.0.11:8040", "10.0.0.12:8040", "10.0.0.13:8040"));
        await("a notification that left one alert out", () -> truncated() >= before + 1);
        awaitRows("firing", 2);
    }

    /** Two alerts of one group, as Prometheus posts them: firing without an end, resolved with one. */
    private void push(Instant startsAt, Instant endsAt) throws Exception {
        push(startsAt, endsAt, "BE Service Suspension", List.of("10.0.0.11:8040", "10.0.0.12:8040"));
    }

    private void push(Instant startsAt, Instant endsAt, String alertname, List<String> nodes) throws Exception {
        StringBuilder body = new StringBuilder("[");
        for (String node : nodes) {
            body.append(body.length() > 1 ? "," : "").append("""
                    {"labels": {"alertname": "%s", "cluster": "sr-prod-01", "instance": "%s",
                                "job": "StarRocks_sr-prod-01", "severity": "critical", "test_run": "%s"},
                     "annotations": {"summary": "BE %s is down"},
                     "generatorURL": "http://prometheus.local:9090/graph",
                     "startsAt": "%s"%s}""".formatted(alertname, node, run, node, startsAt,
                    endsAt == null ? "" : ", \"endsAt\": \"" + endsAt + "\""));
        }
        body.append("]");
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + amPort + "/api/v2/alerts"))
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    }

    private int rows(String status) {
        return jdbc.queryForObject("SELECT count(*) FROM alerts.lark_alerts WHERE status = ? "
                + "AND instr(CAST(labels AS VARCHAR), ?) > 0", Integer.class, status, run);
    }

    private void awaitRows(String status, int count) throws Exception {
        await(count + " " + status + " alerts in the store", () -> rows(status) >= count);
        Thread.sleep(1_500); // longer than group_interval: a second, duplicate row would show by now
        assertThat(rows(status)).isEqualTo(count);
    }

    private double duplicates() {
        var counter = meters.find("byoc.webhook.alerts").tags("source", "alertmanager", "outcome", "duplicate").counter();
        return counter == null ? 0 : counter.count();
    }

    private double truncated() {
        var counter = meters.find("byoc.webhook.truncated.alerts").tags("source", "alertmanager").counter();
        return counter == null ? 0 : counter.count();
    }

    private void await(String what, BooleanSupplier condition) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return;
            }
            Thread.sleep(100);
        }
        fail("timed out waiting for " + what + "; Alertmanager log:\n" + Files.readString(dir.resolve("alertmanager.log")));
    }

    private void start() throws Exception {
        alertmanager = new ProcessBuilder(BINARY.toString(),
                "--config.file=" + dir.resolve("alertmanager.yml"),
                "--storage.path=" + dir.resolve("data"),
                "--web.listen-address=127.0.0.1:" + amPort,
                "--web.external-url=http://127.0.0.1:" + amPort,
                "--cluster.listen-address=",
                "--log.level=debug")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("alertmanager.log").toFile()))
                .start();
        await("Alertmanager to be ready", () -> {
            try {
                return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + amPort + "/-/ready"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
            } catch (IOException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        });
    }

    private void stop() throws InterruptedException {
        if (alertmanager != null && alertmanager.isAlive()) {
            alertmanager.destroy();
            if (!alertmanager.waitFor(10, TimeUnit.SECONDS)) {
                alertmanager.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
