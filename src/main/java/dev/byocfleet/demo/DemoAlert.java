package dev.byocfleet.demo;

import java.time.LocalDateTime;

/**
 * One alert the generated fleet raised: fired at {@code startsAt}, resolved at {@code endsAt}
 * (null while still firing at the end of the data). It becomes one Lark card per state change,
 * an Alertmanager or Grafana webhook payload (by {@code origin}); ingesting the cards gives its rows in
 * {@code lark_alerts}.
 *
 * @param fingerprint stable 16-hex id of the alert, as Alertmanager would compute from its labels
 * @param origin      {@code alertmanager} or {@code grafana}: which rule family raised it
 * @param node        the node the alert names, or null for a cluster-wide alert
 * @param incidentId  the scenario behind it, or null for background noise; ground truth only,
 *                    never written where the product can read it
 */
record DemoAlert(String fingerprint, String name, String severity, String origin, FleetModel.Cluster cluster,
                 FleetModel.Node node, LocalDateTime startsAt, LocalDateTime endsAt, String summary,
                 String incidentId) {

    boolean resolved() {
        return endsAt != null;
    }
}
