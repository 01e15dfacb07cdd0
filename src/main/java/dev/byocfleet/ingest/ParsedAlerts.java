package dev.byocfleet.ingest;

import java.util.List;

/**
 * What one payload held.
 *
 * @param alerts          one normalized alert per alert in the payload, in payload order
 * @param truncatedAlerts alerts the sender said it left out (Alertmanager's and Grafana's
 *                        {@code truncatedAlerts}, set by {@code max_alerts}); they never reach us
 */
public record ParsedAlerts(List<NormalizedAlert> alerts, int truncatedAlerts) {

    public ParsedAlerts {
        alerts = List.copyOf(alerts);
    }
}
