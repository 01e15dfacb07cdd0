import java.io.IOException;
import java.net.ServerSocket;
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
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * kill -9 during sustained webhook intake (run by bench/reliability.sh, and in a short form by
 * scripts/reliability-check.sh in `mvn verify`): starts the jar, has N senders deliver Alertmanager
 * notifications (10 alerts each, unique fingerprints) and retry each until it gets a 2xx, as
 * Alertmanager does; kills the app with SIGKILL mid-intake (--kills times), restarts it on the same
 * data each time, lets the senders finish, redelivers every notification once more, stops the app and
 * reads the DuckDB file: every alert whose notification got a 2xx must be there exactly once, and
 * the redelivery must have inserted nothing.
 *
 * By time (the bench): each kill after --before-kill-s of intake, senders stop --after-restart-s after
 * the last restart. By count (--notifications N > 0, the CI check): the senders send N notifications
 * in all; kill k of K comes once k*N/(K+1) of them were acknowledged, so it always falls mid-intake.
 *
 * java -cp duckdb_jdbc.jar bench/ReliabilityKill.java --java J --jar JAR --data DIR [--port P (0: a free one)]
 *      [--token T] [--senders 4] [--before-kill-s 6] [--after-restart-s 6] [--kills 1] [--notifications 0]
 *      [--pause-ms 0 (per sender after each 2xx)] [--preset tiny] [--out FILE.json]
 */
public class ReliabilityKill {

    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    static final int ALERTS_PER_NOTIFICATION = 10;
    /** Every app process started, so that an early exit (failure, Ctrl-C) leaves none running. */
    static final List<Process> STARTED = new CopyOnWriteArrayList<>();

    public static void main(String[] args) throws Exception {
        Map<String, String> a = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            a.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> STARTED.forEach(Process::destroyForcibly)));
        String java = a.get("java"), jar = a.get("jar");
        String token = a.getOrDefault("token", "kill-" + UUID.randomUUID());
        Path data = Path.of(a.get("data"));
        int port = Integer.parseInt(a.getOrDefault("port", "0"));
        if (port == 0) {
            try (ServerSocket free = new ServerSocket(0)) {
                port = free.getLocalPort();
            }
        }
        int senders = Integer.parseInt(a.getOrDefault("senders", "4"));
        long beforeKill = Long.parseLong(a.getOrDefault("before-kill-s", "6"));
        long afterRestart = Long.parseLong(a.getOrDefault("after-restart-s", "6"));
        int kills = Integer.parseInt(a.getOrDefault("kills", "1"));
        int total = Integer.parseInt(a.getOrDefault("notifications", "0"));
        String preset = a.getOrDefault("preset", "tiny");
        long pauseMillis = Long.parseLong(a.getOrDefault("pause-ms", "0"));
        String url = "http://127.0.0.1:" + port + "/api/webhooks/alertmanager";

        Process app = start(java, jar, data, port, token, preset, "app-1.log");
        waitHealthy(port, app);
        Map<String, byte[]> sent = new ConcurrentHashMap<>();
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicInteger refusedOrFailed = new AtomicInteger();
        AtomicInteger tickets = new AtomicInteger();
        AtomicBoolean generating = new AtomicBoolean(true);
        List<Thread> threads = new ArrayList<>();
        for (int s = 0; s < senders; s++) {
            int sender = s;
            threads.add(Thread.ofPlatform().start(() -> {
                for (int n = 0; generating.get() && (total <= 0 || tickets.getAndIncrement() < total); n++) {
                    String id = "kill-" + sender + "-" + n;
                    byte[] body = notification(id);
                    sent.put(id, body);
                    while (true) {
                        int status = deliver(url, token, body);
                        if (status / 100 == 2) {
                            acknowledged.add(id);
                            sleep(pauseMillis);
                            break;
                        }
                        refusedOrFailed.incrementAndGet();
                        sleep(200);
                    }
                }
            }));
        }
        List<Integer> ackedAtKills = new ArrayList<>();
        Duration downFor = Duration.ZERO;
        for (int k = 1; k <= kills; k++) {
            if (total > 0) {
                int due = k * total / (kills + 1);
                while (acknowledged.size() < due) {
                    sleep(2);
                }
            } else {
                sleep(beforeKill * 1000);
            }
            ackedAtKills.add(acknowledged.size());
            Instant killedAt = Instant.now();
            new ProcessBuilder("kill", "-9", String.valueOf(app.pid())).inheritIO().start().waitFor();
            app.waitFor();
            System.out.printf("killed the app (kill -9) after %d acknowledged notifications%n", ackedAtKills.getLast());
            app = start(java, jar, data, port, token, preset, "app-" + (k + 1) + ".log");
            waitHealthy(port, app);
            downFor = downFor.plus(Duration.between(killedAt, Instant.now()));
        }
        Process again = app;
        if (total <= 0) {
            // by time: the senders stop a while after the last restart; by count they stop when all are sent
            sleep(afterRestart * 1000);
            generating.set(false);
        }
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
        STARTED.remove(again);

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
        // a kill after the last acknowledgement would test nothing (count mode can tell)
        boolean killsMidIntake = total <= 0 || ackedAtKills.stream().allMatch(n -> n < total);
        boolean ok = missing == 0 && duplicated == 0 && redeliveryInserted == 0 && acknowledged.size() == sent.size()
                && killsMidIntake;
        String json = """
                {"senders": %d, "kills": %d, "notifications_sent": %d, "notifications_acknowledged": %d, "acknowledged_at_kill": "%s",
                 "alerts_per_notification": %d, "alerts_stored": %d, "acknowledged_alerts_missing": %d,
                 "alerts_stored_more_than_once": %d, "deliveries_refused_or_failed": %d, "redelivery_inserted": %d,
                 "seconds_from_kill_to_healthy": %.1f, "kills_mid_intake": %s, "passed": %s}
                """.formatted(senders, kills, sent.size(), acknowledged.size(),
                ackedAtKills.stream().map(String::valueOf).collect(Collectors.joining(" / ")), ALERTS_PER_NOTIFICATION, counts.size(),
                missing, duplicated, refusedOrFailed.get(), redeliveryInserted, downFor.toMillis() / 1000.0, killsMidIntake, ok);
        System.out.print(json);
        if (a.containsKey("out")) {
            Files.writeString(Path.of(a.get("out")), json);
        }
        System.exit(ok ? 0 : 1);
    }

    static Process start(String java, String jar, Path data, int port, String token, String preset, String log)
            throws IOException {
        ProcessBuilder pb = new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED", "-Xmx1g", "-jar", jar, "serve",
                "--server.address=127.0.0.1");
        pb.environment().putAll(Map.of("BYOC_DATA_DIR", data.toString(), "BYOC_DEMO_PRESET", preset,
                "BYOC_WEBHOOK_TOKEN", token, "SERVER_PORT", String.valueOf(port), "BYOC_SNAPSHOT_REFRESH_ENABLED", "false",
                "BYOC_HEALTH_SCHEDULE_ENABLED", "false", "BYOC_ANALYSIS_SCHEDULE_ENABLED", "false", "BYOC_LARK_CRON", "-"));
        pb.redirectErrorStream(true).redirectOutput(data.resolveSibling(log).toFile());
        Process p = pb.start();
        STARTED.add(p);
        return p;
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
