package dev.byocfleet.demo;

import static dev.byocfleet.metrics.CanonicalMetric.*;

import java.util.List;

/**
 * What each incident kind does to a cluster's metrics and which official StarRocks alert rules
 * (refs/starrocks-alert-rules.yml) it sets off. The shapes follow the symptoms the StarRocks docs
 * and known issues describe: e.g. a compaction backlog raises the compaction score, then tablet
 * versions, then query latency and load failures.
 */
final class Footprints {

    private Footprints() {
    }

    /**
     * An alert an incident raises: which rule, how severe, whether it names a node, and when it
     * fires and resolves as fractions of the incident window (resolve 1.0 = at the incident's end).
     */
    record AlertRule(String name, String severity, String origin, boolean perNode, double fireAt, double resolveAt,
                     String summary) {}

    static void apply(Incident inc, long minute, double[] out, long noiseKey) {
        if (!inc.activeAt(minute)) {
            return;
        }
        double p = inc.ramp(minute);
        double k = inc.intensity();
        int computeNodes = Math.max(1, inc.cluster().computeResource().countAt((int) (minute / 60)));
        switch (inc.kind()) {
            case DISK_CAPACITY -> {
                double target = 86 + 12 * k;
                int disk = DISK_USED_PCT.ordinal();
                out[disk] = out[disk] + (target - out[disk]) * p;
                out[QUERY_P99_MS.ordinal()] *= 1 + 0.3 * p;
                if (target > 95) {
                    out[LOAD_FAIL_PCT.ordinal()] += 6 * p * k;
                }
            }
            case COMPACTION_BACKLOG -> {
                int score = COMPACTION_SCORE_MAX.ordinal();
                out[score] = out[score] + (150 + 1000 * k - out[score]) * p;
                int versions = TABLET_VERSIONS_MAX.ordinal();
                out[versions] = Math.round(out[versions] + (500 + 450 * k - out[versions]) * p);
                out[QUERY_P99_MS.ordinal()] *= 1 + 1.5 * p * k;
                out[LOAD_ROWS_PER_S.ordinal()] *= 1 + 0.5 * p;
                if (k > 0.6) {
                    out[LOAD_FAIL_PCT.ordinal()] += 9 * p;
                }
            }
            case BE_OOM -> {
                int mem = MEM_UTIL_PCT.ordinal();
                out[mem] = out[mem] + (93 + 6 * k - out[mem]) * p;
                // The OOM killer takes the BE down for about five minutes every 45 minutes at the peak.
                boolean down = p >= 1 && Math.floorMod(minute - inc.startMinute(), 45) < 5;
                if (down) {
                    out[BE_ALIVE_RATIO.ordinal()] = Math.min(out[BE_ALIVE_RATIO.ordinal()],
                            (computeNodes - 1) / (double) computeNodes);
                    if (Math.floorMod(minute - inc.startMinute(), 45) == 0) {
                        out[NODE_RESTARTS.ordinal()] += 1;
                    }
                }
                out[QUERY_ERROR_PCT.ordinal()] += 5 * k * p;
            }
            case FE_GC_PRESSURE -> {
                int heap = FE_JVM_HEAP_PCT.ordinal();
                out[heap] = out[heap] + (85 + 13 * k - out[heap]) * p;
                out[FE_GC_OLD_MS.ordinal()] += (2_000 + 40_000 * k) * p;
                out[QUERY_P99_MS.ordinal()] *= 1 + 2 * p;
                out[FE_THREAD_COUNT.ordinal()] += Math.round(500 * p);
            }
            case QUERY_OVERLOAD -> {
                out[QUERY_QPS.ordinal()] *= 1 + (2 + 4 * k) * p;
                int cpu = CPU_UTIL_PCT.ordinal();
                out[cpu] = out[cpu] + (96 - out[cpu]) * p;
                out[QUERY_QUEUE_PENDING.ordinal()] += Math.round((5 + 100 * k) * p);
                out[QUERY_P99_MS.ordinal()] *= 1 + (4 + 12 * k) * p;
                out[CONNECTIONS.ordinal()] = Math.round(out[CONNECTIONS.ordinal()] * (1 + 1.5 * p));
                out[MEM_UTIL_PCT.ordinal()] += 10 * p;
                out[QUERY_ERROR_PCT.ordinal()] += 3 * k * p;
            }
            case ROUTINE_LOAD_LAG -> {
                out[ROUTINE_LOAD_LAG_MAX.ordinal()] = Math.round(150_000 + 2_000_000 * k * p);
                if (k > 0.5 && p >= 1) {
                    out[ROUTINE_LOAD_PAUSED.ordinal()] = 1 + Math.round(k);
                }
                out[LOAD_ROWS_PER_S.ordinal()] *= 1 - 0.6 * p;
                out[LOAD_FAIL_PCT.ordinal()] += 4 * p;
            }
            case NODE_FAILURE -> {
                out[BE_ALIVE_RATIO.ordinal()] = Math.min(out[BE_ALIVE_RATIO.ordinal()],
                        (computeNodes - 1) / (double) computeNodes);
                if (minute - inc.startMinute() < 5) {
                    out[NODE_RESTARTS.ordinal()] += 1;
                    out[QUERY_ERROR_PCT.ordinal()] += 8;
                }
                out[CPU_UTIL_PCT.ordinal()] *= computeNodes / Math.max(1.0, computeNodes - 1.0);
                out[QUERY_P99_MS.ordinal()] *= 1.5;
            }
            case VERSION_BUG -> {
                out[QUERY_ERROR_PCT.ordinal()] += (4 + 10 * k) * Math.max(p, 0.5);
                if (Noise.unit(Noise.hash(noiseKey, 99)) < 0.01 + 0.03 * k) {
                    out[NODE_RESTARTS.ordinal()] += 1;
                }
                out[QUERY_P99_MS.ordinal()] *= 1 + 0.3 * p;
            }
            case SCALING_SIDE_EFFECT -> {
                int before = inc.cluster().computeResource().countAt((int) (inc.startMinute() / 60) - 2);
                double factor = before / (double) computeNodes;
                // The remaining nodes take the whole load: CPU heads for saturation as traffic returns.
                int cpu = CPU_UTIL_PCT.ordinal();
                out[cpu] *= factor;
                out[cpu] += (92 + 6 * k - out[cpu]) * p * Math.min(1, k + 0.2);
                if (!inc.cluster().elastic()) {
                    out[DISK_USED_PCT.ordinal()] *= factor;
                }
                out[MEM_UTIL_PCT.ordinal()] *= Math.min(1.3, factor);
                out[QUERY_P99_MS.ordinal()] *= 1 + (factor - 1) * 3 + 12 * k * p;
                out[QUERY_QUEUE_PENDING.ordinal()] += Math.round(10 * (factor - 1) * k);
            }
            case NO_INCIDENT -> {
                // A false alarm: the alerts flap, the metrics stay on their baseline.
            }
        }
    }

    /** The alert rules an incident of this kind and intensity sets off. */
    static List<AlertRule> alertRules(IncidentKind kind, double k) {
        String am = "alertmanager";
        String gf = "grafana";
        return switch (kind) {
            case DISK_CAPACITY -> k >= 0.35
                    ? List.of(new AlertRule("Disks Avail Capacity", "warning", gf, true, 0.3, 1.0, "BE data disk available capacity below 20%"),
                              new AlertRule("Data Disk Capacity Alert", "critical", am, true, 0.75, 1.0, "BE data disk usage above 90%"))
                    : List.of(new AlertRule("Disks Avail Capacity", "warning", gf, true, 0.5, 1.0, "BE data disk available capacity below 20%"));
            case COMPACTION_BACKLOG -> {
                var rules = new java.util.ArrayList<>(List.of(
                        new AlertRule("High Compaction Pressure Alert", "warning", am, false, 0.1, 1.0, "Leader FE max compaction score above 100"),
                        new AlertRule("BE Compaction Score", "warning", gf, true, 0.2, 1.0, "BE compaction score high")));
                if (k >= 0.45) {
                    rules.add(new AlertRule("Exceeding Version Count Alert", "critical", am, true, 0.8, 1.0, "A tablet has more than 700 versions"));
                }
                if (k > 0.6) {
                    rules.add(new AlertRule("Loading Failure Alert", "warning", am, false, 0.85, 1.0, "More than 5% of load transactions failed"));
                }
                yield rules;
            }
            case BE_OOM -> List.of(
                    new AlertRule("BE Mem", "warning", gf, true, 0.4, 1.0, "BE process memory above 90% of its limit"),
                    new AlertRule("Memory Alert", "warning", am, true, 0.5, 1.0, "Host memory usage above 90%"),
                    new AlertRule("BE Service Suspension", "critical", am, true, 0.6, 0.63, "BE stopped responding (killed by OOM)"));
            case FE_GC_PRESSURE -> k >= 0.4
                    ? List.of(new AlertRule("FE JVM Heap Stat", "warning", gf, true, 0.1, 1.0, "FE JVM heap above 80%"),
                              new AlertRule("High FE JVM Usage Alert", "critical", am, true, 0.6, 1.0, "FE JVM heap above 90%"))
                    : List.of(new AlertRule("FE JVM Heap Stat", "warning", gf, true, 0.3, 1.0, "FE JVM heap above 80%"));
            case QUERY_OVERLOAD -> k >= 0.3
                    ? List.of(new AlertRule("Query Overload Alert", "warning", am, false, 0.1, 1.0, "QPS more than doubled"),
                              new AlertRule("BE CPU Alert", "warning", am, true, 0.5, 1.0, "BE CPU utilization above 90%"),
                              new AlertRule("Query Latency Alert", "critical", am, false, 0.6, 1.0, "Query P95 latency above 5 s"))
                    : List.of(new AlertRule("Query Overload Alert", "warning", am, false, 0.1, 1.0, "QPS more than doubled"),
                              new AlertRule("BE CPU Alert", "warning", am, true, 0.6, 1.0, "BE CPU utilization above 90%"));
            case ROUTINE_LOAD_LAG -> List.of(
                    new AlertRule("Routine Load Consumption Delay Alert", "warning", am, false, 0.05, 1.0, "Routine load lag above 300,000 messages"));
            case NODE_FAILURE -> List.of(
                    new AlertRule("BE Service Suspension", "critical", am, true, 0.0, 1.0, "BE heartbeat lost"),
                    new AlertRule("Backends Status", "critical", gf, true, 0.01, 1.0, "Backend down"));
            case VERSION_BUG -> k > 0.5
                    ? List.of(new AlertRule("Query Failure Alert", "critical", am, false, 0.2, 1.0, "Query error rate above 10%"),
                              new AlertRule("Query Error", "warning", gf, false, 0.1, 1.0, "Query errors per second above 0.05"),
                              new AlertRule("BE Service Suspension", "critical", am, true, 0.5, 0.53, "BE crashed and restarted"))
                    : List.of(new AlertRule("Query Failure Alert", "critical", am, false, 0.3, 1.0, "Query error rate above 10%"),
                              new AlertRule("Query Error", "warning", gf, false, 0.1, 1.0, "Query errors per second above 0.05"));
            case SCALING_SIDE_EFFECT -> k > 0.5
                    ? List.of(new AlertRule("BE CPU Alert", "warning", am, true, 0.1, 1.0, "BE CPU utilization above 90%"),
                              new AlertRule("Query Latency Alert", "critical", am, false, 0.3, 1.0, "Query P95 latency above 5 s"))
                    : List.of(new AlertRule("BE CPU Alert", "warning", am, true, 0.2, 1.0, "BE CPU utilization above 90%"));
            case NO_INCIDENT -> List.of(
                    new AlertRule("Query Latency Alert", "warning", am, false, 0.0, 0.05, "Query P95 latency briefly high"),
                    new AlertRule("Query Latency Alert", "warning", am, false, 0.4, 0.45, "Query P95 latency briefly high"),
                    new AlertRule("Query Latency Alert", "warning", am, false, 0.8, 0.84, "Query P95 latency briefly high"));
        };
    }

    /** Warnings that flap with nothing behind them: the background noise of an alert channel. */
    static final List<AlertRule> NOISE = List.of(
            new AlertRule("BE CPU Alert", "warning", "alertmanager", true, 0, 1, "BE CPU utilization above 90%"),
            new AlertRule("Query Overload Alert", "warning", "alertmanager", false, 0, 1, "QPS more than doubled"),
            new AlertRule("Disk Load Alert", "warning", "alertmanager", true, 0, 1, "Disk busy above 90%"),
            new AlertRule("BE CPU Idle", "warning", "grafana", true, 0, 1, "BE CPU idle below 10%"),
            new AlertRule("Query Error", "warning", "grafana", false, 0, 1, "Query errors per second above 0.05"),
            new AlertRule("Loading Failure Alert", "warning", "alertmanager", false, 0, 1, "More than 5% of load transactions failed"),
            new AlertRule("Excessive FE Thread Count Alert", "warning", "alertmanager", true, 0, 1, "FE threads above 3000"));
}
