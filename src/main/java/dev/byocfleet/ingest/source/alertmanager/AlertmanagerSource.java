package dev.byocfleet.ingest.source.alertmanager;

import dev.byocfleet.ingest.ClusterDirectory;
import dev.byocfleet.ingest.ParsedAlerts;
import dev.byocfleet.ingest.WebhookSource;
import dev.byocfleet.ingest.webhook.JsonFields;
import dev.byocfleet.ingest.webhook.WebhookPayloadParser;
import java.time.LocalDateTime;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Prometheus Alertmanager's webhook receiver (payload version 4). Alertmanager signs nothing; the
 * shared bearer or basic credentials are its only auth. Severity comes from the {@code severity}
 * label through {@link #SEVERITIES}; a missing or unknown one is {@code warning} (the label itself
 * stays in labels).
 */
@Component
class AlertmanagerSource implements WebhookSource {

    static final String NAME = "alertmanager";

    /** Alertmanager's alert statuses. */
    static final Map<String, String> STATUSES = Map.of("firing", "firing", "resolved", "resolved");

    /** The severity label values in use by Prometheus rule sets and paging tools, lower-cased. */
    static final Map<String, String> SEVERITIES = Map.ofEntries(
            Map.entry("critical", "critical"), Map.entry("crit", "critical"), Map.entry("page", "critical"),
            Map.entry("fatal", "critical"), Map.entry("emergency", "critical"), Map.entry("alert", "critical"),
            Map.entry("error", "critical"), Map.entry("high", "critical"), Map.entry("p1", "critical"),
            Map.entry("warning", "warning"), Map.entry("warn", "warning"), Map.entry("major", "warning"),
            Map.entry("medium", "warning"), Map.entry("p2", "warning"), Map.entry("p3", "warning"),
            Map.entry("info", "info"), Map.entry("informational", "info"), Map.entry("notice", "info"),
            Map.entry("none", "info"), Map.entry("low", "info"), Map.entry("minor", "info"),
            Map.entry("debug", "info"), Map.entry("p4", "info"), Map.entry("p5", "info"));
    static final String UNKNOWN_SEVERITY = "warning";

    private final WebhookPayloadParser parser;

    AlertmanagerSource(ClusterDirectory clusters) {
        this.parser = new WebhookPayloadParser(new WebhookPayloadParser.Format(NAME, "4", STATUSES,
                AlertmanagerSource::severity, (alert, notification, annotations) -> { }), clusters);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ParsedAlerts parse(byte[] payload, LocalDateTime receivedAt) {
        return parser.parse(payload, receivedAt);
    }

    static String severity(Map<String, String> labels, JsonFields notification) {
        String label = labels.get("severity");
        return label == null ? UNKNOWN_SEVERITY
                : SEVERITIES.getOrDefault(label.strip().toLowerCase(Locale.ROOT), UNKNOWN_SEVERITY);
    }
}
