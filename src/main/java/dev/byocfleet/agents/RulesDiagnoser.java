package dev.byocfleet.agents;

import dev.byocfleet.agents.EvidencePack.AlertFamily;
import dev.byocfleet.agents.EvidencePack.Change;
import dev.byocfleet.agents.EvidencePack.MetricSignal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Step 7 without an LLM: deterministic rules over the evidence pack. Every category collects
 * points from the facts that speak for it (metrics against the cluster's own baseline, alert
 * families, control-plane changes, the fleet and the Knowledge Lake) and cites the evidence ids
 * it used; the facts that speak against it are cited when it is refuted. Alert text is matched
 * only against alert names, never read for instructions.
 */
final class RulesDiagnoser implements Diagnoser {

    static final double SUPPORTED_AT = 3.0;

    @Override
    public Diagnosis diagnose(EvidencePack pack) {
        List<Scored> scored = new ArrayList<>();
        scored.add(disk(pack));
        scored.add(compaction(pack));
        scored.add(beOom(pack));
        scored.add(feGc(pack));
        scored.add(queryOverload(pack));
        scored.add(routineLoad(pack));
        scored.add(nodeFailure(pack));
        scored.add(versionBug(pack));
        scored.add(scaling(pack));
        scored.sort(Comparator.comparingDouble(Scored::points).reversed());

        List<Hypothesis> hypotheses = new ArrayList<>();
        double second = scored.size() > 1 ? scored.get(1).points() : 0;
        for (Scored s : scored) {
            if (s.points() <= 0 && s.against().isEmpty()) {
                continue;
            }
            boolean supported = s.points() >= SUPPORTED_AT;
            double margin = s == scored.getFirst() ? s.points() - second : 0;
            double confidence = supported ? Math.min(0.95, 0.35 + 0.07 * s.points() + 0.05 * margin)
                    : Math.max(0.02, Math.min(0.3, 0.05 * s.points()));
            List<String> cites = supported || s.against().isEmpty() ? List.copyOf(s.cites()) : List.copyOf(s.against());
            if (cites.isEmpty()) {
                cites = List.of(pack.scope().evidenceId());
            }
            hypotheses.add(new Hypothesis(s.category(), supported ? Hypothesis.SUPPORTED : Hypothesis.REFUTED,
                    round(confidence), cites, s.reason().isEmpty() ? "no supporting evidence" : String.join("; ", s.reason())));
        }
        String root;
        double confidence;
        if (!hypotheses.isEmpty() && hypotheses.getFirst().status().equals(Hypothesis.SUPPORTED)) {
            root = hypotheses.getFirst().category();
            confidence = hypotheses.getFirst().confidence();
        } else if (troubled(pack)) {
            root = RootCause.UNKNOWN;
            confidence = 0.3;
            hypotheses.addFirst(new Hypothesis(RootCause.UNKNOWN, Hypothesis.SUPPORTED, 0.3, troubleCites(pack),
                    "metrics are out of band or critical alerts fire, but no known pattern matches"));
        } else {
            root = RootCause.NO_INCIDENT;
            confidence = 0.7;
            hypotheses.addFirst(new Hypothesis(RootCause.NO_INCIDENT, Hypothesis.SUPPORTED, 0.7, quietCites(pack),
                    "no metric at critical level against its band, no critical alert still firing and no matching pattern"));
        }
        return Remediation.complete(pack, "rules", hypotheses, root, confidence, "rules");
    }

    private static Scored disk(EvidencePack p) {
        Scored s = new Scored(RootCause.DISK_CAPACITY);
        metric(p, "disk_used_pct").ifPresent(m -> {
            if (value(m) >= 80) {
                s.add(2, m, "disk used " + fmt(m.recent()) + "%");
                if (value(m) >= 88) {
                    s.add(1, m, "close to full");
                }
                if (m.baseline() != null && value(m) - m.baseline() >= 5) {
                    s.add(1, m, "up from " + fmt(m.baseline()) + "%");
                }
            } else {
                s.against(m);
            }
        });
        alerts(p, "disk avail", "disk capacity").forEach(a -> s.add(2, a, "alert " + a.alertName()));
        return s;
    }

    private static Scored compaction(EvidencePack p) {
        Scored s = new Scored(RootCause.COMPACTION_BACKLOG);
        metric(p, "compaction_score_max").ifPresent(m -> {
            if (value(m) >= 100 && m.ratio() >= 2) {
                s.add(3, m, "compaction score " + fmt(m.recent()) + " vs " + fmt(m.baseline()));
            } else {
                s.against(m);
            }
        });
        metric(p, "tablet_versions_max").ifPresent(m -> {
            if (value(m) >= 400 && m.ratio() >= 1.5) {
                s.add(1, m, "tablet versions " + fmt(m.recent()));
            }
        });
        alerts(p, "compaction", "version count").forEach(a -> s.add(1.5, a, "alert " + a.alertName()));
        return s;
    }

    private static Scored beOom(EvidencePack p) {
        Scored s = new Scored(RootCause.BE_OOM);
        Optional<MetricSignal> mem = metric(p, "mem_util_pct");
        boolean high = mem.map(m -> value(m) >= 90).orElse(false);
        mem.ifPresent(m -> {
            if (high) {
                s.add(2.5, m, "BE memory " + fmt(m.recent()) + "%");
                if (m.baseline() != null && m.ratio() >= 1.2) {
                    s.add(1, m, "up from " + fmt(m.baseline()) + "%");
                }
            } else {
                s.against(m);
            }
        });
        if (high) {
            metric(p, "node_restarts").filter(m -> value(m) > 0).ifPresent(m -> s.add(1, m, "BE restarts"));
            alerts(p, "be mem", "memory alert").forEach(a -> s.add(1, a, "alert " + a.alertName()));
        }
        return s;
    }

    private static Scored feGc(EvidencePack p) {
        Scored s = new Scored(RootCause.FE_GC_PRESSURE);
        metric(p, "fe_jvm_heap_pct").ifPresent(m -> {
            if (value(m) >= 85 && (m.baseline() == null || value(m) - m.baseline() >= 10)) {
                s.add(2.5, m, "FE heap " + fmt(m.recent()) + "%");
            } else {
                s.against(m);
            }
        });
        metric(p, "fe_gc_old_ms").ifPresent(m -> {
            if (value(m) >= 5000 && m.ratio() >= 3) {
                s.add(1.5, m, "old GC " + fmt(m.recent()) + " ms/min");
            }
        });
        alerts(p, "fe jvm").forEach(a -> s.add(1, a, "alert " + a.alertName()));
        return s;
    }

    private static Scored queryOverload(EvidencePack p) {
        Scored s = new Scored(RootCause.QUERY_OVERLOAD);
        Optional<MetricSignal> qps = metric(p, "query_qps");
        boolean surge = qps.map(m -> m.baseline() != null && m.ratio() >= 2.2).orElse(false);
        qps.ifPresent(m -> {
            if (surge) {
                s.add(3, m, "QPS x" + fmt(m.ratio()) + " of its baseline");
            } else {
                s.against(m);
            }
        });
        if (surge) {
            metric(p, "cpu_util_pct").filter(m -> value(m) >= 80).ifPresent(m -> s.add(1, m, "CPU " + fmt(m.recent()) + "%"));
            metric(p, "query_queue_pending").filter(m -> value(m) >= 1 && m.ratio() >= 2)
                    .ifPresent(m -> s.add(0.5, m, "queries queued"));
        }
        alerts(p, "query overload").forEach(a -> s.add(1.5, a, "alert " + a.alertName()));
        return s;
    }

    private static Scored routineLoad(EvidencePack p) {
        Scored s = new Scored(RootCause.ROUTINE_LOAD_LAG);
        metric(p, "routine_load_lag_max").ifPresent(m -> {
            if (value(m) >= 100_000 && m.ratio() >= 5) {
                s.add(3, m, "routine load lag " + fmt(m.recent()) + " offsets");
            } else {
                s.against(m);
            }
        });
        metric(p, "routine_load_paused").filter(m -> value(m) >= 1 && (m.baseline() == null || m.baseline() < 1))
                .ifPresent(m -> s.add(1, m, "paused jobs"));
        alerts(p, "routine load").forEach(a -> s.add(1.5, a, "alert " + a.alertName()));
        return s;
    }

    private static Scored nodeFailure(EvidencePack p) {
        Scored s = new Scored(RootCause.NODE_FAILURE);
        metric(p, "be_alive_ratio").ifPresent(m -> {
            if (m.recent() != null && m.recent() < 0.999) {
                s.add(2, m, "BE alive ratio " + fmt(m.recent()));
            } else {
                s.against(m);
            }
        });
        if (p.scope().deadNodes() > 0) {
            s.add(2, p.scope().evidenceId(), p.scope().deadNodes() + " node(s) dead in the control plane");
        }
        p.changes().stream().filter(c -> "STATE".equals(c.kind()) && "ABNORMAL".equalsIgnoreCase(c.to()))
                .forEach(c -> s.add(1, c.evidenceId(), "cluster went ABNORMAL"));
        if (s.points() > 0) {
            alerts(p, "be service suspension", "backends status").forEach(a -> s.add(1, a, "alert " + a.alertName()));
        }
        // a BE killed by memory or crashing after an upgrade is not a failed node
        metric(p, "mem_util_pct").filter(m -> value(m) >= 90).ifPresent(m -> s.add(-2, m, "memory is high (OOM kills?)"));
        if (upgrade(p).isPresent() && metric(p, "query_error_pct").filter(RulesDiagnoser::errorsUp).isPresent()) {
            s.add(-1.5, upgrade(p).get().evidenceId(), "errors after an upgrade");
        }
        return s;
    }

    private static Scored versionBug(EvidencePack p) {
        Scored s = new Scored(RootCause.VERSION_BUG);
        Optional<Change> upgrade = upgrade(p);
        upgrade.ifPresent(c -> s.add(2, c.evidenceId(), "upgraded " + c.from() + " -> " + c.to() + " at " + c.startedAt()));
        Optional<MetricSignal> errors = metric(p, "query_error_pct");
        errors.ifPresent(m -> {
            if (errorsUp(m)) {
                s.add(upgrade.isPresent() ? 2 : 1, m, "query errors " + fmt(m.recent()) + "% vs " + fmt(m.baseline()) + "%");
            } else {
                s.against(m);
            }
        });
        String version = p.scope().version();
        p.knowledge().stream()
                .filter(k -> k.kind().equals("known_bug") && version != null
                        && k.affectedVersions().stream().anyMatch(v -> !v.equals("*") && version.startsWith(v.split("[ -]")[0].replace(">=", ""))))
                .limit(1).forEach(k -> s.add(upgrade.isPresent() || errors.filter(RulesDiagnoser::errorsUp).isPresent() ? 1 : 0.5,
                        k.evidenceId(), "known bug for " + version + ": " + k.title()));
        if (s.points() >= 2 && p.fleet().sameVersionWithSameAlerts() > 0) {
            s.add(1, p.fleet().evidenceId(), p.fleet().sameVersionWithSameAlerts() + " other cluster(s) on " + version
                    + " fire the same alerts");
        }
        if (upgrade.isEmpty()) {
            s.cap(2.5);
        }
        return s;
    }

    private static Scored scaling(EvidencePack p) {
        Scored s = new Scored(RootCause.SCALING_SIDE_EFFECT);
        Optional<Change> scaleIn = p.changes().stream()
                .filter(c -> c.kind().equalsIgnoreCase("SCALE_IN") || c.kind().equalsIgnoreCase("SCALE_DOWN"))
                .filter(c -> c.startedAt() != null && Duration.between(c.startedAt(), p.at()).toHours() <= 12)
                .filter(c -> c.state() == null || !c.state().equalsIgnoreCase("Failed"))
                .findFirst();
        if (scaleIn.isEmpty()) {
            return s;
        }
        Change c = scaleIn.get();
        boolean qpsSurge = metric(p, "query_qps").map(m -> m.baseline() != null && m.ratio() >= 2.2).orElse(false);
        List<MetricSignal> strained = new ArrayList<>();
        metric(p, "cpu_util_pct").filter(m -> value(m) >= 80 && m.ratio() >= 1.25).ifPresent(strained::add);
        metric(p, "query_p99_ms").filter(m -> m.ratio() >= 1.8 && value(m) >= 2000).ifPresent(strained::add);
        metric(p, "mem_util_pct").filter(m -> m.ratio() >= 1.25 && value(m) >= 80).ifPresent(strained::add);
        metric(p, "query_queue_pending").filter(m -> value(m) >= 1 && m.ratio() >= 2).ifPresent(strained::add);
        if (strained.isEmpty()) {
            s.against.add(c.evidenceId());
            return s;
        }
        s.add(qpsSurge ? 1 : 2.5, c.evidenceId(), c.kind() + " " + c.from() + " -> " + c.to() + " at " + c.startedAt());
        for (MetricSignal m : strained) {
            s.add(qpsSurge ? 0.3 : 0.8, m, m.metric() + " " + fmt(m.recent()) + " vs " + fmt(m.baseline()) + " on fewer nodes");
        }
        return s;
    }

    // --- facts

    private static Optional<Change> upgrade(EvidencePack p) {
        return p.changes().stream().filter(c -> c.kind().equalsIgnoreCase("UPGRADE"))
                .filter(c -> c.startedAt() != null && Duration.between(c.startedAt(), p.at()).toHours() <= 24)
                .filter(c -> c.state() == null || !c.state().equalsIgnoreCase("Failed"))
                .findFirst();
    }

    private static boolean errorsUp(MetricSignal m) {
        return value(m) >= 3 && (m.baseline() == null || m.ratio() >= 3);
    }

    private static boolean troubled(EvidencePack p) {
        return p.metrics().stream().anyMatch(m -> "critical".equals(m.band()) && m.ratio() >= 1.2)
                || p.alerts().stream().anyMatch(a -> a.severity().equals("critical") && a.stillFiring());
    }

    private static List<String> troubleCites(EvidencePack p) {
        Set<String> ids = new LinkedHashSet<>();
        p.metrics().stream().filter(m -> "critical".equals(m.band())).forEach(m -> ids.add(m.evidenceId()));
        p.alerts().stream().filter(a -> a.severity().equals("critical")).forEach(a -> ids.add(a.evidenceId()));
        return ids.isEmpty() ? List.of(p.scope().evidenceId()) : List.copyOf(ids);
    }

    private static List<String> quietCites(EvidencePack p) {
        Set<String> ids = new LinkedHashSet<>();
        p.alerts().forEach(a -> ids.add(a.evidenceId()));
        p.metrics().stream().limit(3).forEach(m -> ids.add(m.evidenceId()));
        ids.add(p.scope().evidenceId());
        return List.copyOf(ids);
    }

    private static Optional<MetricSignal> metric(EvidencePack p, String name) {
        return p.metric(name).filter(m -> m.recent() != null);
    }

    private static List<AlertFamily> alerts(EvidencePack p, String... nameParts) {
        return p.alerts().stream().filter(a -> a.firing() > 0).filter(a -> {
            String n = a.alertName().toLowerCase(Locale.ROOT);
            for (String part : nameParts) {
                if (n.contains(part)) {
                    return true;
                }
            }
            return false;
        }).limit(2).toList();
    }

    private static double value(MetricSignal m) {
        return m.recent() == null ? 0 : m.recent();
    }

    private static String fmt(Double v) {
        return v == null ? "n/a" : v >= 100 ? String.valueOf(Math.round(v)) : String.valueOf(Math.round(v * 100) / 100.0);
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }

    /** A category's running score with its citations. */
    private static final class Scored {
        private final String category;
        private double points;
        private double cap = Double.MAX_VALUE;
        private final Set<String> cites = new LinkedHashSet<>();
        private final Set<String> against = new LinkedHashSet<>();
        private final List<String> reason = new ArrayList<>();

        Scored(String category) {
            this.category = category;
        }

        void add(double p, MetricSignal m, String why) {
            add(p, m.evidenceId(), why);
        }

        void add(double p, AlertFamily a, String why) {
            add(p, a.evidenceId(), why);
        }

        void add(double p, String evidenceId, String why) {
            points += p;
            if (p > 0) {
                cites.add(evidenceId);
            } else {
                against.add(evidenceId);
            }
            reason.add(why);
        }

        void against(MetricSignal m) {
            against.add(m.evidenceId());
        }

        void cap(double max) {
            cap = max;
        }

        String category() {
            return category;
        }

        double points() {
            return Math.min(points, cap);
        }

        Set<String> cites() {
            return cites;
        }

        Set<String> against() {
            return against;
        }

        List<String> reason() {
            return reason;
        }
    }
}
