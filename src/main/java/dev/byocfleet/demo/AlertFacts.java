package dev.byocfleet.demo;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * What every rendering of one alert agrees on, whichever path carries it (Lark card, Alertmanager
 * or Grafana body): its labels, annotations, links, the cluster reference it names and the time
 * formats the senders use. Draws are keyed by the fingerprint, so the firing and the resolved
 * message of an alert, and every flap of the same label set, look alike.
 */
record AlertFacts(long seed) {

    static final String PROMETHEUS_URL = "http://prometheus.byoc-ops.internal:9090";
    static final String ALERTMANAGER_URL = "http://alertmanager.byoc-ops.internal:9093";
    static final String GRAFANA_URL = "http://grafana.byoc-ops.internal:3000/";
    static final String GRAFANA_FOLDER = "StarRocks";
    /** Go's zero time: what Alertmanager and Grafana send as endsAt while an alert fires. */
    static final String ZERO_TIME = "0001-01-01T00:00:00Z";

    private static final ZoneOffset SHANGHAI = ZoneOffset.ofHours(8);
    private static final DateTimeFormatter PLAIN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    /**
     * The official rule expressions (refs/starrocks-alert-rules.yml; the corrected form where the
     * doc's is broken) behind the Alertmanager-side rules, for Prometheus generator URLs.
     */
    private static final Map<String, String> EXPRESSIONS = Map.ofEntries(
            Map.entry("BE Service Suspension", "max by (job) (node_info{type=\"be_node_num\",state=\"total\"}) - max by (job) (node_info{type=\"be_node_num\",state=\"alive\"}) > 0"),
            Map.entry("BE CPU Alert", "(1-(sum(rate(starrocks_be_cpu{mode=\"idle\", job=\"$job_name\",instance=~\".*\"}[5m])) by (job, instance)) / (sum(rate(starrocks_be_cpu{job=\"$job_name\",host=~\".*\"}[5m])) by (job, instance))) * 100 > 90"),
            Map.entry("Memory Alert", "(1-node_memory_MemAvailable_bytes{instance=~\".*\"}/node_memory_MemTotal_bytes{instance=~\".*\"})*100 > 90"),
            Map.entry("Disk Load Alert", "rate(node_disk_io_time_seconds_total{instance=~\".*\"}[1m]) * 100 > 90"),
            Map.entry("Data Disk Capacity Alert", "(SUM(starrocks_be_disks_total_capacity{job=\"$job_name\"}) by (host, path) - SUM(starrocks_be_disks_avail_capacity{job=\"$job_name\"}) by (host, path)) / SUM(starrocks_be_disks_total_capacity{job=\"$job_name\"}) by (host, path) * 100 > 90"),
            Map.entry("High Compaction Pressure Alert", "starrocks_fe_max_tablet_compaction_score{job=\"$job_name\",instance=\"$fe_leader\"} > 100"),
            Map.entry("Exceeding Version Count Alert", "starrocks_be_max_tablet_rowset_num{job=\"$job_name\"} > 700"),
            Map.entry("Excessive FE Thread Count Alert", "starrocks_fe_thread_pool{job=\"$job_name\", type!=\"completed_task_count\"} > 3000"),
            Map.entry("High FE JVM Usage Alert", "sum by (job, instance) (jvm_heap_size_bytes{group=\"fe\",type=\"used\"}) * 100 / sum by (job, instance) (jvm_heap_size_bytes{group=\"fe\",type=\"max\"}) > 90"),
            Map.entry("Loading Failure Alert", "rate(starrocks_fe_txn_failed[5m]) / clamp_min(rate(starrocks_fe_txn_begin[5m]), 1e-9) * 100 > 5"),
            Map.entry("Routine Load Consumption Delay Alert", "(sum by (job_name)(starrocks_fe_routine_load_max_lag_of_partition{job=\"$job_name\",instance=\"$fe_leader\"})) > 300000"),
            Map.entry("Query Latency Alert", "starrocks_fe_query_latency_ms{job=\"$job_name\", quantile=\"0.95\"} > 5000"),
            Map.entry("Query Failure Alert", "increase(starrocks_fe_query_internal_err{job=\"$job_name\"}[1m]) > 10"),
            Map.entry("Query Overload Alert", "abs((sum by (exported_job)(rate(starrocks_fe_query_total{process=\"FE\",job=\"$job_name\"}[3m]))-sum by (exported_job)(rate(starrocks_fe_query_total{process=\"FE\",job=\"$job_name\"}[3m] offset 1m)))/sum by (exported_job)(rate(starrocks_fe_query_total{process=\"FE\",job=\"$job_name\"}[3m]))) * 100 > 100"));

    /** A deterministic draw in [0, 1) for this alert's label set and a purpose. */
    double draw(DemoAlert a, String purpose) {
        return Noise.unit(Noise.hash(seed, Noise.key(a.fingerprint()), Noise.key(purpose)));
    }

    /** A deterministic draw in [0, 1) for any stable text and a purpose. */
    double draw(String stable, String purpose) {
        return Noise.unit(Noise.hash(seed, Noise.key(stable), Noise.key(purpose)));
    }

    /** SHA-256 over the seed and the parts: for ids that must look random yet never change. */
    byte[] digest(String... parts) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(Long.toString(seed).getBytes(StandardCharsets.UTF_8));
            for (String part : parts) {
                sha.update((byte) 0);
                sha.update(part.getBytes(StandardCharsets.UTF_8));
            }
            return sha.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** The first {@code chars} (at most 64) lowercase hex digits of {@link #digest}. */
    String hex(int chars, String... parts) {
        return HexFormat.of().formatHex(digest(parts)).substring(0, chars);
    }

    /** The cluster as the alert names it: its name, or (for about one alert in five) its cluster_id. */
    String clusterRef(DemoAlert a) {
        return draw(a, "cluster-ref") < 0.2 ? a.cluster().clusterId : a.cluster().name;
    }

    static String job(DemoAlert a) {
        return "StarRocks_" + a.cluster().name;
    }

    /** The scrape group: FE metrics for FE nodes and for cluster-wide rules (all FE-side), BE otherwise. */
    static String group(DemoAlert a) {
        return a.node() == null || a.node().nodeType.equals("FE") ? "fe" : "be";
    }

    /** The description annotation: the summary placed on its node and cluster. */
    String description(DemoAlert a) {
        String where = a.node() == null ? "cluster " + clusterRef(a)
                : a.node().nodeType + " " + a.node().instance() + " of cluster " + clusterRef(a);
        return a.summary() + " on " + where;
    }

    /** Prometheus-side labels, sorted as Go marshals a label map. */
    static TreeMap<String, String> labels(DemoAlert a) {
        TreeMap<String, String> labels = new TreeMap<>();
        labels.put("alertname", a.name());
        labels.put("cluster", a.cluster().name);
        labels.put("cluster_id", a.cluster().clusterId);
        labels.put("group", group(a));
        if (a.node() != null) {
            labels.put("instance", a.node().instance());
        }
        labels.put("job", job(a));
        labels.put("severity", a.severity());
        return labels;
    }

    TreeMap<String, String> annotations(DemoAlert a) {
        TreeMap<String, String> annotations = new TreeMap<>();
        annotations.put("description", description(a));
        annotations.put("summary", a.summary());
        return annotations;
    }

    /** Where the rule lives: a Prometheus graph link, or the Grafana rule page. */
    static String generatorUrl(DemoAlert a) {
        if (a.origin().equals("grafana")) {
            return GRAFANA_URL + "alerting/grafana/" + ruleUid(a.name()) + "/view?orgId=1";
        }
        String expr = EXPRESSIONS.get(a.name());
        if (expr == null) {
            return "";
        }
        String leader = a.cluster().nodes.stream().filter(n -> "LEADER".equals(n.feRole)).findFirst()
                .map(FleetModel.Node::instance).orElse("");
        expr = expr.replace("$job_name", job(a)).replace("$fe_leader", leader);
        return PROMETHEUS_URL + "/graph?g0.expr=" + queryEscape(expr) + "&g0.tab=1";
    }

    /** A Grafana rule UID: one rule per alert name, 14 characters as Grafana makes them. */
    static String ruleUid(String alertName) {
        String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
        long h = Noise.key(alertName);
        StringBuilder uid = new StringBuilder();
        for (int i = 0; i < 14; i++) {
            uid.append(alphabet.charAt((int) Math.floorMod(h, alphabet.length())));
            h = Noise.mix(h + i);
        }
        return uid.toString();
    }

    /** Go's url.QueryEscape (Java's encoder differs only on '~' and '*', which never occur here). */
    static String queryEscape(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** RFC 3339 in UTC with the fraction Go prints (trailing zeros dropped, none when whole). */
    static String rfc3339(LocalDateTime t) {
        String s = t.format(SECONDS);
        if (t.getNano() != 0) {
            s += ("." + String.format("%09d", t.getNano())).replaceAll("0+$", "");
        }
        return s + "Z";
    }

    /** "2026-11-29 12:30:02": local time in China, as most Lark bridges print it. */
    static String shanghai(LocalDateTime utc) {
        return utc.atOffset(ZoneOffset.UTC).withOffsetSameInstant(SHANGHAI).format(PLAIN);
    }

    /** "2026-11-29 04:30:02": UTC without a zone, as bridges that format the received time print it. */
    static String plainUtc(LocalDateTime utc) {
        return utc.format(PLAIN);
    }

    static long epochMilli(LocalDateTime utc) {
        return utc.toInstant(ZoneOffset.UTC).toEpochMilli();
    }
}
