package dev.byocfleet.analysis;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.byocfleet.analysis.UsageReport.Heatmap;
import dev.byocfleet.analysis.UsageReport.IdleCluster;
import dev.byocfleet.analysis.UsageReport.OverProvisioned;
import dev.byocfleet.analysis.UsageReport.Percentiles;
import dev.byocfleet.analysis.UsageRepository.ClusterUse;
import dev.byocfleet.analysis.UsageRepository.WeekProfile;
import dev.byocfleet.analysis.UsageRepository.WeekBill;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Usage patterns of a scope: heat maps, percentiles, idle and over-provisioned clusters with what
 * they waste. Two statements read the whole fleet once per window (per-cluster use and week
 * profiles); every scope, a single cluster included, is then a filter of those rows. Only the
 * percentiles of a multi-cluster scope need a statement of their own. Usage moves slowly, so the
 * fleet rows and the reports are kept for ten minutes.
 */
@Component
class UsagePatterns {

    static final List<String> WEEKDAYS = List.of("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun");
    static final int MAX_LISTED = 100;
    static final int CACHED_REPORTS = 256;
    static final Duration KEEP = Duration.ofMinutes(10);
    /** Memory at the p95 peak that a right-sized cluster may reach. */
    static final double TARGET_MEM_PCT = 80;
    /** Share of the window a cluster must have run to be judged. */
    static final double MIN_COVERAGE = 0.9;

    /**
     * The fleet's usage rows of one window, and the newest bill hour then (one scan of the bills per
     * fleet read rather than per report: every report of the window prices against the same hour).
     */
    record FleetUsage(@Nullable LocalDateTime asOf, Map<String, ClusterUse> uses, Map<String, WeekProfile> weeks,
                      @Nullable LocalDateTime newestBillHour) {
    }

    private final UsageRepository repository;
    private final AnalysisProperties props;
    private final Cache<Integer, FleetUsage> fleet = Caffeine.newBuilder().expireAfterWrite(KEEP).maximumSize(4).build();
    private final Cache<String, UsageReport> reports = Caffeine.newBuilder()
            .expireAfterWrite(KEEP).maximumSize(CACHED_REPORTS).build();

    UsagePatterns(UsageRepository repository, AnalysisProperties props) {
        this.repository = repository;
        this.props = props;
    }

    UsageReport report(UsageQuery q) {
        int days = q.days() == null ? props.usageDays() : q.days();
        return reports.get(q + "|" + days, k -> compute(q, days));
    }

    private FleetUsage fleet(int days) {
        return fleet.get(days, d -> {
            Optional<LocalDateTime> newest = repository.newestSnapshotHour();
            if (newest.isEmpty()) {
                return new FleetUsage(null, Map.of(), Map.of(), null);
            }
            LocalDateTime asOf = newest.get();
            LocalDateTime from = asOf.minusDays(d);
            Map<String, ClusterUse> uses = repository.clusterUse(from, asOf.minusDays(props.idleDays()), asOf).stream()
                    .collect(Collectors.toMap(ClusterUse::clusterId, Function.identity()));
            Map<String, WeekProfile> weeks = repository.weekProfiles(from, asOf).stream()
                    .collect(Collectors.toMap(WeekProfile::clusterId, Function.identity()));
            return new FleetUsage(asOf, uses, weeks, repository.newestBillHour().orElse(null));
        });
    }

    private UsageReport compute(UsageQuery q, int days) {
        FleetUsage f = fleet(days);
        if (f.asOf() == null) {
            return new UsageReport(null, new UsageReport.Scope(q.clusterId(), q.tier(), q.region(), q.type(), 0), days,
                    heatmap(List.of(), days, null), Map.of(), List.of(), List.of(), new UsageReport.Waste(0, 0, 0, 0));
        }
        LocalDateTime asOf = f.asOf();
        List<ClusterUse> uses = f.uses().values().stream().filter(u -> inScope(u, q))
                .sorted(Comparator.comparing(ClusterUse::clusterId)).toList();
        Map<String, Percentiles> percentiles = q.clusterId() != null
                ? uses.stream().findFirst().map(UsagePatterns::ownPercentiles).orElse(Map.of())
                : scopePercentiles(q, asOf.minusDays(days), asOf);
        List<ClusterUse> running = uses.stream().filter(u -> "RUNNING".equalsIgnoreCase(u.clusterState())).toList();
        List<ClusterUse> idleUses = running.stream().filter(this::idle).toList();
        List<ClusterUse> roomy = running.stream().filter(u -> !idle(u) && overProvisioned(u, days)).toList();
        Map<String, List<WeekBill>> bills = new HashMap<>();
        List<String> billed = new ArrayList<>(UsageRepository.ids(idleUses));
        billed.addAll(UsageRepository.ids(roomy));
        if (f.newestBillHour() != null) {
            repository.weekBills(billed, f.newestBillHour())
                    .forEach(b -> bills.computeIfAbsent(b.clusterId(), k -> new ArrayList<>()).add(b));
        }
        List<IdleCluster> idle = idleUses.stream().map(u -> idleCluster(u, bills.getOrDefault(u.clusterId(), List.of())))
                .sorted(Comparator.comparingDouble(IdleCluster::usdPerWeek).reversed().thenComparing(IdleCluster::clusterId))
                .limit(MAX_LISTED).toList();
        List<OverProvisioned> over = new RightSizing(repository, props, asOf.toLocalDate())
                .suggest(roomy, bills).stream()
                .sorted(Comparator.comparingDouble(OverProvisioned::usdWastedPerWeek).reversed()
                        .thenComparing(OverProvisioned::clusterId))
                .limit(MAX_LISTED).toList();
        double ccu = idle.stream().mapToDouble(IdleCluster::ccuPerWeek).sum()
                + over.stream().mapToDouble(OverProvisioned::ccuWastedPerWeek).sum();
        double usd = idle.stream().mapToDouble(IdleCluster::usdPerWeek).sum()
                + over.stream().mapToDouble(OverProvisioned::usdWastedPerWeek).sum();
        List<WeekProfile> weeks = uses.stream().map(u -> f.weeks().get(u.clusterId())).filter(w -> w != null).toList();
        return new UsageReport(asOf, new UsageReport.Scope(q.clusterId(), q.tier(), q.region(), q.type(), uses.size()),
                days, heatmap(weeks, days, asOf), percentiles, idle, over,
                new UsageReport.Waste(idle.size(), over.size(), round2(ccu), round2(usd)));
    }

    private static boolean inScope(ClusterUse u, UsageQuery q) {
        return (q.clusterId() == null || q.clusterId().equals(u.clusterId()))
                && (q.tier() == null || q.tier().equalsIgnoreCase(u.tier()))
                && (q.region() == null || q.region().equals(u.region()))
                && (q.type() == null || q.type().equalsIgnoreCase(u.clusterType()));
    }

    private Map<String, Percentiles> scopePercentiles(UsageQuery q, LocalDateTime from, LocalDateTime asOf) {
        Map<String, Percentiles> out = new LinkedHashMap<>();
        for (var p : repository.percentiles(q, from, asOf)) {
            out.put(p.metricName(), new Percentiles(round(p.p50()), round(p.p95()), round(p.p99()), basis(p.metricName())));
        }
        return out;
    }

    private static Map<String, Percentiles> ownPercentiles(ClusterUse u) {
        Map<String, Percentiles> out = new LinkedHashMap<>();
        out.put("cpu_util_pct", new Percentiles(round(u.cpuP50()), round(u.cpuP95()), round(u.cpuP99()), basis("cpu_util_pct")));
        out.put("mem_util_pct", new Percentiles(round(u.memP50()), round(u.memP95()), round(u.memP99()), basis("mem_util_pct")));
        out.put("disk_used_pct", new Percentiles(round(u.diskP50()), round(u.diskP95()), round(u.diskP99()), basis("disk_used_pct")));
        out.put("query_qps", new Percentiles(round(u.qpsP50()), round(u.qpsP95()), round(u.qpsP99()), basis("query_qps")));
        return out;
    }

    private static String basis(String metric) {
        return metric.equals("disk_used_pct") ? "hourly max" : "hourly mean";
    }

    private boolean idle(ClusterUse u) {
        return u.recentHours() >= props.idleDays() * 24 * MIN_COVERAGE
                && u.recentMaxQps() != null && u.recentMaxQps() <= props.idleMaxQps()
                && u.recentP95Cpu() != null && u.recentP95Cpu() <= props.idleMaxCpuPct();
    }

    private boolean overProvisioned(ClusterUse u, int days) {
        return u.hours() >= Math.min(days, 7) * 24 * MIN_COVERAGE
                && u.p95Cpu() != null && u.p95Cpu() < props.overProvisionedMaxCpuPct()
                && u.p95Mem() != null && u.p95Mem() < props.overProvisionedMaxMemPct();
    }

    private IdleCluster idleCluster(ClusterUse u, List<WeekBill> bills) {
        double ccu = bills.stream().mapToDouble(WeekBill::ccu).sum();
        double usd = bills.stream().mapToDouble(WeekBill::usd).sum();
        return new IdleCluster(u.clusterId(), u.clusterName(), u.tier(), u.region(), u.clusterType(), u.recentHours(),
                round(u.recentMaxQps()), round(u.recentP95Cpu()), round2(ccu), round2(usd),
                String.format(Locale.ROOT, "No more than %.2f queries/s and %.0f %% CPU (p95) for %d hours: suspend it "
                        + "or set an idle auto-suspend interval.", u.recentMaxQps(), u.recentP95Cpu(), u.recentHours()));
    }

    /**
     * Weekday x hour cells from the clusters' week profiles: CPU is the mean over every cluster-hour
     * in the cell; QPS is the scope's total, summed over clusters and averaged over the times the
     * cell occurs in the window.
     */
    static Heatmap heatmap(List<WeekProfile> weeks, int days, @Nullable LocalDateTime asOf) {
        int[] occurrences = new int[168];
        if (asOf != null) {
            for (LocalDateTime t = asOf.minusDays(days).plusHours(1); !t.isAfter(asOf); t = t.plusHours(1)) {
                occurrences[hourOfWeek(t)]++;
            }
        }
        Double[][] cpu = new Double[7][24];
        Double[][] qps = new Double[7][24];
        for (int how = 0; how < 168; how++) {
            double cpuSum = 0;
            double qpsSum = 0;
            int cpuN = 0;
            int qpsN = 0;
            for (WeekProfile w : weeks) {
                cpuSum += w.cpuSum()[how];
                cpuN += w.cpuCount()[how];
                qpsSum += w.qpsSum()[how];
                qpsN += w.qpsCount()[how];
            }
            cpu[how / 24][how % 24] = cpuN == 0 ? null : round(cpuSum / cpuN);
            qps[how / 24][how % 24] = qpsN == 0 || occurrences[how] == 0 ? null : round(qpsSum / occurrences[how]);
        }
        List<Integer> hours = new ArrayList<>();
        for (int h = 0; h < 24; h++) {
            hours.add(h);
        }
        return new Heatmap(WEEKDAYS, hours, "UTC", cpu, qps);
    }

    /** 0 = Monday 00:00 UTC. */
    static int hourOfWeek(LocalDateTime t) {
        return (t.getDayOfWeek().getValue() - 1) * 24 + t.getHour();
    }

    static Double round(Double v) {
        return v == null ? null : Math.round(v * 10) / 10.0;
    }

    static double round2(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
