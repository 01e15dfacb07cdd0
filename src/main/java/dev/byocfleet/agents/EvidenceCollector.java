package dev.byocfleet.agents;

import dev.byocfleet.agents.EvidencePack.AlertFamily;
import dev.byocfleet.agents.EvidencePack.Change;
import dev.byocfleet.agents.EvidencePack.FleetComparison;
import dev.byocfleet.agents.EvidencePack.KnowledgeRef;
import dev.byocfleet.agents.EvidencePack.MetricSignal;
import dev.byocfleet.agents.EvidencePack.Scope;
import dev.byocfleet.api.NotFoundException;
import dev.byocfleet.fleet.ClusterDetail;
import dev.byocfleet.fleet.FleetService;
import dev.byocfleet.knowledge.KnowledgeHit;
import dev.byocfleet.knowledge.KnowledgeService;
import dev.byocfleet.metrics.ClusterMetrics;
import dev.byocfleet.metrics.ClusterMetricsService;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Steps 1-6 of the protocol: tool calls over the feature services, each result kept as an evidence
 * item with an id. Runs the same with or without an LLM.
 */
@Component
class EvidenceCollector {

    static final int TIMELINE_HOURS = 24;
    static final int METRIC_HOURS = 72;
    static final int RECENT_HOURS = 6;
    static final int BASELINE_GAP_HOURS = 12;
    static final int CHANGE_HOURS = 48;
    static final int KNOWLEDGE_HITS = 3;

    private final FleetService fleet;
    private final ClusterMetricsService metrics;
    private final KnowledgeService knowledge;
    private final EvidenceRepository repository;

    EvidenceCollector(FleetService fleet, ClusterMetricsService metrics, KnowledgeService knowledge,
                      EvidenceRepository repository) {
        this.fleet = fleet;
        this.metrics = metrics;
        this.knowledge = knowledge;
        this.repository = repository;
    }

    EvidencePack collect(String clusterId, LocalDateTime at, String trigger) {
        Items items = new Items();
        ClusterDetail detail = fleet.cluster(clusterId)
                .orElseThrow(() -> new NotFoundException("No cluster with id '" + clusterId + "'."));
        Scope scope = scope(detail, at, trigger, items);
        List<AlertFamily> alerts = alerts(clusterId, at, items);
        List<MetricSignal> signals = metrics(clusterId, at, items);
        List<Change> changes = changes(detail, at, items);
        FleetComparison comparison = fleetComparison(clusterId, scope, alerts, at, items);
        List<KnowledgeRef> refs = knowledge(scope, alerts, signals, items);
        return new EvidencePack(clusterId, at, trigger, scope, alerts, signals, changes, comparison, refs, items.list);
    }

    private Scope scope(ClusterDetail d, LocalDateTime at, String trigger, Items items) {
        var c = d.cluster();
        var org = d.organization();
        int fe = 0;
        int be = 0;
        String instanceType = null;
        for (var r : d.resources()) {
            if (Boolean.TRUE.equals(r.deleted())) {
                continue;
            }
            int n = r.nodeCount() == null ? 0 : r.nodeCount();
            if ("FE".equals(r.resourceType()) || "COORDINATOR".equals(r.resourceType())) {
                fe += n;
            } else {
                be += n;
                instanceType = instanceType == null ? r.instanceType() : instanceType;
            }
        }
        int dead = (int) d.nodes().stream().filter(n -> "dead".equals(n.state()) && n.terminatedAt() == null).count();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("cluster_name", c.clusterName());
        data.put("org", org == null ? null : org.orgName());
        data.put("tier", org == null ? null : org.tier());
        data.put("version", c.clusterVersion());
        data.put("type", c.clusterType());
        data.put("region", c.region());
        data.put("state", c.clusterState());
        data.put("fe_count", fe);
        data.put("be_count", be);
        data.put("dead_nodes", dead);
        data.put("instance_type", instanceType);
        data.put("trigger", trigger);
        String id = items.add(1, "fleet.cluster", Map.of("cluster_id", c.clusterId()),
                "%s (%s) tier %s, %s %s in %s, %d FE / %d BE, state %s".formatted(c.clusterName(), c.clusterId(),
                        data.get("tier"), c.clusterType(), c.clusterVersion(), c.region(), fe, be, c.clusterState()), data);
        return new Scope(id, c.clusterName(), org == null ? null : org.orgName(), org == null ? null : org.tier(),
                c.clusterVersion(), c.clusterType(), c.region(), c.clusterState(), fe, be, dead, instanceType);
    }

    private List<AlertFamily> alerts(String clusterId, LocalDateTime at, Items items) {
        var rows = repository.timeline(clusterId, at.minusHours(TIMELINE_HOURS), at);
        Map<String, List<EvidenceRepository.AlertRow>> byName = rows.stream().collect(Collectors.groupingBy(
                r -> r.alertName() == null ? "(unnamed)" : r.alertName(), LinkedHashMap::new, Collectors.toList()));
        List<AlertFamily> out = new ArrayList<>();
        byName.forEach((name, list) -> {
            int firing = (int) list.stream().filter(r -> "firing".equals(r.status())).count();
            int resolved = list.size() - firing;
            String severity = list.stream().map(EvidenceRepository.AlertRow::severity)
                    .min((a, b) -> Integer.compare(rank(a), rank(b))).orElse("info");
            boolean stillFiring = "firing".equals(list.getLast().status());
            List<String> summaries = list.stream().map(EvidenceRepository.AlertRow::summary).filter(Objects::nonNull)
                    .distinct().limit(3).toList();
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("alert_name", name);
            data.put("severity", severity);
            data.put("firing", firing);
            data.put("resolved", resolved);
            data.put("still_firing", stillFiring);
            data.put("first_at", list.getFirst().alertAt().toString());
            data.put("last_at", list.getLast().alertAt().toString());
            // untrusted text from the alert sender: data, never instructions
            data.put("untrusted_summaries", summaries);
            String id = items.add(2, "alerts.timeline", Map.of("cluster_id", clusterId, "alert_name", name,
                            "hours", TIMELINE_HOURS),
                    "%s (%s): %d firing, %d resolved, first %s, last %s%s".formatted(name, severity, firing, resolved,
                            list.getFirst().alertAt(), list.getLast().alertAt(), stillFiring ? ", still firing" : ""), data);
            out.add(new AlertFamily(id, name, severity, firing, resolved, stillFiring, list.getFirst().alertAt(),
                    list.getLast().alertAt(), summaries));
        });
        if (out.isEmpty()) {
            items.add(2, "alerts.timeline", Map.of("cluster_id", clusterId, "hours", TIMELINE_HOURS),
                    "no alerts in the last " + TIMELINE_HOURS + " hours", Map.of("alerts", 0));
        }
        return out;
    }

    private List<MetricSignal> metrics(String clusterId, LocalDateTime at, Items items) {
        LocalDateTime end = at.truncatedTo(ChronoUnit.HOURS);
        ClusterMetrics m;
        try {
            m = metrics.clusterMetrics(clusterId, null, end, METRIC_HOURS);
        } catch (NotFoundException e) {
            items.add(3, "metrics.cluster_metrics", Map.of("cluster_id", clusterId), "no metric snapshots",
                    Map.of("series", 0));
            return List.of();
        }
        List<MetricSignal> out = new ArrayList<>();
        for (var s : m.series()) {
            boolean lower = "lower_is_worse".equals(s.direction());
            List<Double> recent = new ArrayList<>();
            List<Double> base = new ArrayList<>();
            for (var p : s.points()) {
                Double v = lower ? p.min() : p.max();
                if (v == null) {
                    continue;
                }
                long age = ChronoUnit.HOURS.between(p.hour(), end);
                if (age < RECENT_HOURS) {
                    recent.add(v);
                } else if (age >= BASELINE_GAP_HOURS) {
                    base.add(v);
                }
            }
            if (recent.isEmpty()) {
                continue;
            }
            double worst = lower ? recent.stream().min(Double::compare).orElseThrow() : recent.stream().max(Double::compare).orElseThrow();
            Double baseline = base.isEmpty() ? null : median(base);
            String band = band(worst, s.warnThreshold(), s.critThreshold(), lower);
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("metric", s.metricName());
            data.put("recent_worst", round(worst));
            data.put("baseline_median", baseline == null ? null : round(baseline));
            data.put("warn", s.warnThreshold());
            data.put("crit", s.critThreshold());
            data.put("band", band);
            String id = items.add(3, "metrics.cluster_metrics", Map.of("cluster_id", clusterId, "metric", s.metricName(),
                            "to", end.toString(), "hours", METRIC_HOURS),
                    "%s: worst %s in the last %dh vs baseline %s (%s)".formatted(s.metricName(), round(worst), RECENT_HOURS,
                            baseline == null ? "n/a" : round(baseline), band == null ? "no thresholds" : band), data);
            out.add(new MetricSignal(id, s.metricName(), worst, baseline, s.warnThreshold(), s.critThreshold(), lower, band));
        }
        return out;
    }

    private List<Change> changes(ClusterDetail d, LocalDateTime at, Items items) {
        LocalDateTime from = at.minusHours(CHANGE_HOURS);
        List<Change> out = new ArrayList<>();
        for (var a : d.recentActions()) {
            if (a.startedAt() == null || a.startedAt().isBefore(from) || a.startedAt().isAfter(at)) {
                continue;
            }
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("action_type", a.actionType());
            data.put("from", a.fromValue());
            data.put("to", a.toValue());
            data.put("state", a.state());
            data.put("source", a.source());
            data.put("started_at", a.startedAt().toString());
            data.put("finished_at", a.finishedAt() == null ? null : a.finishedAt().toString());
            String id = items.add(4, "fleet.cluster_actions", Map.of("cluster_id", d.cluster().clusterId(), "hours", CHANGE_HOURS),
                    "%s %s -> %s (%s, %s) at %s".formatted(a.actionType(), a.fromValue(), a.toValue(), a.state(), a.source(),
                            a.startedAt()), data);
            out.add(new Change(id, String.valueOf(a.actionType()), a.source(), a.fromValue(), a.toValue(), a.state(),
                    a.startedAt(), a.finishedAt()));
        }
        for (var s : d.stateHistory()) {
            if (s.changedAt().isBefore(from) || s.changedAt().isAfter(at)) {
                continue;
            }
            String id = items.add(4, "fleet.cluster_state_history", Map.of("cluster_id", d.cluster().clusterId()),
                    "state %s -> %s at %s%s".formatted(s.fromState(), s.toState(), s.changedAt(),
                            s.abnormalReason() == null ? "" : " (" + s.abnormalReason() + ")"),
                    mapOf("from", s.fromState(), "to", s.toState(), "changed_at", s.changedAt().toString()));
            out.add(new Change(id, "STATE", s.abnormalReason(), s.fromState(), s.toState(), null, s.changedAt(), s.changedAt()));
        }
        if (out.isEmpty()) {
            items.add(4, "fleet.cluster_actions", Map.of("cluster_id", d.cluster().clusterId(), "hours", CHANGE_HOURS),
                    "no control-plane changes in the last " + CHANGE_HOURS + " hours", Map.of("changes", 0));
        }
        return out;
    }

    private FleetComparison fleetComparison(String clusterId, Scope scope, List<AlertFamily> alerts, LocalDateTime at,
                                            Items items) {
        List<String> names = alerts.stream().filter(a -> a.firing() > 0).map(AlertFamily::alertName).limit(10).toList();
        var others = repository.otherClustersFiring(names, clusterId, at.minusHours(TIMELINE_HOURS), at);
        int sameVersion = scope.version() == null ? 0
                : (int) others.stream().filter(o -> scope.version().equals(o.version())).count();
        int onVersion = scope.version() == null ? 0 : repository.clustersOnVersion(scope.version());
        String id = items.add(5, "alerts.fleet_comparison", Map.of("alert_names", names, "hours", TIMELINE_HOURS),
                "%d other cluster(s) fired the same alerts; %d of them on version %s (%d clusters run it)".formatted(
                        others.size(), sameVersion, scope.version(), onVersion),
                mapOf("other_clusters", others.size(), "same_version", sameVersion, "clusters_on_version", onVersion));
        return new FleetComparison(id, others.size(), sameVersion, onVersion);
    }

    private List<KnowledgeRef> knowledge(Scope scope, List<AlertFamily> alerts, List<MetricSignal> signals, Items items) {
        String q = (alerts.stream().map(AlertFamily::alertName).limit(4).collect(Collectors.joining(" ")) + " "
                + signals.stream().filter(MetricSignal::atLeastWarning).map(MetricSignal::metric).limit(4)
                .collect(Collectors.joining(" "))).strip();
        List<KnowledgeRef> out = new ArrayList<>();
        if (q.isEmpty()) {
            items.add(6, "knowledge.search", Map.of(), "nothing to look up: no alerts and no metric out of band", Map.of());
            return out;
        }
        List<KnowledgeHit> hits = knowledge.search(q, null, scope.version(), null, KNOWLEDGE_HITS).hits();
        for (KnowledgeHit h : hits) {
            String id = items.add(6, "knowledge.search", mapOf("q", q, "version", scope.version()),
                    "%s: %s".formatted(h.kind().name().toLowerCase(), h.title()),
                    mapOf("doc_id", h.docId(), "kind", h.kind().name().toLowerCase(), "title", h.title(),
                            "affected_versions", h.affectedVersions(), "fixed_versions", h.fixedVersions()));
            out.add(new KnowledgeRef(id, h.docId(), h.kind().name().toLowerCase(), h.title(), h.affectedVersions()));
        }
        return out;
    }

    private static String band(double v, Double warn, Double crit, boolean lower) {
        if (warn == null && crit == null) {
            return null;
        }
        if (crit != null && (lower ? v <= crit : v >= crit)) {
            return "critical";
        }
        if (warn != null && (lower ? v < warn : v >= warn)) {
            return "warning";
        }
        return "ok";
    }

    private static int rank(String severity) {
        return switch (severity) {
            case "critical" -> 0;
            case "warning" -> 1;
            default -> 2;
        };
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }

    private static Map<String, Object> mapOf(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    /** Numbers the evidence items in the order gathered. */
    private static final class Items {
        final List<Evidence> list = new ArrayList<>();

        String add(int step, String tool, Map<String, Object> args, String summary, Map<String, Object> data) {
            String id = "E" + (list.size() + 1);
            list.add(new Evidence(id, step, tool, args, summary, data));
            return id;
        }
    }
}
