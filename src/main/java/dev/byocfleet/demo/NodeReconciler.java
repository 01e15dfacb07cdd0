package dev.byocfleet.demo;

import dev.byocfleet.demo.FleetModel.Cluster;
import dev.byocfleet.demo.FleetModel.Node;
import dev.byocfleet.demo.FleetModel.Resource;
import java.util.List;
import java.util.Map;

/**
 * Makes the node rows agree with each resource's final size after autoscaling and scale-ins:
 * nodes added by a scale-out start at that action; nodes removed are decommissioned then.
 */
final class NodeReconciler {

    private NodeReconciler() {
    }

    static void reconcile(FleetModel fleet, FleetBuilder builder) {
        for (Cluster c : fleet.clusters) {
            if (c.releasedHour != null) {
                continue;
            }
            for (Resource r : c.resources) {
                List<Node> live = c.nodes.stream().filter(n -> n.resource == r && n.terminatedAt == null).toList();
                int want = r.currentCount();
                Map.Entry<Integer, Integer> lastChange = r.countFrom.lastEntry();
                var changedAt = lastChange.getKey() == Integer.MIN_VALUE ? c.createdAt
                        : fleet.timeOf(lastChange.getKey());
                for (int i = want; i < live.size(); i++) {
                    live.get(i).state = "decommissioned";
                    live.get(i).terminatedAt = changedAt;
                }
                String prefix = live.isEmpty() ? "10.250." + (c.index % 250)
                        : live.getFirst().privateIp.substring(0, live.getFirst().privateIp.lastIndexOf('.'));
                for (int i = live.size(); i < want; i++) {
                    int host = 100 + c.nodes.size();
                    Node n = new Node("node-" + FleetTables.hex(c.key, r.resourceId + i, 12), r, r.nodeType, null,
                            "i-" + FleetTables.hex(c.key, "vm" + r.resourceId + i, 16), c.region + "a",
                            prefix + "." + host, r.nodeType.equals("FE") ? 8030 : 8040, c.currentVersion(), changedAt);
                    c.nodes.add(n);
                }
            }
        }
    }
}
