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
 * API latency under concurrent load (run by bench/api.sh and bench/scoring.sh with `java` source launch).
 * Signs in, collects ids to ask about (clusters from the fleet list, issues, alerts), then sends a
 * shuffled mix of a suite's routes with a few requests in flight and reports p50/p95/p99 per router
 * and per route. Baseline routes (--baseline, comma-separated paths: a trivial route of the same
 * server) go into the same shuffled mix, so each router's percentiles can be given as a ratio to them.
 *
 *   java bench/ApiBench.java --base URL --email E --password P --out FILE_PREFIX
 *        [--suite scoring|main] [--baseline /api/features,/favicon.svg]
 *        [--concurrency 4] [--requests 400] [--warmup 100] [--seed 7]
 */
public class ApiBench {

    /** One route: its router, a name, and its path ({cluster}, {issue}, {alert}, {q} are filled in per request). */
    record Route(String router, String name, String path) {}

    record Sample(Route route, long nanos, int status) {}

    /** The routers of scoring (health, risk, critical clusters, analysis): every read route. */
    static final List<Route> SCORING = List.of(
            new Route("health", "fleet", "/api/health/fleet"),
            new Route("health", "cluster", "/api/health/clusters/{cluster}"),
            new Route("health", "why", "/api/health/clusters/{cluster}/why"),
            new Route("health", "diff", "/api/health/clusters/{cluster}/diff"),
            new Route("risk", "distribution", "/api/risk"),
            new Route("risk", "cluster", "/api/risk/clusters/{cluster}"),
            new Route("critical-clusters", "list", "/api/critical-clusters"),
            new Route("critical-clusters", "tier S", "/api/critical-clusters?tier=S&level=critical,high,medium"),
            new Route("analysis", "breaking-point", "/api/analysis/breaking-point"),
            new Route("analysis", "breaking-point cluster", "/api/analysis/breaking-point/{cluster}"),
            new Route("analysis", "backtest", "/api/analysis/breaking-point/backtest"),
            new Route("analysis", "usage fleet", "/api/analysis/usage"),
            new Route("analysis", "usage tier", "/api/analysis/usage?tier=A"),
            new Route("analysis", "usage cluster", "/api/analysis/usage?cluster_id={cluster}"));

    /** The main routers, as the pages call them: the first page of each list, a detail, the page's own reads. */
    static final List<Route> MAIN = List.of(
            new Route("fleet", "summary", "/api/fleet/summary"),
            new Route("fleet", "clusters", "/api/fleet/clusters?page=0&size=25"),
            new Route("fleet", "clusters tier S by name", "/api/fleet/clusters?page=0&size=25&tier=S&sort=cluster_name"),
            new Route("fleet", "cluster detail", "/api/fleet/clusters/{cluster}"),
            new Route("health", "fleet", "/api/health/fleet"),
            new Route("health", "cluster", "/api/health/clusters/{cluster}"),
            new Route("risk", "distribution", "/api/risk"),
            new Route("risk", "critical clusters", "/api/critical-clusters"),
            new Route("breaking-point", "table", "/api/analysis/breaking-point"),
            new Route("breaking-point", "cluster", "/api/analysis/breaking-point/{cluster}"),
            new Route("usage", "fleet", "/api/analysis/usage"),
            new Route("usage", "cluster", "/api/analysis/usage?cluster_id={cluster}"),
            new Route("alerts", "list", "/api/alerts?page=0&size=50"),
            new Route("alerts", "critical firing", "/api/alerts?page=0&size=50&severity=critical&status=firing"),
            new Route("alerts", "detail", "/api/alerts/{alert}"),
            new Route("issues", "list", "/api/issues?page=0&size=50"),
            new Route("issues", "detail", "/api/issues/{issue}"),
            new Route("ai-issues", "list", "/api/ai-issues"),
            new Route("knowledge", "search", "/api/knowledge?q={q}"),
            new Route("investigations", "list", "/api/investigations?page=0&size=25"),
            new Route("patrol", "reports", "/api/patrol?page=0&size=20"),
            new Route("llm-usage", "summary", "/api/llm-usage"));

    static final Map<String, List<Route>> SUITES = Map.of("scoring", SCORING, "main", MAIN);

    /** Knowledge searches an on-call engineer would type. */
    static final List<String> QUERIES = List.of("BE node out of memory", "compaction score too high",
            "disk usage above 90 percent", "query latency p99 spike after upgrade", "FE leader election",
            "tablet replica missing", "routine load paused", "S3 throttling slow scans");

    static final Pattern CLUSTER = Pattern.compile("\"cluster_id\":\"([^\"]+)\"");
    static final Pattern ISSUE = Pattern.compile("\"issue_id\":(\\d+)");
    static final Pattern ALERT = Pattern.compile("\"message_id\":\"([^\"]+)\"");
    static final Pattern TOTAL = Pattern.compile("\"total\":(\\d+)");
    static final Pattern TOKEN = Pattern.compile("\"access_token\":\"([^\"]+)\"");

    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    final String base;
    String token;

    ApiBench(String base) {
        this.base = base;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opt = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            opt.put(args[i].substring(2), args[i + 1]);
        }
        List<Route> suite = SUITES.get(opt.getOrDefault("suite", "scoring"));
        if (suite == null) {
            throw new IllegalArgumentException("--suite is scoring or main");
        }
        List<Route> baselines = new ArrayList<>();
        for (String path : opt.getOrDefault("baseline", "").split(",")) {
            if (!path.isBlank()) {
                baselines.add(new Route("baseline", path.strip(), path.strip()));
            }
        }
        ApiBench bench = new ApiBench(opt.get("base"));
        bench.signIn(opt.get("email"), opt.get("password"));
        int concurrency = Integer.parseInt(opt.getOrDefault("concurrency", "4"));
        int requests = Integer.parseInt(opt.getOrDefault("requests", "400"));
        int warmup = Integer.parseInt(opt.getOrDefault("warmup", "100"));
        Random random = new Random(Long.parseLong(opt.getOrDefault("seed", "7")));
        Map<String, List<String>> pools = bench.pools(suite);
        List<Route> routes = new ArrayList<>(baselines);
        for (Route r : suite) {
            if (r.path().contains("{issue}") && pools.get("issue").isEmpty()
                    || r.path().contains("{alert}") && pools.get("alert").isEmpty()) {
                System.out.printf(Locale.ROOT, "skipping %s %s: nothing to ask about%n", r.router(), r.name());
                continue;
            }
            routes.add(r);
        }
        System.out.printf(Locale.ROOT, "%d clusters, %d issues, %d alerts to pick from; warm-up %d requests per route%n",
                pools.get("cluster").size(), pools.get("issue").size(), pools.get("alert").size(), warmup);
        bench.load(plan(routes, pools, warmup, random), concurrency);
        System.out.printf(Locale.ROOT, "measuring %d requests per route, %d in flight%n", requests, concurrency);
        long t0 = System.nanoTime();
        List<Sample> samples = bench.load(plan(routes, pools, requests, random), concurrency);
        double seconds = (System.nanoTime() - t0) / 1e9;
        bench.write(routes, samples, seconds, concurrency, requests, pools, Path.of(opt.get("out")));
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

    /** Row counts of the lists, as the server gives them (what the main suite ran against). */
    final Map<String, Long> totals = new LinkedHashMap<>();

    /**
     * Ids to ask about: clusters of several fleet list pages (so the per-cluster routes do not hit one
     * warm row), and for the main suite issues and alerts of their lists' first pages, and the queries.
     */
    Map<String, List<String>> pools(List<Route> suite) throws Exception {
        Map<String, List<String>> pools = new LinkedHashMap<>();
        pools.put("cluster", collect("/api/fleet/clusters?size=200&page=", 5, CLUSTER, "clusters"));
        if (pools.get("cluster").isEmpty()) {
            throw new IllegalStateException("no clusters in /api/fleet/clusters");
        }
        boolean main = suite == MAIN;
        pools.put("issue", main ? collect("/api/issues?size=200&page=", 3, ISSUE, "issues") : List.of());
        pools.put("alert", main ? collect("/api/alerts?size=200&page=", 3, ALERT, "alerts") : List.of());
        pools.put("q", QUERIES.stream().map(q -> java.net.URLEncoder.encode(q, StandardCharsets.UTF_8)).toList());
        if (main) {
            for (String list : List.of("investigations", "patrol")) {
                collect("/api/" + list + "?size=1&page=", 1, CLUSTER, list);
            }
        }
        return pools;
    }

    private List<String> collect(String pagePath, int pages, Pattern id, String what) throws Exception {
        List<String> ids = new ArrayList<>();
        for (int page = 0; page < pages; page++) {
            HttpResponse<String> r = get(pagePath + page);
            if (r.statusCode() != 200) {
                throw new IllegalStateException(pagePath + page + ": HTTP " + r.statusCode() + " " + r.body());
            }
            Matcher t = TOTAL.matcher(r.body());
            if (page == 0 && t.find()) {
                totals.put(what, Long.parseLong(t.group(1)));
            }
            Matcher m = id.matcher(r.body());
            while (m.find()) {
                ids.add(m.group(1));
            }
        }
        return ids.stream().distinct().toList();
    }

    /** {@code perRoute} requests of every route, each with random ids, shuffled. */
    static List<Route> plan(List<Route> routes, Map<String, List<String>> pools, int perRoute, Random random) {
        List<Route> plan = new ArrayList<>();
        for (Route r : routes) {
            for (int i = 0; i < perRoute; i++) {
                String path = r.path();
                for (var pool : pools.entrySet()) {
                    String key = "{" + pool.getKey() + "}";
                    if (path.contains(key)) {
                        path = path.replace(key, pool.getValue().get(random.nextInt(pool.getValue().size())));
                    }
                }
                plan.add(new Route(r.router(), r.name(), path));
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

    void write(List<Route> routes, List<Sample> samples, double seconds, int concurrency, int requests,
               Map<String, List<String>> pools, Path out) throws Exception {
        Map<String, List<Sample>> byRouter = new LinkedHashMap<>();
        Map<String, List<Sample>> byRoute = new LinkedHashMap<>();
        for (Route r : routes) {
            byRouter.put(r.router(), new ArrayList<>());
            byRoute.put(r.router() + " " + r.name(), new ArrayList<>());
        }
        for (Sample s : samples) {
            byRouter.get(s.route().router()).add(s);
            byRoute.get(s.route().router() + " " + s.route().name()).add(s);
        }
        List<Sample> measured = samples.stream().filter(s -> !s.route().router().equals("baseline")).toList();
        long[] base = sorted(byRouter.getOrDefault("baseline", List.of()));
        StringBuilder json = new StringBuilder(String.format(Locale.ROOT,
                "{\"concurrency\": %d, \"requests_per_route\": %d, \"clusters_sampled\": %d, \"issues_sampled\": %d, "
                        + "\"alerts_sampled\": %d, \"list_totals\": %s, \"seconds\": %.2f, \"requests_per_s\": %.1f, "
                        + "\"all\": %s,%n \"routers\": {", concurrency, requests, pools.get("cluster").size(),
                pools.get("issue").size(), pools.get("alert").size(), totalsJson(), seconds, samples.size() / seconds,
                stats(measured, base)));
        String cols = base.length > 0 ? " p50 ÷ baseline | p95 ÷ baseline |" : "";
        StringBuilder md = new StringBuilder("| router / route | requests | p50 ms | p95 ms | p99 ms | req/s |" + cols
                + " 404 | errors |\n|---|---|---|---|---|---|" + (base.length > 0 ? "---|---|" : "") + "---|---|\n");
        md.append(row("**all but baseline**", measured, base, seconds));
        String sep = "";
        for (var e : byRouter.entrySet()) {
            json.append(sep).append("\n  \"").append(e.getKey()).append("\": ").append(stats(e.getValue(), base));
            md.append(row("**" + e.getKey() + "**", e.getValue(), base, seconds));
            sep = ",";
        }
        json.append("},\n \"routes\": {");
        sep = "";
        for (var e : byRoute.entrySet()) {
            json.append(sep).append("\n  \"").append(e.getKey()).append("\": ").append(stats(e.getValue(), base));
            md.append(row(e.getKey(), e.getValue(), base, seconds));
            sep = ",";
        }
        json.append("}}\n");
        Files.writeString(Path.of(out + ".json"), json.toString(), StandardCharsets.UTF_8);
        Files.writeString(Path.of(out + ".md"), md.toString(), StandardCharsets.UTF_8);
        System.out.println(md);
    }

    private String totalsJson() {
        StringBuilder b = new StringBuilder("{");
        totals.forEach((k, v) -> b.append(b.length() > 1 ? ", " : "").append('"').append(k).append("\": ").append(v));
        return b.append('}').toString();
    }

    static long[] sorted(List<Sample> s) {
        return s.stream().mapToLong(Sample::nanos).sorted().toArray();
    }

    /** Percentiles, and their ratios to the baseline's when there is one. */
    static String stats(List<Sample> s, long[] base) {
        long[] n = sorted(s);
        String ratios = base.length == 0 ? "" : String.format(Locale.ROOT, ", \"p50_vs_baseline\": %.2f, \"p95_vs_baseline\": %.2f",
                pct(n, 50) / pct(base, 50), pct(n, 95) / pct(base, 95));
        return String.format(Locale.ROOT, "{\"requests\": %d, \"p50_ms\": %.2f, \"p95_ms\": %.2f, \"p99_ms\": %.2f%s, "
                + "\"not_found\": %d, \"errors\": %d}", n.length, pct(n, 50), pct(n, 95), pct(n, 99), ratios, notFound(s), errors(s));
    }

    /** A table row; req/s is this route's share of the mixed load's throughput. */
    static String row(String name, List<Sample> s, long[] base, double seconds) {
        long[] n = sorted(s);
        String ratios = base.length == 0 ? "" : String.format(Locale.ROOT, " %.1f | %.1f |", pct(n, 50) / pct(base, 50),
                pct(n, 95) / pct(base, 95));
        return String.format(Locale.ROOT, "| %s | %d | %.1f | %.1f | %.1f | %.1f |%s %d | %d |%n", name, n.length, pct(n, 50),
                pct(n, 95), pct(n, 99), n.length / seconds, ratios, notFound(s), errors(s));
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
