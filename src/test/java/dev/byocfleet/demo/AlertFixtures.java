package dev.byocfleet.demo;

import dev.byocfleet.demo.FleetModel.Cluster;
import dev.byocfleet.demo.FleetModel.Node;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * A tiny fleet and a few hundred alerts over it: hand-picked ones of each kind (node and
 * cluster-wide, firing and resolved, both origins), a spread of background alerts, and bursts of
 * one alert on several nodes in the same minute. Every alert carries a secret incident id that must
 * never show up in what the payloads write.
 */
final class AlertFixtures {

    static final LocalDateTime END = LocalDateTime.of(2026, 11, 30, 0, 0);
    static final String SECRET = "inc-secret-";
    static final String CHAT = "oc_a0553eda9014c201e6969b478895c230";

    private static final List<String[]> RULES = List.of(
            new String[] {"BE Service Suspension", "critical", "alertmanager", "node", "BE heartbeat lost"},
            new String[] {"Query Latency Alert", "critical", "alertmanager", "cluster", "Query P95 latency above 5 s"},
            new String[] {"BE Mem", "warning", "grafana", "node", "BE process memory above 90% of its limit"},
            new String[] {"Query Error", "warning", "grafana", "cluster", "Query errors per second above 0.05"},
            new String[] {"Data Disk Capacity Alert", "critical", "alertmanager", "node", "BE data disk usage above 90%"},
            new String[] {"Routine Load Consumption Delay Alert", "warning", "alertmanager", "cluster",
                    "Routine load lag above 300,000 messages"},
            new String[] {"Disks Avail Capacity", "warning", "grafana", "node", "BE data disk available capacity below 20%"});

    private static final String[] BURST = {"BE CPU Alert", "warning", "alertmanager", "node", "BE CPU utilization above 90%"};

    private AlertFixtures() {
    }

    static FleetModel fleet() {
        return new FleetBuilder(Preset.TINY, 42, END).build();
    }

    static List<DemoAlert> alerts(FleetModel fleet) {
        List<DemoAlert> alerts = new ArrayList<>();
        LocalDateTime t0 = END.minusDays(6).plusSeconds(17);
        List<Cluster> clusters = fleet.clusters;
        for (int i = 0; i < 240; i++) {
            String[] rule = RULES.get(i % RULES.size());
            Cluster c = clusters.get(i * 7 % clusters.size());
            Node node = rule[3].equals("node") ? c.computeNodes().get(i % c.computeNodes().size()) : null;
            LocalDateTime start = t0.plusMinutes(i * 31L).plusSeconds(i * 13L % 60);
            // Still firing at the end only in the last round, so that no label set fires twice at once.
            LocalDateTime stop = i % 5 == 0 && i >= 170 ? null : start.plusMinutes(3 + i % 90).plusSeconds(i % 7);
            alerts.add(alert(rule, c, node, start, stop, i));
        }
        // Bursts: one rule on up to three nodes of a cluster within a minute, resolving at two moments.
        for (int b = 0; b < 80; b++) {
            Cluster c = clusters.get(b % clusters.size());
            LocalDateTime start = t0.plusHours(b * 2L).withSecond(5);
            List<Node> nodes = c.computeNodes();
            for (int k = 0; k < Math.min(3, nodes.size()); k++) {
                LocalDateTime stop = b >= 70 && b % 6 == 0 && k == 2 ? null : start.plusMinutes(k == 0 ? 10 : 25).plusSeconds(k);
                alerts.add(alert(BURST, c, nodes.get(k), start.plusSeconds(k * 9L), stop, 1000 + b * 10 + k));
            }
        }
        return alerts;
    }

    private static DemoAlert alert(String[] rule, Cluster c, Node node, LocalDateTime start, LocalDateTime stop, int n) {
        String fingerprint = String.format("%016x", Noise.key(rule[0] + c.clusterId + (node == null ? "" : node.instance())));
        return new DemoAlert(fingerprint, rule[0], rule[1], rule[2], c, node, start, stop, rule[4], SECRET + n);
    }
}
