import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * API latency of the health, risk, critical-clusters and analysis routers under concurrent load
 * (run by bench/scoring.sh with `java` source launch). Signs in, picks clusters from the fleet list,
 * then sends a shuffled mix of every read route of the four routers with a few requests in flight
 * and reports p50/p95/p99 per router and per route.
 *
 *   java bench/ScoringApiBench.java --base URL --email E --password P --out FILE_PREFIX
 *        [--concurrency 4] [--requests 400] [--warmup 100] [--seed 7]
 */
public class ScoringApiBench {

    /** One route: its router, a name, and its path ({id} is replaced by a cluster id). */
    record Route(String router, String name, String path) {}

    record Sample(Route route, long nanos, int status) {}

    static final List<Route> ROUTES = List.of(
            new Route("health", "fleet", "/api/health/fleet"),
            new Route("health", "cluster", "/api/health/clusters/{id}"),
            new Route("health", "why", "/api/health/clusters/{id}/why"),
            new Route("health", "diff", "/api/health/clusters/{id}/diff"),
            new Route("risk", "distribution", "/api/risk"),
            new Route("risk", "cluster", "/api/risk/clusters/{id}"),
            new Route("critical-clusters", "list", "/api/critical-clusters"),
            new Route("critical-clusters", "tier S", "/api/critical-clusters?tier=S&level=critical,high,medium"),
            new Route("analysis", "breaking-point", "/api/analysis/breaking-point"),
            new Route("analysis", "breaking-point cluster", "/api/analysis/breaking-point/{id}"),
            new Route("analysis", "backtest", "/api/analysis/breaking-point/backtest"),
            new Route("analysis", "usage fleet", "/api/analysis/usage"),
            new Route("analysis", "usage tier", "/api/analysis/usage?tier=A"),
            new Route("analysis", "usage cluster", "/api/analysis/usage?cluster_id={id}"));

    static final Pattern ID = Pattern.compile("\"cluster_id\":\"([^\"]+)\"");
    static final Pattern TOKEN = Pattern.compile("\"access_token\":\"([^\"]+)\"");

    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    final String base;
    String token;

    ScoringApiBench(String base) {
        this.base = base;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opt = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            opt.put(args[i].substring(2), args[i + 1]);
        }
        ScoringApiBench bench = new ScoringApiBench(opt.get("base"));
        bench.signIn(opt.get("email"), opt.get("password"));
        int concurrency = Integer.parseInt(opt.getOrDefault("concurrency", "4"));
        int requests = Integer.parseInt(opt.getOrDefault("requests", "400"));
        int warmup = Integer.parseInt(opt.getOrDefault("warmup", "100"));
        Random random = new Random(Long.parseLong(opt.getOrDefault("seed", "7")));
        List<String> ids = bench.clusterIds();
        System.out.printf(Locale.ROOT, "%d clusters to pick from; warm-up %d requests per route%n", ids.size(), warmup);
        bench.load(plan(ids, warmup, random), concurrency);
        System.out.printf(Locale.ROOT, "measuring %d requests per route, %d in flight%n", requests, concurrency);
        long t0 = System.nanoTime();
        List<Sample> samples = bench.load(plan(ids, requests, random), concurrency);
        double seconds = (System.nanoTime() - t0) / 1e9;
        bench.write(samples, seconds, concurrency, requests, ids.size(), Path.of(opt.get("out")));
    }

    void signIn(String email, String password) throws Exception {
        String body = "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}";
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/auth/login"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher m = TOKEN.matcher(r.body());
        if (r.statusCode() != 200 || !m.find()) {
            throw new IllegalStateException("sign-in failed: HTTP " + r.statusCode() + " " + r.body());
        }
        token = m.group(1);
    }

    /** Clusters of several list pages, so the per-cluster routes do not hit one warm row. */
    List<String> clusterIds() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int page = 0; page < 5; page++) {
            HttpResponse<String> r = get("/api/fleet/clusters?size=200&page=" + page);
            Matcher m = ID.matcher(r.body());
            while (m.find()) {
                ids.add(m.group(1));
            }
        }
        if (ids.isEmpty()) {
            throw new IllegalStateException("no clusters in /api/fleet/clusters");
        }
        return ids.stream().distinct().toList();
    }

    /** {@code perRoute} requests of every route, each with a random cluster, shuffled. */
    static List<Route> plan(List<String> ids, int perRoute, Random random) {
        List<Route> plan = new ArrayList<>();
        for (Route r : ROUTES) {
            for (int i = 0; i < perRoute; i++) {
                String id = ids.get(random.nextInt(ids.size()));
                plan.add(new Route(r.router(), r.name(), r.path().replace("{id}", id)));
            }
        }
        Collections.shuffle(plan, random);
        return plan;
    }

    List<Sample> load(List<Route> plan, int concurrency) throws InterruptedException {
        ConcurrentLinkedQueue<Sample> samples = new ConcurrentLinkedQueue<>();
        AtomicInteger next = new AtomicInteger();
        List<Thread> workers = new ArrayList<>();
        for (int w = 0; w < concurrency; w++) {
            workers.add(Thread.ofPlatform().start(() -> {
                for (int i = next.getAndIncrement(); i < plan.size(); i = next.getAndIncrement()) {
                    Route r = plan.get(i);
                    long t0 = System.nanoTime();
                    int status;
                    try {
                        status = get(r.path()).statusCode();
                    } catch (Exception e) {
                        status = -1;
                    }
                    samples.add(new Sample(r, System.nanoTime() - t0, status));
                }
            }));
        }
        for (Thread t : workers) {
            t.join();
        }
        return new ArrayList<>(samples);
    }

    HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(60)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    void write(List<Sample> samples, double seconds, int concurrency, int requests, int clusters, Path out) throws Exception {
        Map<String, List<Sample>> byRouter = new LinkedHashMap<>();
        Map<String, List<Sample>> byRoute = new LinkedHashMap<>();
        for (Route r : ROUTES) {
            byRouter.put(r.router(), new ArrayList<>());
            byRoute.put(r.router() + " " + r.name(), new ArrayList<>());
        }
        for (Sample s : samples) {
            byRouter.get(s.route().router()).add(s);
            byRoute.get(s.route().router() + " " + s.route().name()).add(s);
        }
        StringBuilder json = new StringBuilder(String.format(Locale.ROOT,
                "{\"concurrency\": %d, \"requests_per_route\": %d, \"clusters_sampled\": %d, \"seconds\": %.2f, "
                        + "\"requests_per_s\": %.1f, \"all\": %s,%n \"routers\": {", concurrency, requests, clusters,
                seconds, samples.size() / seconds, stats(samples)));
        StringBuilder md = new StringBuilder("| router / route | requests | p50 ms | p95 ms | p99 ms | 404 | errors |\n"
                + "|---|---|---|---|---|---|---|\n");
        md.append(row("**all**", samples));
        String sep = "";
        for (var e : byRouter.entrySet()) {
            json.append(sep).append("\n  \"").append(e.getKey()).append("\": ").append(stats(e.getValue()));
            md.append(row("**" + e.getKey() + "**", e.getValue()));
            sep = ",";
        }
        json.append("},\n \"routes\": {");
        sep = "";
        for (var e : byRoute.entrySet()) {
            json.append(sep).append("\n  \"").append(e.getKey()).append("\": ").append(stats(e.getValue()));
            md.append(row(e.getKey(), e.getValue()));
            sep = ",";
        }
        json.append("}}\n");
        Files.writeString(Path.of(out + ".json"), json.toString(), StandardCharsets.UTF_8);
        Files.writeString(Path.of(out + ".md"), md.toString(), StandardCharsets.UTF_8);
        System.out.println(md);
    }

    static String stats(List<Sample> s) {
        long[] n = s.stream().mapToLong(Sample::nanos).sorted().toArray();
        return String.format(Locale.ROOT, "{\"requests\": %d, \"p50_ms\": %.2f, \"p95_ms\": %.2f, \"p99_ms\": %.2f, "
                + "\"not_found\": %d, \"errors\": %d}", n.length, pct(n, 50), pct(n, 95), pct(n, 99), notFound(s), errors(s));
    }

    static String row(String name, List<Sample> s) {
        long[] n = s.stream().mapToLong(Sample::nanos).sorted().toArray();
        return String.format(Locale.ROOT, "| %s | %d | %.1f | %.1f | %.1f | %d | %d |%n", name, n.length, pct(n, 50),
                pct(n, 95), pct(n, 99), notFound(s), errors(s));
    }

    /** 404 is an answer here: a cluster without a score 24 h ago (diff) or without a risk assessment. */
    static long notFound(List<Sample> s) {
        return s.stream().filter(x -> x.status() == 404).count();
    }

    static long errors(List<Sample> s) {
        return s.stream().filter(x -> x.status() != 200 && x.status() != 404).count();
    }

    static double pct(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
    }
}
