package dev.byocfleet.analysis;

import dev.byocfleet.analysis.UsageReport.Heatmap;
import dev.byocfleet.analysis.UsageReport.IdleCluster;
import dev.byocfleet.analysis.UsageReport.OverProvisioned;
import dev.byocfleet.analysis.UsageReport.Percentiles;
import dev.byocfleet.analysis.UsageRepository.ClusterUse;
import dev.byocfleet.analysis.UsageRepository.Compute;
import dev.byocfleet.analysis.UsageRepository.HourTotal;
import dev.byocfleet.analysis.UsageRepository.WeekBill;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
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
import org.springframework.stereotype.Component;

/**
 * Usage patterns of a scope: heat maps, percentiles, idle and over-provisioned clusters with what
 * they waste. Reports are cached per scope for ten minutes.
 */
@Component
class UsagePatterns {

    static final List<String> WEEKDAYS = List.of("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun");
    static final int MAX_LISTED = 100;
    static final int CACHED_REPORTS = 64;
    /** Memory at the p95 peak that a right-sized cluster may reach. */
    static final double TARGET_MEM_PCT = 80;
    /** Share of the window a cluster must have run to be judged. */
    static final double MIN_COVERAGE = 0.9;

    private final UsageRepository repository;
    private final AnalysisProperties props;
    /** Usage moves slowly: a report is reused for ten minutes (a new snapshot hour changes little). */
    private final Cache<String, UsageReport> cache = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofMinutes(10)).maximumSize(CACHED_REPORTS).build();

    UsagePatterns(UsageRepository repository, AnalysisProperties props) {
        this.repository = repository;
        this.props = props;
    }

    UsageReport report(UsageQuery q) {
        int days = q.days() == null ? props.usageDays() : q.days();
        return cache.get(q + "|" + days, k -> report(q, days));
    }

    private UsageReport report(UsageQuery q, int days) {
        Optional<LocalDateTime> newest = repository.newestSnapshotHour();
        if (newest.isEmpty()) {
            return new UsageReport(null, new UsageReport.Scope(q.clusterId(), q.tier(), q.region(), q.type(), 0), days,
                    heatmap(List.of()), Map.of(), List.of(), List.of(), new UsageReport.Waste(0, 0, 0, 0));
        }
        return compute(q, newest.get(), days);
    }

    private UsageReport compute(UsageQuery q, LocalDateTime asOf, int days) {
        LocalDateTime from = asOf.minusDays(days);
        LocalDateTime recentFrom = asOf.minusDays(props.idleDays());
        List<ClusterUse> uses = repository.clusterUse(q, from, recentFrom, asOf);
        Map<String, Percentiles> percentiles = new LinkedHashMap<>();
        for (var p : repository.percentiles(q, from, asOf)) {
            percentiles.put(p.metricName(), new Percentiles(round(p.p50()), round(p.p95()), round(p.p99()),
                    p.metricName().equals("disk_used_pct") ? "hourly max" : "hourly mean"));
        }
        List<ClusterUse> running = uses.stream().filter(u -> "RUNNING".equalsIgnoreCase(u.clusterState())).toList();
        List<ClusterUse> idleUses = running.stream().filter(this::idle).toList();
        List<ClusterUse> roomy = running.stream().filter(u -> !idle(u) && overProvisioned(u, days)).toList();
        Map<String, List<WeekBill>> bills = new HashMap<>();
        List<String> billed = new ArrayList<>(UsageRepository.ids(idleUses));
        billed.addAll(UsageRepository.ids(roomy));
        repository.newestBillHour().ifPresent(h -> repository.weekBills(billed, h)
                .forEach(b -> bills.computeIfAbsent(b.clusterId(), k -> new ArrayList<>()).add(b)));
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
        return new UsageReport(asOf, new UsageReport.Scope(q.clusterId(), q.tier(), q.region(), q.type(), uses.size()),
                days, heatmap(repository.hourTotals(q, from, asOf)), percentiles, idle, over,
                new UsageReport.Waste(idle.size(), over.size(), round2(ccu), round2(usd)));
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

    static Heatmap heatmap(List<HourTotal> totals) {
        double[][] cpuSum = new double[7][24];
        int[][] cpuN = new int[7][24];
        double[][] qpsSum = new double[7][24];
        int[][] qpsN = new int[7][24];
        for (HourTotal t : totals) {
            int d = t.snapshotHour().getDayOfWeek().getValue() - 1;
            int h = t.snapshotHour().getHour();
            if (t.cpu() != null) {
                cpuSum[d][h] += t.cpu();
                cpuN[d][h]++;
            }
            if (t.qps() != null) {
                qpsSum[d][h] += t.qps();
                qpsN[d][h]++;
            }
        }
        Double[][] cpu = new Double[7][24];
        Double[][] qps = new Double[7][24];
        for (int d = 0; d < 7; d++) {
            for (int h = 0; h < 24; h++) {
                cpu[d][h] = cpuN[d][h] == 0 ? null : round(cpuSum[d][h] / cpuN[d][h]);
                qps[d][h] = qpsN[d][h] == 0 ? null : round(qpsSum[d][h] / qpsN[d][h]);
            }
        }
        List<Integer> hours = new ArrayList<>();
        for (int h = 0; h < 24; h++) {
            hours.add(h);
        }
        return new Heatmap(WEEKDAYS, hours, "UTC", cpu, qps);
    }

    static Double round(Double v) {
        return v == null ? null : Math.round(v * 10) / 10.0;
    }

    static double round2(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
