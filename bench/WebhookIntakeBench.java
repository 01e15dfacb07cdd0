import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Webhook intake benchmark driver (run by bench/webhook-intake.sh with `java` source launch).
 * Sends the same alerts to Alertmanager's own intake (POST /api/v2/alerts, kept in memory) and to
 * our webhook (POST /api/webhooks/alertmanager, stored durably and deduplicated), each wrapped the
 * way that endpoint takes them, for a fixed number of requests per configuration, a few requests
 * in flight, and writes alerts/s and p50/p99 latency for both and their ratio.
 *
 *   java bench/WebhookIntakeBench.java --am URL --ours URL --token T --out bench/results/webhook-STAMP
 *        [--concurrency 4] [--rounds 3] [--warmup-rounds 1] [--max-warmup-rounds 12] [--warmup-jit-share 0.1]
 *        [--requests 1:5000,10:5000,100:1000] [--am-pid PID --app-pid PID] [--meta key=value ...]
 * Each configuration first runs untimed rounds of the same shape against both targets: at least
 * --warmup-rounds, and with our pid more while our JVM's JIT compiler threads took more than
 * --warmup-jit-share of our process's CPU in the last one (at most --max-warmup-rounds), so the timed
 * rounds measure the steady state rather than the compiler. With the two servers' pids, each round's
 * CPU per request (each server and its JIT share, this driver) and the machine's busy cores are
 * reported beside the rates.
 */
public class WebhookIntakeBench {

    record Config(String name, int batch, int requests, boolean redeliver) {}

    record Run(String target, Config config, int round, long alerts, double seconds, long[] latenciesNanos,
               int errors, int refused, long inserted, long duplicates, Cpu cpu) {
        double alertsPerSecond() {
            return alerts / seconds;
        }
    }

    /**
     * CPU over one timed round, per request: the target's server process, this load generator, and
     * how many of the machine's cores were busy on average (all processes); null without the pids.
     */
    record Cpu(double serverMsPerRequest, double jitMsPerRequest, double generatorMsPerRequest, double busyCores,
               double afterMsPerRequest, double secondsUntilIdle) {}

    /** The CPU counters at one moment: a process's user+system ticks, this process's CPU, the machine's busy ticks. */
    record CpuSample(long serverTicks, long jitTicks, long generatorNanos, long machineBusyTicks) {}

    /** Clock ticks per second of /proc's CPU times (USER_HZ, 100 on Linux). */
    static final double TICKS_PER_SECOND = 100;

    static final String[] RULES = {"BE Service Suspension", "Data Disk Capacity Alert", "High Compaction Pressure Alert",
            "Query Latency Alert", "Loading Failure Alert", "High FE JVM Usage Alert"};
    static final Pattern INSERTED = Pattern.compile("\"inserted\":(\\d+)");
    static final Pattern DUPLICATES = Pattern.compile("\"duplicates\":(\\d+)");

    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    final String amUrl;
    final String oursUrl;
    final String token;
    final int concurrency;
    int warmupRounds = 1;
    int maxWarmupRounds = 1;
    double warmupJitShare = 1;
    /** Per configuration: the warm-up rounds run and our JIT share in the last. */
    final Map<String, String> warmups = new LinkedHashMap<>();
    /** The server processes' pids, to read their CPU from /proc (0: not reported). */
    long amPid;
    long appPid;
    final String runId = UUID.randomUUID().toString().substring(0, 8);
    final AtomicLong seq = new AtomicLong();

    WebhookIntakeBench(String amUrl, String oursUrl, String token, int concurrency) {
        this.amUrl = amUrl;
        this.oursUrl = oursUrl;
        this.token = token;
        this.concurrency = concurrency;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opt = new LinkedHashMap<>();
        Map<String, String> meta = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            if (args[i].equals("--meta")) {
                String[] kv = args[i + 1].split("=", 2);
                meta.put(kv[0], kv[1]);
            } else {
                opt.put(args[i].substring(2), args[i + 1]);
            }
        }
        int concurrency = Integer.parseInt(opt.getOrDefault("concurrency", "4"));
        int rounds = Integer.parseInt(opt.getOrDefault("rounds", "3"));
        List<Config> configs = new ArrayList<>();
        for (String spec : opt.getOrDefault("requests", "1:5000,10:5000,100:1000").split(",")) {
            String[] p = spec.split(":");
            configs.add(new Config("batch " + p[0], Integer.parseInt(p[0]), Integer.parseInt(p[1]), false));
        }
        Config fresh10 = configs.stream().filter(c -> c.batch() == 10).findFirst().orElse(configs.getFirst());
        Config redeliver = new Config("batch " + fresh10.batch() + ", redelivered", fresh10.batch(), fresh10.requests(), true);
        WebhookIntakeBench bench = new WebhookIntakeBench(opt.get("am"), opt.get("ours"), opt.get("token"), concurrency);
        bench.warmupRounds = Integer.parseInt(opt.getOrDefault("warmup-rounds", "1"));
        bench.maxWarmupRounds = Math.max(bench.warmupRounds, Integer.parseInt(opt.getOrDefault("max-warmup-rounds", "12")));
        bench.warmupJitShare = Double.parseDouble(opt.getOrDefault("warmup-jit-share", "0.1"));
        bench.amPid = Long.parseLong(opt.getOrDefault("am-pid", "0"));
        bench.appPid = Long.parseLong(opt.getOrDefault("app-pid", "0"));
        meta.put("warmup_rounds_per_configuration", "at least " + bench.warmupRounds + ", at most " + bench.maxWarmupRounds
                + " (until our JIT share is at most " + bench.warmupJitShare + ")");
        bench.run(configs, redeliver, rounds, Path.of(opt.get("out")), meta);
    }

    void run(List<Config> configs, Config redeliverConfig, int rounds, Path out, Map<String, String> meta) throws Exception {
        String loadBefore = loadAverage();
        List<Run> runs = new ArrayList<>();
        List<String[]> lastFresh10 = null;
        for (Config c : configs) {
            // untimed rounds of the same shape first, for both targets: the JVM's JIT compiles the
            // configuration's path (a Go binary has nothing to compile), so the timed rounds measure
            // steady intake on both sides
            // (at least --warmup-rounds; with our pid, more while our JIT compiler threads still take
            // over --warmup-jit-share of our CPU, at most --max-warmup-rounds)
            int w = 0;
            double jitShare = Double.NaN;
            while (w < warmupRounds || (w < maxWarmupRounds && jitShare > warmupJitShare)) {
                w++;
                System.out.printf(Locale.ROOT, "%s: warm-up round %d (not counted)%n", c.name(), w);
                List<String[]> pairs = pairs(c);
                Run ours = both(new Config("warm-up", c.batch(), c.requests(), false), w, pairs).stream()
                        .filter(r -> r.target().equals("ours")).findFirst().orElseThrow();
                jitShare = ours.cpu() == null || ours.cpu().serverMsPerRequest() <= 0 ? Double.NaN
                        : ours.cpu().jitMsPerRequest() / ours.cpu().serverMsPerRequest();
                System.out.printf(Locale.ROOT, "  our JIT compiler's share of our CPU in that round: %.0f %%%n", 100 * jitShare);
            }
            warmups.put(c.name(), String.format(Locale.ROOT, "%d (our JIT share in the last: %.0f %%)", w, 100 * jitShare));
            for (int round = 1; round <= rounds; round++) {
                List<String[]> pairs = pairs(c);
                runs.addAll(both(c, round, pairs));
                if (c.batch() == redeliverConfig.batch()) {
                    lastFresh10 = pairs;
                }
            }
        }
        if (lastFresh10 != null) {
            for (int round = 1; round <= rounds; round++) {
                runs.addAll(both(redeliverConfig, round, lastFresh10));
            }
        }
        warmups.forEach((name, w) -> meta.put("warm-up rounds, " + name, w));
        meta.put("load_average_before", loadBefore);
        meta.put("load_average_after", loadAverage());
        write(runs, rounds, out, meta);
    }

    /** The same requests to both targets; which goes first alternates, so drift in the machine's load is shared. */
    List<Run> both(Config c, int round, List<String[]> pairs) throws InterruptedException {
        List<Run> runs = new ArrayList<>();
        for (String target : round % 2 == 1 ? List.of("alertmanager", "ours") : List.of("ours", "alertmanager")) {
            List<String> bodies = pairs.stream().map(p -> target.equals("ours") ? p[1] : p[0]).toList();
            Run r = measure(target, c, round, bodies);
            runs.add(r);
            System.out.printf(Locale.ROOT, "%-28s %-12s round %d: %,10.0f alerts/s  p50 %6.2f ms  p99 %7.2f ms  errors %d  refused %d%n",
                    c.name(), target, round, r.alertsPerSecond(), pct(r.latenciesNanos(), 50), pct(r.latenciesNanos(), 99),
                    r.errors(), r.refused());
        }
        return runs;
    }

    /** One request's worth of fresh alerts, as Alertmanager's API takes them and as its webhook sends them. */
    List<String[]> pairs(Config c) {
        List<String[]> pairs = new ArrayList<>(c.requests());
        for (int r = 0; r < c.requests(); r++) {
            pairs.add(pair(c.batch()));
        }
        return pairs;
    }

    List<String> bodies(Config c, boolean ours) {
        return pairs(c).stream().map(p -> ours ? p[1] : p[0]).toList();
    }

    String[] pair(int batch) {
        StringBuilder am = new StringBuilder("[");
        StringBuilder alerts = new StringBuilder();
        String startsAt = Instant.now().truncatedTo(ChronoUnit.MILLIS).minusSeconds(60).toString();
        String rule = RULES[(int) (seq.get() % RULES.length)];
        for (int i = 0; i < batch; i++) {
            long n = seq.incrementAndGet();
            int cluster = (int) (n % 50);
            TreeMap<String, String> labels = new TreeMap<>();
            labels.put("alertname", rule);
            labels.put("bench_run", runId);
            labels.put("bench_seq", Long.toString(n));
            labels.put("cluster", "bench-cluster-" + cluster);
            labels.put("instance", "10.9." + cluster + "." + (n % 200) + ":8040");
            labels.put("job", "StarRocks_bench-cluster-" + cluster);
            labels.put("severity", n % 3 == 0 ? "critical" : "warning");
            String labelJson = json(labels);
            String annotations = "{\"description\":\"" + rule + " on 10.9." + cluster + "." + (n % 200)
                    + " of bench-cluster-" + cluster + "\",\"summary\":\"" + rule + "\"}";
            String generator = "http://prometheus.bench:9090/graph?g0.expr=up&g0.tab=1";
            am.append(i == 0 ? "" : ",").append("{\"labels\":").append(labelJson).append(",\"annotations\":")
                    .append(annotations).append(",\"startsAt\":\"").append(startsAt).append("\",\"generatorURL\":\"")
                    .append(generator).append("\"}");
            alerts.append(i == 0 ? "" : ",").append("{\"status\":\"firing\",\"labels\":").append(labelJson)
                    .append(",\"annotations\":").append(annotations).append(",\"startsAt\":\"").append(startsAt)
                    .append("\",\"endsAt\":\"0001-01-01T00:00:00Z\",\"generatorURL\":\"")
                    .append(generator.replace("&", "\\u0026")).append("\",\"fingerprint\":\"").append(fingerprint(labels))
                    .append("\"}");
        }
        am.append("]");
        String ours = "{\"receiver\":\"bench\",\"status\":\"firing\",\"alerts\":[" + alerts
                + "],\"groupLabels\":{\"alertname\":\"" + rule + "\"},\"commonLabels\":{\"alertname\":\"" + rule
                + "\"},\"commonAnnotations\":{},\"externalURL\":\"http://127.0.0.1:9093\",\"version\":\"4\","
                + "\"groupKey\":\"{}:{alertname=\\\"" + rule + "\\\"}\",\"truncatedAlerts\":0}\n";
        return new String[] {am.toString(), ours};
    }

    Run measure(String target, Config c, int round, List<String> bodies) throws InterruptedException {
        boolean ours = target.equals("ours");
        long[] latencies = new long[bodies.size()];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        AtomicLong inserted = new AtomicLong();
        AtomicLong duplicates = new AtomicLong();
        URI uri = URI.create(ours ? oursUrl : amUrl);
        List<Thread> workers = new ArrayList<>();
        long pid = ours ? appPid : amPid;
        CpuSample before = cpuSample(pid);
        long start = System.nanoTime();
        for (int w = 0; w < concurrency; w++) {
            workers.add(Thread.ofPlatform().start(() -> {
                int i;
                while ((i = next.getAndIncrement()) < bodies.size()) {
                    HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(bodies.get(i)));
                    if (ours) {
                        b.header("Authorization", "Bearer " + token);
                    }
                    long t0 = System.nanoTime();
                    try {
                        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
                        // a 503 is a refusal a sender retries (ours refuses while too many accepted alerts wait
                        // to be loaded): as Alertmanager does, after the Retry-After (here at most 1 s), the
                        // same body; the wait counts in the round's time and this request's latency
                        while (r.statusCode() == 503 && refused.incrementAndGet() <= MAX_RETRIES_PER_ROUND) {
                            Thread.sleep(retryAfterMillis(r));
                            r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
                        }
                        latencies[i] = System.nanoTime() - t0;
                        if (r.statusCode() != 200) {
                            if (errors.incrementAndGet() <= 3) {
                                System.err.println(target + " answered " + r.statusCode() + ": " + r.body());
                            }
                        } else if (ours) {
                            inserted.addAndGet(number(INSERTED, r.body()));
                            duplicates.addAndGet(number(DUPLICATES, r.body()));
                        }
                    } catch (IOException e) {
                        latencies[i] = System.nanoTime() - t0;
                        errors.incrementAndGet();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }));
        }
        for (Thread t : workers) {
            t.join();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        CpuSample after = cpuSample(pid);
        // what the target still does for this round once it has answered (ours: loading and grouping the
        // alerts): counted apart, and over before the next round starts, whichever target that is
        long answered = System.nanoTime();
        waitIdle(pid);
        double untilIdle = (System.nanoTime() - answered) / 1e9;
        CpuSample idle = cpuSample(pid);
        Cpu cpu = before == null || after == null || idle == null ? null : new Cpu(
                (after.serverTicks() - before.serverTicks()) / TICKS_PER_SECOND * 1e3 / bodies.size(),
                (after.jitTicks() - before.jitTicks()) / TICKS_PER_SECOND * 1e3 / bodies.size(),
                (after.generatorNanos() - before.generatorNanos()) / 1e6 / bodies.size(),
                (after.machineBusyTicks() - before.machineBusyTicks()) / TICKS_PER_SECOND / seconds,
                (idle.serverTicks() - after.serverTicks()) / TICKS_PER_SECOND * 1e3 / bodies.size(), untilIdle);
        long alerts = (long) bodies.size() * c.batch();
        if (ours && c.redeliver() && duplicates.get() != alerts) {
            System.err.println("redelivery stored " + inserted.get() + " alerts again; expected none");
        }
        if (ours && !c.redeliver() && !c.name().equals("warm-up") && inserted.get() != alerts) {
            System.err.println("fresh alerts: " + inserted.get() + " inserted of " + alerts);
        }
        return new Run(target, c, round, alerts, seconds, latencies, errors.get(), refused.get(), inserted.get(),
                duplicates.get(), cpu);
    }

    /** A process counts as idle after this many polls in a row under {@link #IDLE_TICKS} ticks each. */
    static final int IDLE_POLLS = 4;
    static final long IDLE_POLL_MILLIS = 250;
    /** Ticks of CPU per poll (of 25 per core) under which a process is idle. */
    static final long IDLE_TICKS = 3;
    /** The longest wait for a process to be idle. */
    static final Duration MAX_IDLE_WAIT = Duration.ofMinutes(2);

    /** Waits until the process has used under {@link #IDLE_TICKS} ticks in each of {@link #IDLE_POLLS} polls in a row. */
    static void waitIdle(long pid) throws InterruptedException {
        if (pid <= 0) {
            return;
        }
        long deadline = System.nanoTime() + MAX_IDLE_WAIT.toNanos();
        int quiet = 0;
        try {
            long last = ticks(Path.of("/proc/" + pid + "/stat"));
            while (quiet < IDLE_POLLS && System.nanoTime() < deadline) {
                Thread.sleep(IDLE_POLL_MILLIS);
                long now = ticks(Path.of("/proc/" + pid + "/stat"));
                quiet = now - last < IDLE_TICKS ? quiet + 1 : 0;
                last = now;
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or the process is gone: nothing to wait for
        }
    }

    /** Refusals retried in one round at most; past it a 503 counts as an error. */
    static final int MAX_RETRIES_PER_ROUND = 100_000;

    /** The answer's Retry-After in milliseconds, at most a second (the round would measure the pause only). */
    static long retryAfterMillis(HttpResponse<?> r) {
        try {
            return Math.min(1_000, Math.max(10, 1_000 * Long.parseLong(r.headers().firstValue("Retry-After").orElse("1").strip())));
        } catch (NumberFormatException e) {
            return 1_000;
        }
    }

    void write(List<Run> runs, int rounds, Path out, Map<String, String> meta) throws IOException {
        Map<String, Map<String, List<Run>>> byConfig = new LinkedHashMap<>();
        for (Run r : runs) {
            byConfig.computeIfAbsent(r.config().name(), k -> new LinkedHashMap<>())
                    .computeIfAbsent(r.target(), k -> new ArrayList<>()).add(r);
        }
        StringBuilder json = new StringBuilder("{\n  \"benchmark\": \"webhook-intake\",\n");
        meta.forEach((k, v) -> json.append("  \"").append(k).append("\": \"").append(v.replace("\"", "'")).append("\",\n"));
        json.append("  \"concurrency\": ").append(concurrency).append(",\n  \"rounds\": ").append(rounds)
                .append(",\n  \"results\": [\n");
        StringBuilder md = new StringBuilder("# Webhook intake benchmark " + meta.getOrDefault("timestamp", "") + "\n\n")
                .append("Same alerts to Alertmanager's own intake (`POST /api/v2/alerts`, in memory) and to ours ")
                .append("(`POST /api/webhooks/alertmanager`, committed to DuckDB, deduplicated), ")
                .append(concurrency).append(" requests in flight, ").append(rounds)
                .append(" rounds per row alternating which goes first, after untimed warm-up rounds of the same shape ")
                .append("for both (at least ").append(warmupRounds).append(", more while our JIT compiler took over ")
                .append(Math.round(100 * warmupJitShare)).append(" % of our CPU in the last, at most ").append(maxWarmupRounds)
                .append("; the rounds run are listed below); alerts/s is the median round, latencies ")
                .append("are over all rounds. Fresh alerts in every request except the redelivery row, which ")
                .append("sends the last batch-10 round's alerts again. A 503 is retried after its Retry-After (at most ")
                .append("1 s), as a sender does; such refusals are counted beside the errors, and the wait is in the ")
                .append("round's time.\n\n")
                .append("| configuration | requests | Alertmanager alerts/s | ours alerts/s | ours / Alertmanager | ")
                .append("Alertmanager p50 / p99 ms | ours p50 / p99 ms | errors |\n|---|---|---|---|---|---|---|---|\n");
        boolean first = true;
        StringBuilder cpuRows = new StringBuilder();
        for (var e : byConfig.entrySet()) {
            List<Run> am = e.getValue().get("alertmanager");
            List<Run> ours = e.getValue().get("ours");
            double amRate = medianRate(am);
            double oursRate = medianRate(ours);
            long[] amLat = pooled(am);
            long[] oursLat = pooled(ours);
            int errors = am.stream().mapToInt(Run::errors).sum() + ours.stream().mapToInt(Run::errors).sum();
            int refused = am.stream().mapToInt(Run::refused).sum() + ours.stream().mapToInt(Run::refused).sum();
            double amCpu = medianCpu(am, Cpu::serverMsPerRequest);
            double oursCpu = medianCpu(ours, Cpu::serverMsPerRequest);
            double oursJit = medianCpu(ours, Cpu::jitMsPerRequest);
            double amGenerator = medianCpu(am, Cpu::generatorMsPerRequest);
            double oursGenerator = medianCpu(ours, Cpu::generatorMsPerRequest);
            double amBusy = medianCpu(am, Cpu::busyCores);
            double oursBusy = medianCpu(ours, Cpu::busyCores);
            double oursAfter = medianCpu(ours, Cpu::afterMsPerRequest);
            double oursUntilIdle = medianCpu(ours, Cpu::secondsUntilIdle);
            json.append(first ? "" : ",\n").append(String.format(Locale.ROOT, """
                        {"configuration": "%s", "batch": %d, "requests_per_round": %d, "redelivery": %s,
                         "alertmanager": {"alerts_per_s": %.0f, "p50_ms": %.3f, "p99_ms": %.3f, "rounds_alerts_per_s": %s},
                         "ours": {"alerts_per_s": %.0f, "p50_ms": %.3f, "p99_ms": %.3f, "rounds_alerts_per_s": %s,
                                  "inserted": %d, "duplicates": %d},
                         "cpu_median_of_rounds": {"alertmanager_ms_per_request": %.3f, "ours_ms_per_request": %.3f,
                                  "ours_jit_compiler_ms_per_request": %.3f,
                                  "generator_ms_per_request_to_alertmanager": %.3f, "generator_ms_per_request_to_ours": %.3f,
                                  "busy_cores_alertmanager_rounds": %.2f, "busy_cores_our_rounds": %.2f,
                                  "ours_after_round_ms_per_request": %.3f, "ours_seconds_until_idle_after_round": %.2f},
                         "ratio_alerts_per_s": %.3f, "ratio_p99": %.3f, "errors": %d, "refused_and_retried": %d}""",
                    e.getKey(), ours.getFirst().config().batch(), ours.getFirst().config().requests(),
                    ours.getFirst().config().redeliver(), amRate, pct(amLat, 50), pct(amLat, 99), rates(am),
                    oursRate, pct(oursLat, 50), pct(oursLat, 99), rates(ours),
                    ours.stream().mapToLong(Run::inserted).sum(), ours.stream().mapToLong(Run::duplicates).sum(),
                    amCpu, oursCpu, oursJit, amGenerator, oursGenerator, amBusy, oursBusy, oursAfter, oursUntilIdle,
                    oursRate / amRate, pct(oursLat, 99) / pct(amLat, 99), errors, refused));
            cpuRows.append(String.format(Locale.ROOT, "| %s | %.3f | %.3f (%.3f) | %.3f (%.2f s) | %.3f / %.3f | %.2f / %.2f |%n",
                    e.getKey(), amCpu, oursCpu, oursJit, oursAfter, oursUntilIdle, amGenerator, oursGenerator, amBusy, oursBusy));
            first = false;
            md.append(String.format(Locale.ROOT, "| %s | %,d | %,.0f | %,.0f | %.2f | %.2f / %.2f | %.2f / %.2f | %d%s |%n",
                    e.getKey(), ours.getFirst().config().requests(), amRate, oursRate, oursRate / amRate,
                    pct(amLat, 50), pct(amLat, 99), pct(oursLat, 50), pct(oursLat, 99), errors,
                    refused == 0 ? "" : String.format(Locale.ROOT, " (%,d refused and retried)", refused)));
        }
        json.append("\n  ]\n}\n");
        md.append("\nCPU during the timed rounds (median of the rounds; from /proc, so Linux only; NaN: not measured). ")
                .append("Server: the target's own process (ours includes its loading and issue grouping as they ran ")
                .append("during its rounds; in brackets its JIT compiler threads' share); generator: this driver while sending to Alertmanager / to ours; busy ")
                .append("cores: the whole machine, out of ").append(Runtime.getRuntime().availableProcessors())
                .append(". Near all cores busy, a round is bound by CPU; well below, by waiting (at batch 1 ours ")
                .append("waits for each group's fsync). After the round: what ours used from its last answer until it ")
                .append("was idle again (loading and grouping that round's alerts), and how long that took; every round, ")
                .append("of either target, starts only once both are idle.\n\n")
                .append("| configuration | Alertmanager ms CPU per request | ours ms CPU per request (JIT) | ")
                .append("ours after the round, ms per request (until idle) | ")
                .append("generator ms per request (AM / ours) | busy cores (AM / ours rounds) |\n|---|---|---|---|---|---|\n")
                .append(cpuRows).append("\n");
        meta.forEach((k, v) -> md.append("- ").append(k.replace('_', ' ')).append(": ").append(v).append("\n"));
        Files.writeString(Path.of(out + ".json"), json.toString(), StandardCharsets.UTF_8);
        Files.writeString(Path.of(out + ".md"), md.toString(), StandardCharsets.UTF_8);
        System.out.println("\n" + md);
    }

    /** The counters now; null when the pid is not given or /proc cannot be read (not Linux). */
    static CpuSample cpuSample(long pid) {
        if (pid <= 0) {
            return null;
        }
        try {
            long server = ticks(Path.of("/proc/" + pid + "/stat"));
            long jit = 0;
            // a JVM's JIT compiler threads ("C1 CompilerThre", "C2 CompilerThre"): their share of the server's CPU
            try (var tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
                for (Path t : tasks.toList()) {
                    try {
                        String name = Files.readString(t.resolve("comm"));
                        if (name.startsWith("C1 Compiler") || name.startsWith("C2 Compiler")) {
                            jit += ticks(t.resolve("stat"));
                        }
                    } catch (IOException gone) {
                        // a thread that ended meanwhile
                    }
                }
            }
            String[] cpu = Files.readAllLines(Path.of("/proc/stat")).getFirst().trim().split(" +");
            long busy = 0;
            for (int i = 1; i < cpu.length; i++) {
                if (i != 4 && i != 5) { // idle and iowait
                    busy += Long.parseLong(cpu[i]);
                }
            }
            long generator = ((com.sun.management.OperatingSystemMXBean)
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
            return new CpuSample(server, jit, generator, busy);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** A /proc stat file's user + system CPU ticks (the fields after the command name). */
    static long ticks(Path stat) throws IOException {
        String s = Files.readString(stat);
        String[] f = s.substring(s.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }

    /** The median of a CPU figure over the rounds that have one, or NaN. */
    static double medianCpu(List<Run> runs, java.util.function.ToDoubleFunction<Cpu> figure) {
        return median(runs.stream().filter(r -> r.cpu() != null).mapToDouble(r -> figure.applyAsDouble(r.cpu())).toArray());
    }

    static double medianRate(List<Run> runs) {
        return median(runs.stream().mapToDouble(Run::alertsPerSecond).toArray());
    }

    static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        return v.length == 0 ? Double.NaN : v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    static String rates(List<Run> runs) {
        return runs.stream().map(r -> String.format(Locale.ROOT, "%.0f", r.alertsPerSecond())).toList().toString();
    }

    static long[] pooled(List<Run> runs) {
        return runs.stream().flatMapToLong(r -> Arrays.stream(r.latenciesNanos())).sorted().toArray();
    }

    static double pct(long[] latencies, double p) {
        long[] sorted = latencies.clone();
        Arrays.sort(sorted);
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
    }

    static long number(Pattern p, String body) {
        Matcher m = p.matcher(body);
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }

    static String json(TreeMap<String, String> labels) {
        StringBuilder s = new StringBuilder("{");
        labels.forEach((k, v) -> s.append(s.length() > 1 ? "," : "").append('"').append(k).append("\":\"").append(v).append('"'));
        return s.append('}').toString();
    }

    static String fingerprint(TreeMap<String, String> labels) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(labels.toString().getBytes(StandardCharsets.UTF_8))).substring(0, 16);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException e) {
            return "unknown";
        }
    }
}
