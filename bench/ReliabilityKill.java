import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * kill -9 during sustained webhook intake (run by bench/reliability.sh, never by the tests): starts
 * the jar, has N senders deliver Alertmanager notifications (10 alerts each, unique fingerprints)
 * and retry each until it gets a 2xx, as Alertmanager does; kills the app with SIGKILL mid-intake,
 * restarts it on the same data, lets the senders finish, redelivers every notification once more,
 * stops the app and reads the DuckDB file: every alert whose notification got a 2xx must be there
 * exactly once, and the redelivery must have inserted nothing.
 *
 * java -cp duckdb_jdbc.jar bench/ReliabilityKill.java --java J --jar JAR --data DIR --port P --token T
 *      [--senders 4] [--before-kill-s 6] [--after-restart-s 6] [--out FILE.json]
 */
public class ReliabilityKill {

    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    static final int ALERTS_PER_NOTIFICATION = 10;

    public static void main(String[] args) throws Exception {
        Map<String, String> a = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            a.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        String java = a.get("java"), jar = a.get("jar"), token = a.get("token");
        Path data = Path.of(a.get("data"));
        int port = Integer.parseInt(a.get("port"));
        int senders = Integer.parseInt(a.getOrDefault("senders", "4"));
        long beforeKill = Long.parseLong(a.getOrDefault("before-kill-s", "6"));
        long afterRestart = Long.parseLong(a.getOrDefault("after-restart-s", "6"));
        String url = "http://127.0.0.1:" + port + "/api/webhooks/alertmanager";

        Process app = start(java, jar, data, port, token, "app-1.log");
        waitHealthy(port, app);
        Map<String, byte[]> sent = new ConcurrentHashMap<>();
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicInteger refusedOrFailed = new AtomicInteger();
        AtomicBoolean generating = new AtomicBoolean(true);
        List<Thread> threads = new ArrayList<>();
        for (int s = 0; s < senders; s++) {
            int sender = s;
            threads.add(Thread.ofPlatform().start(() -> {
                for (int n = 0; generating.get(); n++) {
                    String id = "kill-" + sender + "-" + n;
                    byte[] body = notification(id);
                    sent.put(id, body);
                    while (true) {
                        int status = deliver(url, token, body);
                        if (status / 100 == 2) {
                            acknowledged.add(id);
                            break;
                        }
                        refusedOrFailed.incrementAndGet();
                        sleep(200);
                    }
                }
            }));
        }
        sleep(beforeKill * 1000);
        int ackedAtKill = acknowledged.size();
        Instant killedAt = Instant.now();
        new ProcessBuilder("kill", "-9", String.valueOf(app.pid())).inheritIO().start().waitFor();
        app.waitFor();
        System.out.printf("killed the app (kill -9) after %d acknowledged notifications%n", ackedAtKill);
        Process again = start(java, jar, data, port, token, "app-2.log");
        waitHealthy(port, again);
        Duration downFor = Duration.between(killedAt, Instant.now());
        sleep(afterRestart * 1000);
        generating.set(false);
        for (Thread t : threads) {
            t.join();
        }
        int redeliveryInserted = 0;
        for (byte[] body : sent.values()) {
            HttpResponse<String> r = post(url, token, body);
            if (r.statusCode() != 200) {
                throw new IllegalStateException("redelivery answered " + r.statusCode() + ": " + r.body());
            }
            redeliveryInserted += Integer.parseInt(r.body().replaceAll(".*\"inserted\"\\s*:\\s*(\\d+).*", "$1"));
        }
        again.destroy();
        again.waitFor();

        Map<String, Integer> counts = new HashMap<>();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + data.resolve("byoc-fleet.duckdb"));
             ResultSet rs = c.createStatement().executeQuery(
                     "SELECT fingerprint, count(*) FROM alerts.lark_alerts WHERE fingerprint LIKE 'kill-%' GROUP BY fingerprint")) {
            while (rs.next()) {
                counts.put(rs.getString(1), rs.getInt(2));
            }
        }
        int missing = 0, duplicated = 0;
        for (String id : acknowledged) {
            for (int i = 0; i < ALERTS_PER_NOTIFICATION; i++) {
                Integer n = counts.get(id + "-" + i);
                if (n == null) {
                    missing++;
                }
            }
        }
        for (int n : counts.values()) {
            if (n > 1) {
                duplicated++;
            }
        }
        boolean ok = missing == 0 && duplicated == 0 && redeliveryInserted == 0 && acknowledged.size() == sent.size();
        String json = """
                {"senders": %d, "notifications_sent": %d, "notifications_acknowledged": %d, "acknowledged_at_kill": %d,
                 "alerts_per_notification": %d, "alerts_stored": %d, "acknowledged_alerts_missing": %d,
                 "alerts_stored_more_than_once": %d, "deliveries_refused_or_failed": %d, "redelivery_inserted": %d,
                 "seconds_from_kill_to_healthy": %.1f, "passed": %s}
                """.formatted(senders, sent.size(), acknowledged.size(), ackedAtKill, ALERTS_PER_NOTIFICATION, counts.size(),
                missing, duplicated, refusedOrFailed.get(), redeliveryInserted, downFor.toMillis() / 1000.0, ok);
        System.out.print(json);
        if (a.containsKey("out")) {
            Files.writeString(Path.of(a.get("out")), json);
        }
        System.exit(ok ? 0 : 1);
    }

    static Process start(String java, String jar, Path data, int port, String token, String log) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED", "-Xmx1g", "-jar", jar, "serve",
                "--server.address=127.0.0.1");
        pb.environment().putAll(Map.of("BYOC_DATA_DIR", data.toString(), "BYOC_DEMO_PRESET", "tiny",
                "BYOC_WEBHOOK_TOKEN", token, "SERVER_PORT", String.valueOf(port), "BYOC_SNAPSHOT_REFRESH_ENABLED", "false",
                "BYOC_HEALTH_SCHEDULE_ENABLED", "false", "BYOC_ANALYSIS_SCHEDULE_ENABLED", "false", "BYOC_LARK_CRON", "-"));
        pb.redirectErrorStream(true).redirectOutput(data.resolveSibling(log).toFile());
        return pb.start();
    }

    static void waitHealthy(int port, Process app) throws InterruptedException {
        for (int i = 0; i < 600; i++) {
            if (!app.isAlive()) {
                throw new IllegalStateException("the app exited with " + app.exitValue() + " while starting; see its log");
            }
            try {
                HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/actuator/health")).timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            sleep(500);
        }
        throw new IllegalStateException("the app did not become healthy in 5 minutes");
    }

    static byte[] notification(String id) {
        StringBuilder alerts = new StringBuilder();
        for (int i = 0; i < ALERTS_PER_NOTIFICATION; i++) {
            alerts.append(i == 0 ? "" : ",").append("""
                    {"status":"firing","labels":{"alertname":"BE Service Suspension","cluster":"bench","severity":"critical"},\
                    "annotations":{"summary":"kill -9 bench"},"startsAt":"2026-11-28T10:00:00Z","endsAt":"0001-01-01T00:00:00Z",\
                    "generatorURL":"http://prometheus:9090/graph","fingerprint":"%s-%d"}""".formatted(id, i));
        }
        return ("{\"version\":\"4\",\"receiver\":\"byoc-fleet\",\"status\":\"firing\",\"groupKey\":\"" + id
                + "\",\"truncatedAlerts\":0,\"alerts\":[" + alerts + "]}").getBytes(StandardCharsets.UTF_8);
    }

    static int deliver(String url, String token, byte[] body) {
        try {
            return post(url, token, body).statusCode();
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    static HttpResponse<String> post(String url, String token, byte[] body) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
