package dev.byocfleet.demo;

import static dev.byocfleet.metrics.CanonicalMetric.*;

import dev.byocfleet.demo.FleetModel.Cluster;
import dev.byocfleet.demo.FleetModel.Node;
import dev.byocfleet.metrics.CanonicalMetric;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Turns incidents into alerts that agree with the metrics: a rule tied to a metric fires at the
 * first 5-minute sample where the generated value crosses the rule's threshold (plus the rule's
 * one-minute "for") and resolves when it falls back or the incident ends. Rules without a metric
 * condition fire at fixed fractions of the incident. Adds flapping background warnings.
 */
final class AlertPlanner {

    /** The metric condition behind an official rule. */
    record Trigger(CanonicalMetric metric, double threshold, boolean below) {
        boolean holds(double v) {
            return below ? v < threshold : v > threshold;
        }
    }

    static final Map<String, Trigger> TRIGGERS = Map.ofEntries(
            Map.entry("Disks Avail Capacity", new Trigger(DISK_USED_PCT, 80, false)),
            Map.entry("Data Disk Capacity Alert", new Trigger(DISK_USED_PCT, 90, false)),
            Map.entry("High Compaction Pressure Alert", new Trigger(COMPACTION_SCORE_MAX, 100, false)),
            Map.entry("BE Compaction Score", new Trigger(COMPACTION_SCORE_MAX, 100, false)),
            Map.entry("Exceeding Version Count Alert", new Trigger(TABLET_VERSIONS_MAX, 700, false)),
            Map.entry("Loading Failure Alert", new Trigger(LOAD_FAIL_PCT, 5, false)),
            Map.entry("BE Mem", new Trigger(MEM_UTIL_PCT, 90, false)),
            Map.entry("Memory Alert", new Trigger(MEM_UTIL_PCT, 90, false)),
            Map.entry("BE Service Suspension", new Trigger(BE_ALIVE_RATIO, 1, true)),
            Map.entry("Backends Status", new Trigger(BE_ALIVE_RATIO, 1, true)),
            Map.entry("FE JVM Heap Stat", new Trigger(FE_JVM_HEAP_PCT, 80, false)),
            Map.entry("High FE JVM Usage Alert", new Trigger(FE_JVM_HEAP_PCT, 90, false)),
            Map.entry("BE CPU Alert", new Trigger(CPU_UTIL_PCT, 90, false)),
            Map.entry("Query Latency Alert", new Trigger(QUERY_P99_MS, 5000, false)),
            Map.entry("Routine Load Consumption Delay Alert", new Trigger(ROUTINE_LOAD_LAG_MAX, 300_000, false)),
            Map.entry("Query Failure Alert", new Trigger(QUERY_ERROR_PCT, 10, false)),
            Map.entry("Query Error", new Trigger(QUERY_ERROR_PCT, 5, false)));

    private static final int MAX_FIRINGS_PER_RULE = 4;

    private final FleetModel fleet;
    private final MetricModel metrics;
    private final SplittableRandom rnd;

    AlertPlanner(FleetModel fleet, MetricModel metrics, long seed) {
        this.fleet = fleet;
        this.metrics = metrics;
        this.rnd = new SplittableRandom(Noise.hash(seed, 0xA1E27));
    }

    List<DemoAlert> forIncident(Incident inc) {
        List<DemoAlert> out = new ArrayList<>();
        long dataEnd = fleet.hours * 60L;
        long span = inc.endMinute() - inc.startMinute();
        double[] values = new double[MetricModel.COUNT];
        for (Footprints.AlertRule rule : Footprints.alertRules(inc.kind(), inc.intensity())) {
            Node node = rule.perNode() ? nodeFor(inc) : null;
            // Metric-driven timing for the generic symptom rules; a no_incident's flaps are timed.
            Trigger trigger = inc.kind() == IncidentKind.NO_INCIDENT ? null : TRIGGERS.get(rule.name());
            if (trigger == null) {
                long fire = inc.startMinute() + Math.round(rule.fireAt() * span) + 1;
                long resolve = inc.startMinute() + Math.round(rule.resolveAt() * span) + 1;
                if (fire < dataEnd) {
                    out.add(alert(rule, inc.cluster(), node, fire, resolve < dataEnd ? resolve : null, inc.scenarioId(), out.size()));
                }
                continue;
            }
            long firing = -1;
            int firings = 0;
            long from = Math.floorDiv(inc.startMinute() + 4, 5) * 5;
            long until = Math.min(inc.endMinute(), dataEnd);
            for (long m = from; m < until && firings < MAX_FIRINGS_PER_RULE; m += 5) {
                metrics.sample(inc.cluster(), m, values);
                boolean holds = trigger.holds(values[trigger.metric().ordinal()]);
                if (holds && firing < 0) {
                    firing = m + 1;
                } else if (!holds && firing >= 0) {
                    out.add(alert(rule, inc.cluster(), node, firing, m + 1, inc.scenarioId(), out.size()));
                    firing = -1;
                    firings++;
                }
            }
            if (firing >= 0) {
                Long resolve = inc.endMinute() < dataEnd ? inc.endMinute() + 1 : null;
                out.add(alert(rule, inc.cluster(), node, firing, resolve, inc.scenarioId(), out.size()));
            }
        }
        return out;
    }

    /** Short warnings on random running clusters with no incident behind them. */
    List<DemoAlert> noise(double perClusterDay) {
        int count = (int) Math.round(fleet.clusters.size() * (fleet.hours / 24.0) * perClusterDay);
        List<DemoAlert> out = new ArrayList<>();
        for (int i = 0, attempts = 0; i < count && attempts < count * 20; attempts++) {
            Cluster c = fleet.clusters.get(rnd.nextInt(fleet.clusters.size()));
            int hour = rnd.nextInt(fleet.hours);
            if (!c.runningAt(hour, fleet.weekdayOfHour0)) {
                continue;
            }
            Footprints.AlertRule rule = Footprints.NOISE.get(rnd.nextInt(Footprints.NOISE.size()));
            long fire = hour * 60L + rnd.nextInt(50);
            long resolve = fire + 3 + rnd.nextInt(13);
            Node node = rule.perNode() ? anyNode(c, rule) : null;
            out.add(alert(rule, c, node, fire, resolve < fleet.hours * 60L ? resolve : null, null, i));
            i++;
        }
        return out;
    }

    private Node nodeFor(Incident inc) {
        return inc.node() != null ? inc.node() : anyNode(inc.cluster(), null);
    }

    private Node anyNode(Cluster c, Footprints.AlertRule rule) {
        boolean fe = rule != null && rule.name().contains("FE");
        List<Node> nodes = c.nodes.stream().filter(n -> fe == n.nodeType.equals("FE")).toList();
        return nodes.isEmpty() ? c.nodes.getFirst() : nodes.get(rnd.nextInt(nodes.size()));
    }

    private DemoAlert alert(Footprints.AlertRule rule, Cluster c, Node node, long fireMinute, Long resolveMinute,
                            String incidentId, int ordinal) {
        long h = Noise.hash(c.key, Noise.key(rule.name()), node == null ? 0 : Noise.key(node.nodeId));
        String fingerprint = HexFormat.of().toHexDigits(h);
        LocalDateTime starts = fleet.start.plusMinutes(fireMinute).plusSeconds(Math.floorMod(h + ordinal, 50));
        LocalDateTime ends = resolveMinute == null ? null : fleet.start.plusMinutes(resolveMinute)
                .plusSeconds(Math.floorMod(h >>> 8, 50));
        return new DemoAlert(fingerprint, rule.name(), rule.severity(), rule.origin(), c, node, starts, ends,
                rule.summary(), incidentId);
    }

    /**
     * Time order, with no two alerts of one fingerprint overlapping: Alertmanager keeps one alert
     * per label set, so a second firing (say, a noise flap during an incident) while the first is
     * still firing is the same alert and is dropped.
     */
    static List<DemoAlert> inTimeOrder(List<DemoAlert> alerts) {
        List<DemoAlert> byFingerprint = alerts.stream().sorted(Comparator.comparing(DemoAlert::fingerprint)
                .thenComparing(DemoAlert::startsAt)).toList();
        List<DemoAlert> kept = new ArrayList<>();
        DemoAlert previous = null;
        for (DemoAlert a : byFingerprint) {
            boolean overlaps = previous != null && previous.fingerprint().equals(a.fingerprint())
                    && (previous.endsAt() == null || !a.startsAt().isAfter(previous.endsAt()));
            if (!overlaps) {
                kept.add(a);
                previous = a;
            }
        }
        return kept.stream().sorted(Comparator.comparing(DemoAlert::startsAt)
                .thenComparing(DemoAlert::fingerprint)).toList();
    }
}
