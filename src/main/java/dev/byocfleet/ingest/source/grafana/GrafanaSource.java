package dev.byocfleet.ingest.source.grafana;

import dev.byocfleet.ingest.ClusterDirectory;
import dev.byocfleet.ingest.ParsedAlerts;
import dev.byocfleet.ingest.PayloadException;
import dev.byocfleet.ingest.WebhookSource;
import dev.byocfleet.ingest.webhook.JsonFields;
import dev.byocfleet.ingest.webhook.WebhookPayloadParser;
import dev.byocfleet.ingest.webhook.WebhookProperties;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Grafana unified alerting's webhook contact point (payload version 1): Alertmanager's body plus
 * per-alert links, query values and the org. Those extras are kept as annotations prefixed
 * {@code grafana_} ({@link #EXTRAS}), so labels stay the alert's identity. Severity comes from the
 * {@code severity} label, else from the notification's {@code state}; requests must be signed when
 * {@code BYOC_GRAFANA_HMAC_SECRET} is set ({@link GrafanaSignature}).
 */
@Component
class GrafanaSource implements WebhookSource {

    static final String NAME = "grafana";

    /** Per-alert statuses; the legacy alert states map onto them. */
    static final Map<String, String> STATUSES = Map.of("firing", "firing", "resolved", "resolved",
            "alerting", "firing", "ok", "resolved", "normal", "resolved");

    /** Severity label values as Grafana users set them, lower-cased. */
    static final Map<String, String> SEVERITIES = Map.ofEntries(
            Map.entry("critical", "critical"), Map.entry("crit", "critical"), Map.entry("page", "critical"),
            Map.entry("disaster", "critical"), Map.entry("emergency", "critical"), Map.entry("error", "critical"),
            Map.entry("high", "critical"), Map.entry("p1", "critical"),
            Map.entry("warning", "warning"), Map.entry("warn", "warning"), Map.entry("average", "warning"),
            Map.entry("major", "warning"), Map.entry("medium", "warning"), Map.entry("p2", "warning"),
            Map.entry("p3", "warning"),
            Map.entry("info", "info"), Map.entry("information", "info"), Map.entry("none", "info"),
            Map.entry("low", "info"), Map.entry("minor", "info"), Map.entry("p4", "info"), Map.entry("p5", "info"));

    /**
     * The notification's {@code state} when the alert has no severity label: a rule in the Error
     * state cannot evaluate at all, which is worse than a breached threshold.
     */
    static final Map<String, String> STATE_SEVERITIES = Map.of("alerting", "warning", "no_data", "warning",
            "nodata", "warning", "error", "critical", "ok", "warning", "pending", "info");
    static final String UNKNOWN_SEVERITY = "warning";

    /** Per-alert string fields Grafana adds, and the annotation each is kept as. */
    static final List<Map.Entry<String, String>> EXTRAS = List.of(
            Map.entry("valueString", "grafana_value_string"), Map.entry("dashboardURL", "grafana_dashboard_url"),
            Map.entry("panelURL", "grafana_panel_url"), Map.entry("silenceURL", "grafana_silence_url"),
            Map.entry("ruleUID", "grafana_rule_uid"), Map.entry("imageURL", "grafana_image_url"));

    private final WebhookPayloadParser parser;
    private final GrafanaSignature signature;

    GrafanaSource(ClusterDirectory clusters, WebhookProperties properties) {
        this.parser = new WebhookPayloadParser(new WebhookPayloadParser.Format(NAME, "1", STATUSES,
                GrafanaSource::severity, GrafanaSource::extras), clusters);
        this.signature = new GrafanaSignature(properties.grafana());
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void verifySignature(Function<String, String> header, byte[] body, Instant now) {
        signature.verify(header, body, now);
    }

    @Override
    public ParsedAlerts parse(byte[] payload, LocalDateTime receivedAt) {
        return parser.parse(payload, receivedAt);
    }

    static String severity(Map<String, String> labels, JsonFields notification) {
        String label = labels.get("severity");
        if (label != null) {
            return SEVERITIES.getOrDefault(label.strip().toLowerCase(Locale.ROOT), UNKNOWN_SEVERITY);
        }
        String state = notification.optionalString("state");
        return state == null ? UNKNOWN_SEVERITY
                : STATE_SEVERITIES.getOrDefault(state.strip().toLowerCase(Locale.ROOT), UNKNOWN_SEVERITY);
    }

    static void extras(JsonFields alert, JsonFields notification, Map<String, String> annotations) {
        for (Map.Entry<String, String> extra : EXTRAS) {
            String value = alert.optionalString(extra.getKey());
            if (value != null && !value.isBlank()) {
                annotations.put(extra.getValue(), value);
            }
        }
        long orgId = alert.optionalLong("orgId", notification.optionalLong("orgId", -1, 0), 0);
        if (orgId >= 0) {
            annotations.put("grafana_org_id", Long.toString(orgId));
        }
        JsonNode values = alert.get("values");
        if (values != null) {
            if (!values.isObject()) {
                throw new PayloadException(alert.path("values"), alert.path("values")
                        + " must be an object of numbers, not " + JsonFields.kind(values) + ".");
            }
            for (var e : values.properties()) {
                if (!e.getValue().isNumber() && !e.getValue().isNull()) {
                    String p = alert.path("values") + "." + e.getKey();
                    throw new PayloadException(p, p + " must be a number.");
                }
            }
            annotations.put("grafana_values", values.toString());
        }
    }
}
