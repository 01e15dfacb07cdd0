package dev.byocfleet.analysis;

import dev.byocfleet.analysis.UsageReport.OverProvisioned;
import dev.byocfleet.analysis.UsageRepository.ClusterUse;
import dev.byocfleet.analysis.UsageRepository.Compute;
import dev.byocfleet.analysis.UsageRepository.Rate;
import dev.byocfleet.analysis.UsageRepository.Spec;
import dev.byocfleet.analysis.UsageRepository.WeekBill;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Suggests a smaller compute footprint for clusters whose p95 peaks stay low: fewer BE/CN nodes
 * where the p95 CPU and memory peaks still fit under the targets (shared-nothing clusters keep at
 * least three BEs for three replicas), otherwise the next smaller instance type of the same family
 * in the region. The saving is the compute share of the last week's bill that would go away.
 */
final class RightSizing {

    private final AnalysisProperties props;
    private final UsageRepository repository;
    private final LocalDate day;

    RightSizing(UsageRepository repository, AnalysisProperties props, LocalDate day) {
        this.repository = repository;
        this.props = props;
        this.day = day;
    }

    List<OverProvisioned> suggest(List<ClusterUse> uses, Map<String, List<WeekBill>> bills) {
        if (uses.isEmpty()) {
            return List.of();
        }
        Map<String, Compute> compute = new HashMap<>();
        for (Compute c : repository.compute(UsageRepository.ids(uses))) {
            compute.putIfAbsent(c.clusterId(), c);
        }
        List<Spec> specs = repository.specs();
        Map<String, Double> rates = new HashMap<>();
        for (Rate r : repository.rates(day)) {
            rates.put(rateKey(r.csp(), r.instanceType(), r.nodeType()), r.ccuPerHour());
        }
        List<OverProvisioned> out = new ArrayList<>();
        for (ClusterUse u : uses) {
            Compute c = compute.get(u.clusterId());
            if (c == null || c.nodeCount() <= 0) {
                continue;
            }
            List<WeekBill> billsOf = bills.getOrDefault(u.clusterId(), List.of());
            double ccu = billsOf.stream().filter(b -> isCompute(b.nodeType())).mapToDouble(WeekBill::ccu).sum();
            double usd = billsOf.stream().filter(b -> isCompute(b.nodeType())).mapToDouble(WeekBill::usd).sum();
            suggestion(u, c, specs, rates, ccu, usd).ifPresent(out::add);
        }
        return out;
    }

    private Optional<OverProvisioned> suggestion(ClusterUse u, Compute c, List<Spec> specs, Map<String, Double> rates,
                                                 double ccu, double usd) {
        int nodes = c.nodeCount();
        boolean classic = "CLASSIC".equalsIgnoreCase(c.clusterType());
        int minNodes = classic ? Math.min(3, nodes) : 1;
        int needCpu = (int) Math.ceil(nodes * u.p95Cpu() / props.targetCpuPct());
        int needMem = (int) Math.ceil(nodes * u.p95Mem() / UsagePatterns.TARGET_MEM_PCT);
        int suggested = Math.max(1, Math.max(minNodes, Math.max(needCpu, needMem)));
        String nodeType = "WAREHOUSE".equals(c.resourceType()) ? "CN" : "BE";
        if (suggested < nodes) {
            double fraction = (nodes - suggested) / (double) nodes;
            return Optional.of(result(u, c, suggested, null, ccu, fraction, usd, String.format(Locale.ROOT,
                    "Scale in from %d to %d %s nodes: the p95 peaks (%.0f %% CPU, %.0f %% memory) would stay near "
                            + "%.0f %% CPU.", nodes, suggested, nodeType, u.p95Cpu(), u.p95Mem(),
                    u.p95Cpu() * nodes / suggested)));
        }
        Spec smaller = smallerType(c, specs, u).orElse(null);
        Double now = rates.get(rateKey(c.csp(), c.instanceType(), nodeType));
        Double then = smaller == null ? null : rates.get(rateKey(c.csp(), smaller.instanceType(), nodeType));
        if (smaller == null || now == null || then == null || then >= now) {
            return Optional.empty();
        }
        return Optional.of(result(u, c, nodes, smaller.instanceType(), ccu, 1 - then / now, usd, String.format(Locale.ROOT,
                "Move the %d %s nodes from %s (%d vCPU) to %s (%d vCPU): the p95 peaks (%.0f %% CPU, %.0f %% memory) "
                        + "fit with room to spare.", nodes, nodeType, c.instanceType(), c.vcpu(), smaller.instanceType(),
                smaller.vcpu(), u.p95Cpu(), u.p95Mem())));
    }

    /** The largest type of the same family, role and region with fewer vCPUs that still holds the peaks. */
    private Optional<Spec> smallerType(Compute c, List<Spec> specs, ClusterUse u) {
        if (c.vcpu() == null || c.memoryGb() == null) {
            return Optional.empty();
        }
        String role = "WAREHOUSE".equals(c.resourceType()) ? "COMPUTE" : c.resourceType();
        return specs.stream()
                .filter(s -> s.csp().equals(c.csp()) && s.region().equals(c.region()) && s.nodeRole().equals(role)
                        && Objects.equals(s.instanceFamily(), c.instanceFamily()) && s.vcpu() < c.vcpu())
                .filter(s -> s.vcpu() * props.targetCpuPct() >= c.vcpu() * u.p95Cpu()
                        && s.memoryGb() * UsagePatterns.TARGET_MEM_PCT >= c.memoryGb() * u.p95Mem())
                .max(Comparator.comparingInt(Spec::vcpu));
    }

    private static OverProvisioned result(ClusterUse u, Compute c, int nodes, @Nullable String type, double ccu,
                                          double fraction, double usd, String text) {
        return new OverProvisioned(u.clusterId(), u.clusterName(), u.tier(), u.region(), u.clusterType(),
                c.instanceType(), c.nodeCount(), UsagePatterns.round(u.p95Cpu()), UsagePatterns.round(u.p95Mem()), nodes,
                type, UsagePatterns.round2(ccu), UsagePatterns.round2(ccu * fraction),
                UsagePatterns.round2(usd * fraction), text);
    }

    private static boolean isCompute(String nodeType) {
        return "BE".equalsIgnoreCase(nodeType) || "CN".equalsIgnoreCase(nodeType);
    }

    private static String rateKey(@Nullable String csp, @Nullable String type, String nodeType) {
        return csp + "|" + type + "|" + nodeType;
    }
}
