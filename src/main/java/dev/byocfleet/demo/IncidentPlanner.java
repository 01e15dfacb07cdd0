package dev.byocfleet.demo;

import dev.byocfleet.demo.FleetModel.Action;
import dev.byocfleet.demo.FleetModel.Cluster;
import dev.byocfleet.demo.FleetModel.Node;
import dev.byocfleet.demo.FleetModel.Resource;
import dev.byocfleet.demo.FleetModel.StateChange;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Places scenarios on clusters and writes their control-plane footprint: a version_bug follows an
 * upgrade to an affected version, a scaling_side_effect follows a scale-in, a node_failure leaves
 * the cluster ABNORMAL with a dead node while it lasts. Picks are deterministic: the candidates
 * that satisfy the target, in id order, indexed by a hash of the seed and the scenario id.
 */
final class IncidentPlanner {

    private final FleetModel fleet;
    private final FleetBuilder builder;
    private final long seed;
    private final SplittableRandom rnd;

    IncidentPlanner(FleetModel fleet, FleetBuilder builder, long seed) {
        this.fleet = fleet;
        this.builder = builder;
        this.seed = seed;
        this.rnd = new SplittableRandom(Noise.hash(seed, 0xC0FFEE));
    }

    /** Places one scenario; throws with the reason when no cluster fits an explicit target. */
    Incident place(Scenario s) {
        long dataEnd = fleet.hours * 60L;
        long start = dataEnd - s.startBeforeEnd().toMinutes();
        long end = start + s.duration().toMinutes();
        if (start < 0) {
            throw new IllegalArgumentException("scenario " + s.id() + " starts " + s.startBeforeEnd()
                    + " before the end, before the history begins (" + fleet.hours / 24 + " days)");
        }
        Cluster c = pick(s, start, Math.min(end, dataEnd));
        Incident inc = new Incident(s.id(), s.kind(), c, start, end, s.intensity(), null, null, s.description());
        inc = controlPlane(inc, s.target());
        c.incidents.add(inc);
        return inc;
    }

    /** Random incidents over the history for large presets, placed like scenario files. */
    List<Scenario> backgroundScenarios(int count) {
        List<Scenario> out = new ArrayList<>();
        IncidentKind[] kinds = IncidentKind.values();
        for (int i = 0; i < count; i++) {
            IncidentKind kind = kinds[rnd.nextInt(kinds.length)];
            long hoursBack = 6 + rnd.nextInt(Math.max(1, fleet.hours - 12));
            long duration = 1 + rnd.nextInt(18);
            out.add(new Scenario(String.format(Locale.ROOT, "bg-%04d-%s", i + 1, kind.id()), kind, Scenario.Target.ANY,
                    Duration.ofHours(hoursBack), Duration.ofHours(duration).plusMinutes(rnd.nextInt(60)),
                    0.3 + 0.7 * rnd.nextDouble(), "background incident"));
        }
        return out;
    }

    private Cluster pick(Scenario s, long start, long endInData) {
        Scenario.Target t = s.target();
        int fromHour = (int) (start / 60);
        int toHour = (int) Math.max(fromHour + 1, (endInData + 59) / 60);
        List<Cluster> candidates = fleet.clusters.stream()
                .filter(c -> t.clusterId() == null || c.clusterId.equals(t.clusterId()))
                .filter(c -> t.tier() == null || c.org.tier().equalsIgnoreCase(t.tier()))
                .filter(c -> t.type() == null || c.type.equalsIgnoreCase(t.type()))
                .filter(c -> t.version() == null || (s.kind() == IncidentKind.VERSION_BUG
                        ? c.versionAt(fromHour - 2).compareTo(t.version()) < 0
                        : c.versionAt(fromHour).startsWith(t.version())))
                .filter(c -> t.region() == null || c.region.equalsIgnoreCase(t.region()))
                .filter(c -> t.csp() == null || c.csp.equalsIgnoreCase(t.csp()))
                .filter(c -> runsThroughout(c, fromHour, toHour))
                .filter(c -> controlPlaneQuiet(c, fromHour - 3, s.kind() == IncidentKind.VERSION_BUG ? fleet.hours : toHour))
                .filter(c -> suits(s.kind(), c, fromHour))
                .sorted(Comparator.comparing(c -> c.clusterId))
                .toList();
        if (candidates.isEmpty()) {
            throw new IllegalArgumentException("scenario " + s.id() + ": no cluster matches " + t
                    + " and runs from hour " + fromHour + " to " + toHour);
        }
        List<Cluster> quiet = candidates.stream().filter(c -> c.incidents.isEmpty()).toList();
        List<Cluster> pool = quiet.isEmpty() ? candidates : quiet;
        return pool.get((int) Math.floorMod(Noise.hash(seed, Noise.key(s.id())), (long) pool.size()));
    }

    private boolean runsThroughout(Cluster c, int fromHour, int toHour) {
        for (int h = Math.max(0, fromHour - 3); h < toHour; h++) {
            if (!c.runningAt(h, fleet.weekdayOfHour0)) {
                return false;
            }
        }
        return true;
    }

    /** No scaling, upgrade or other action of the cluster in these hours: the incident's changes stand alone. */
    private boolean controlPlaneQuiet(Cluster c, int fromHour, int toHour) {
        var from = fleet.timeOf(fromHour);
        var to = fleet.timeOf(toHour);
        return c.actions.stream().noneMatch(a -> !"schedule".equals(a.source())
                && a.startedAt().isAfter(from) && a.startedAt().isBefore(to));
    }

    private static boolean suits(IncidentKind kind, Cluster c, int hour) {
        int compute = c.computeResource().countAt(hour);
        return switch (kind) {
            case SCALING_SIDE_EFFECT -> compute >= 3;
            case NODE_FAILURE, BE_OOM -> compute >= 2;
            case ROUTINE_LOAD_LAG, COMPACTION_BACKLOG -> !c.elastic() || kind == IncidentKind.ROUTINE_LOAD_LAG;
            default -> true;
        };
    }

    private Incident controlPlane(Incident inc, Scenario.Target target) {
        Cluster c = inc.cluster();
        int startHour = (int) (inc.startMinute() / 60);
        boolean ongoing = inc.endMinute() >= fleet.hours * 60L;
        var startTime = fleet.timeOf(0).plusMinutes(inc.startMinute());
        // Compute nodes that exist when the incident starts (a cluster released later still had them).
        List<Node> compute = c.nodes.stream()
                .filter(n -> !n.nodeType.equals("FE"))
                .filter(n -> n.terminatedAt == null || n.terminatedAt.isAfter(startTime))
                .toList();
        if (compute.isEmpty()) {
            throw new IllegalArgumentException("scenario " + inc.scenarioId() + ": cluster " + c.clusterId
                    + " has no compute node at " + startTime);
        }
        Node someCompute = compute.get(rnd.nextInt(compute.size()));
        return switch (inc.kind()) {
            case VERSION_BUG -> {
                String current = c.versionAt(startHour - 2);
                // An explicit target version is the affected version the cluster upgrades to.
                String to = target.version() != null && target.version().chars().filter(ch -> ch == '.').count() == 2
                        ? target.version()
                        : Catalog.BUGGY_VERSIONS.stream().filter(v -> v.compareTo(current) > 0).findFirst()
                                .orElse(Catalog.BUGGY_VERSIONS.getFirst());
                builder.upgrade(c, to, startHour - 2, "console");
                yield with(inc, someCompute, "upgraded " + current + " -> " + to);
            }
            case SCALING_SIDE_EFFECT -> {
                Resource r = c.computeResource();
                int from = r.countAt(startHour - 1);
                int removed = Math.max(1, (int) Math.round(from * (0.25 + 0.25 * inc.intensity())));
                int to = Math.max(1, from - removed);
                Action a = builder.scale(c, r, from, to, startHour - 1, "console");
                compute.stream().filter(n -> n.resource == r).skip(Math.max(0, compute.size() - (from - to)))
                        .forEach(n -> {
                            n.state = "decommissioned";
                            n.terminatedAt = a.finishedAt();
                        });
                yield with(inc, null, "scaled in " + r.type + " " + from + " -> " + to);
            }
            case NODE_FAILURE -> {
                var at = fleet.timeOf(0).plusMinutes(inc.startMinute());
                String reason = "BE " + someCompute.privateIp + " heartbeat lost";
                c.stateHistory.add(new StateChange(at.plusMinutes(2), "RUNNING", "ABNORMAL", reason, null));
                if (ongoing) {
                    someCompute.state = "dead";
                    someCompute.lastHeartbeat = at;
                    c.finalState = "ABNORMAL";
                    c.abnormalReason = reason;
                } else {
                    var back = fleet.timeOf(0).plusMinutes(inc.endMinute());
                    c.stateHistory.add(new StateChange(back, "ABNORMAL", "RUNNING", null, null));
                    someCompute.startedAt = back;
                }
                yield with(inc, someCompute, reason);
            }
            case BE_OOM -> {
                someCompute.startedAt = fleet.timeOf(0).plusMinutes(
                        Math.min(inc.endMinute(), fleet.hours * 60L) - 20);
                yield with(inc, someCompute, "BE " + someCompute.privateIp + " killed by the OOM killer");
            }
            case FE_GC_PRESSURE -> with(inc, c.nodes.stream().filter(n -> "LEADER".equals(n.feRole)).findFirst()
                    .orElse(null), "leader FE heap exhausted");
            case DISK_CAPACITY -> {
                if (!ongoing && !c.elastic()) {
                    Resource r = c.computeResource();
                    builder.action(c, r, "MODIFY_VOLUME", "console", r.volumeSizeGb + "GB",
                            (r.volumeSizeGb * 3 / 2) + "GB", (int) (inc.endMinute() / 60));
                }
                yield with(inc, someCompute, "data disk filling up");
            }
            default -> inc;
        };
    }

    private static Incident with(Incident inc, Node node, String detail) {
        return new Incident(inc.scenarioId(), inc.kind(), inc.cluster(), inc.startMinute(), inc.endMinute(),
                inc.intensity(), node, detail, inc.description());
    }
}
