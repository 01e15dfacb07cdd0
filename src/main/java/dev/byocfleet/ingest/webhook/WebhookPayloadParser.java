package dev.byocfleet.ingest.webhook;

import dev.byocfleet.ingest.ClusterDirectory;
import dev.byocfleet.ingest.Digests;
import dev.byocfleet.ingest.NormalizedAlert;
import dev.byocfleet.ingest.ParsedAlerts;
import dev.byocfleet.ingest.PayloadException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads the body Alertmanager (webhook version 4) and Grafana (version 1, the same body plus links
 * and values) post: one group of alerts, firing and resolved mixed, one normalized alert each. What
 * differs per source — version, status and severity maps, extra fields — comes in a {@link Format}.
 *
 * <p>Each alert's {@code message_id} is SHA-256 over {@code source|fingerprint|status|startsAt}
 * (startsAt as a UTC instant, {@code 2026-11-29T04:30:02.819723422Z}), so a redelivered alert
 * keeps its id. Its raw payload is the alert's own JSON object, byte for byte as sent; the group's
 * {@code groupKey} becomes the source message id. Any wrong value rejects the whole body, naming it.
 */
public final class WebhookPayloadParser {

    /** What one source's body looks like beyond the shared Alertmanager shape. */
    public record Format(String source, String version, Map<String, String> statuses, SeverityRule severity,
                         ExtraFields extras) {
    }

    /** The normalized severity of an alert from its labels and the notification's top-level fields. */
    @FunctionalInterface
    public interface SeverityRule {
        String severity(Map<String, String> labels, JsonFields notification);
    }

    /** Reads source-specific fields of one alert into its annotations. */
    @FunctionalInterface
    public interface ExtraFields {
        void read(JsonFields alert, JsonFields notification, Map<String, String> annotations);
    }

    /** Labels that name the cluster, in the order they are trusted. */
    static final List<String> CLUSTER_LABELS = List.of("cluster_id", "cluster", "cluster_name", "job", "instance");
    /** Labels that name the node. */
    static final List<String> NODE_LABELS = List.of("instance", "node", "host");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Format format;
    private final ClusterDirectory clusters;

    public WebhookPayloadParser(Format format, ClusterDirectory clusters) {
        this.format = format;
        this.clusters = clusters;
    }

    public ParsedAlerts parse(byte[] body, LocalDateTime receivedAt) {
        Body b = Body.read(body);
        JsonFields top = new JsonFields(b.top(), "");
        String version = top.optionalString("version");
        if (version != null && !version.equals(format.version())) {
            throw new PayloadException("version", "version must be \"" + format.version() + "\" for "
                    + format.source() + " webhooks, not \"" + version + "\".");
        }
        top.optionalString("status");
        top.optionalString("receiver");
        String groupKey = top.optionalString("groupKey");
        long truncated = top.optionalLong("truncatedAlerts", 0, 0);
        if (b.alerts() == null) {
            JsonNode alerts = top.get("alerts");
            throw new PayloadException("alerts", alerts == null
                    ? "alerts is required (the array of alerts of this notification)."
                    : "alerts must be an array, not " + JsonFields.kind(alerts) + ".");
        }
        List<NormalizedAlert> out = new ArrayList<>(b.alerts().size());
        for (Element e : b.alerts()) {
            out.add(alert(e, top, groupKey, receivedAt, body));
        }
        return new ParsedAlerts(out, (int) Math.min(Integer.MAX_VALUE, truncated));
    }

    private NormalizedAlert alert(Element e, JsonFields top, String groupKey, LocalDateTime receivedAt, byte[] body) {
        String path = "alerts[" + e.index() + "]";
        if (!e.node().isObject()) {
            throw new PayloadException(path, path + " must be an object, not " + JsonFields.kind(e.node()) + ".");
        }
        JsonFields f = new JsonFields(e.node(), path);
        String statusText = f.requireString("status");
        String status = format.statuses().get(statusText.strip().toLowerCase(Locale.ROOT));
        if (status == null) {
            throw new PayloadException(f.path("status"), f.path("status") + " must be one of "
                    + String.join(", ", new TreeMap<>(format.statuses()).keySet()) + ", not \"" + statusText + "\".");
        }
        Map<String, String> labels = f.stringMap("labels", true);
        Map<String, String> annotations = f.stringMap("annotations", false);
        LocalDateTime startsAt = f.requireTime("startsAt");
        LocalDateTime endsAt = f.optionalTime("endsAt");
        String generatorUrl = blankToNull(f.optionalString("generatorURL"));
        String fingerprint = blankToNull(f.optionalString("fingerprint"));
        if (fingerprint == null) {
            fingerprint = derivedFingerprint(labels);
        }
        format.extras().read(f, top, annotations);
        String severity = format.severity().severity(labels, top);
        String clusterId = null;
        String clusterRef = null;
        for (String label : CLUSTER_LABELS) {
            String ref = blankToNull(labels.get(label));
            if (ref == null) {
                continue;
            }
            clusterRef = clusterRef == null ? ref : clusterRef;
            Optional<String> id = clusters.resolve(ref);
            if (id.isPresent()) {
                clusterId = id.get();
                clusterRef = ref;
                break;
            }
        }
        String node = null;
        for (int i = 0; i < NODE_LABELS.size() && node == null; i++) {
            node = blankToNull(labels.get(NODE_LABELS.get(i)));
        }
        String summary = blankToNull(annotations.get("summary"));
        if (summary == null) {
            summary = blankToNull(annotations.get("message"));
        }
        String messageId = messageId(format.source(), fingerprint, status, Rfc3339.instantText(startsAt));
        return new NormalizedAlert(format.source(), messageId, groupKey, fingerprint, status, severity,
                blankToNull(labels.get("alertname")), clusterId, clusterRef, node, summary,
                blankToNull(annotations.get("description")), labels, annotations, startsAt, endsAt, fingerprint,
                generatorUrl, receivedAt, "parsed", null, e.raw(body));
    }

    /** SHA-256 hex of {@code source|fingerprint|status|startsAt}: the same alert state always gets the same id. */
    public static String messageId(String source, String fingerprint, String status, String startsAtInstant) {
        return sha256(source + "|" + fingerprint + "|" + status + "|" + startsAtInstant);
    }

    /** For senders that leave the fingerprint out: 16 hex digits over the sorted label set. */
    static String derivedFingerprint(Map<String, String> labels) {
        StringBuilder text = new StringBuilder();
        new TreeMap<>(labels).forEach((k, v) -> text.append(k).append('\u0000').append(v).append('\u0000'));
        return sha256(text.toString()).substring(0, 16);
    }

    static String sha256(String text) {
        return Digests.sha256Hex(text);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    /** One element of {@code alerts} and where its bytes lie in the body (-1 when unknown). */
    private record Element(int index, JsonNode node, long start, long end) {
        String raw(byte[] body) {
            if (start >= 0 && end > start && end <= body.length) {
                return new String(body, (int) start, (int) (end - start), StandardCharsets.UTF_8);
            }
            return JSON.writeValueAsString(node);
        }
    }

    /** The top-level fields, and the elements of {@code alerts} when it is an array (else null). */
    private record Body(ObjectNode top, List<Element> alerts) {

        static Body read(byte[] body) {
            try (JsonParser p = JSON.createParser(body)) {
                if (p.nextToken() != JsonToken.START_OBJECT) {
                    throw new PayloadException("$", "The body must be a JSON object (a webhook notification).");
                }
                ObjectNode top = JSON.createObjectNode();
                List<Element> alerts = null;
                while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                    String name = p.currentName();
                    JsonToken value = p.nextToken();
                    if (name.equals("alerts") && (alerts != null || top.has("alerts"))) {
                        throw new PayloadException("alerts", "alerts appears more than once.");
                    }
                    if (name.equals("alerts") && value == JsonToken.START_ARRAY) {
                        alerts = new ArrayList<>();
                        while (p.nextToken() != JsonToken.END_ARRAY) {
                            long start = p.currentTokenLocation().getByteOffset();
                            JsonNode node = p.readValueAsTree();
                            alerts.add(new Element(alerts.size(), node, start, p.currentLocation().getByteOffset()));
                        }
                    } else {
                        top.set(name, p.readValueAsTree());
                    }
                }
                if (p.nextToken() != null) {
                    throw new PayloadException("$", "The body holds more than one JSON value.");
                }
                return new Body(top, alerts);
            } catch (JacksonException e) {
                var where = e.getLocation();
                throw new PayloadException("$", "The body is not valid JSON: " + e.getOriginalMessage()
                        + (where == null ? "" : " (line " + where.getLineNr() + ", column " + where.getColumnNr() + ")")
                        + ".");
            }
        }
    }
}
