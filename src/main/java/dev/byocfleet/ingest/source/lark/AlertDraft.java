package dev.byocfleet.ingest.source.lark;

import dev.byocfleet.ingest.source.lark.LarkVocabulary.Field;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a card says about one alert, as written: values are kept as text until the parser turns
 * the draft into a normalized alert. A card-wide draft (title, summary row) supplies what an alert's
 * own block leaves out.
 */
final class AlertDraft {

    /** A time as printed, and whether a zone-less value under its key is UTC. */
    record Time(String text, boolean utc) {}

    private static final Pattern ROLE_ADDRESS = Pattern.compile(
            "\\b(?:FE|BE|CN|Compute Node|Backend|Frontend)\\s+((?:\\d{1,3}\\.){3}\\d{1,3}(?::\\d{1,5})?)\\b");
    private static final Pattern CLUSTER_PHRASE = Pattern.compile(
            "(?i)\\bcluster\\s+([a-z0-9][a-z0-9_.\\-]*[a-z0-9])\\b(?![=:])");
    private static final Pattern OBJECT = Pattern.compile("(?i)(instance|node|host|job|cluster)\\s*/\\s*(\\S.*)");

    String name;
    String status;
    String severity;
    String summary;
    String detail;
    String description;
    String node;
    String fingerprint;
    String generatorUrl;
    Time starts;
    Time ends;
    final Map<String, String> labels = new LinkedHashMap<>();
    /** Cluster references in the order they are trusted: explicit keys first, then phrases, then the node. */
    final List<String> clusterKeys = new ArrayList<>();
    final List<String> clusterPhrases = new ArrayList<>();
    /** Lines that are not key/value pairs, in order. */
    final List<String> freeLines = new ArrayList<>();

    boolean isEmpty() {
        return name == null && status == null && severity == null && summary == null && detail == null
                && description == null && node == null && starts == null && ends == null && clusterKeys.isEmpty()
                && labels.isEmpty();
    }

    /** Whether this block names, summarises or dates an alert: what only an alert's own block does. */
    boolean identifiesAnAlert() {
        return name != null || summary != null || starts != null;
    }

    /** Whether both blocks name, summarise or date an alert: then they are two alerts, not one. */
    boolean overlaps(AlertDraft other) {
        return name != null && other.name != null || summary != null && other.summary != null
                || starts != null && other.starts != null;
    }

    /** Records a key/value pair the vocabulary understood. */
    void put(Field field, String rawKey, String rawValue) {
        String value = rawValue.strip();
        if (value.isEmpty() || value.equals("<no value>")) {
            return;
        }
        switch (field) {
            case NAME -> name = keep(name, value);
            case STATUS -> status = keep(status, value);
            case SEVERITY -> severity = keep(severity, value);
            case CLUSTER, CLUSTER_ID, JOB -> {
                if (field == Field.CLUSTER_ID) {
                    clusterKeys.addFirst(value);
                } else {
                    clusterKeys.add(value);
                }
            }
            case INSTANCE -> node = keep(node, value);
            case SUMMARY -> summary = keep(summary, value);
            case DETAIL -> detail = keep(detail, value);
            case DESCRIPTION -> description = keep(description, value);
            case STARTS -> starts = starts != null ? starts : new Time(value, LarkVocabulary.utcKey(rawKey));
            case ENDS -> ends = ends != null ? ends : new Time(value, LarkVocabulary.utcKey(rawKey));
            case FINGERPRINT -> fingerprint = keep(fingerprint, value);
            case OBJECT -> {
                Matcher m = OBJECT.matcher(value);
                if (m.matches()) {
                    String kind = m.group(1).toLowerCase();
                    put(kind.equals("job") ? Field.JOB : kind.equals("cluster") ? Field.CLUSTER : Field.INSTANCE,
                            kind, m.group(2));
                }
                return;
            }
            default -> {
                // environment and namespace are kept as labels only
            }
        }
        labels.putIfAbsent(field.label, value);
    }

    private static String keep(String old, String value) {
        return old != null ? old : value;
    }

    /** Looks for a node ("BE 10.0.0.11") and a cluster ("of cluster x") in free text. */
    void scanProse(String text) {
        if (text == null) {
            return;
        }
        Matcher node = ROLE_ADDRESS.matcher(text);
        if (this.node == null && node.find()) {
            this.node = node.group(1);
        }
        Matcher cluster = CLUSTER_PHRASE.matcher(text);
        while (cluster.find()) {
            clusterPhrases.add(cluster.group(1));
        }
    }

    /** Fills what this draft leaves open from the card-wide one. */
    void inherit(AlertDraft card) {
        name = keep(name, card.name);
        status = keep(status, card.status);
        severity = keep(severity, card.severity);
        summary = keep(summary, card.summary);
        node = keep(node, card.node);
        fingerprint = keep(fingerprint, card.fingerprint);
        generatorUrl = keep(generatorUrl, card.generatorUrl);
        starts = starts != null ? starts : card.starts;
        card.labels.forEach(labels::putIfAbsent);
    }

    /** Takes what this draft lacks from another block of the same alert. */
    void absorb(AlertDraft other) {
        inherit(other);
        detail = keep(detail, other.detail);
        description = keep(description, other.description);
        ends = ends != null ? ends : other.ends;
        clusterKeys.addAll(other.clusterKeys);
        clusterPhrases.addAll(other.clusterPhrases);
        freeLines.addAll(other.freeLines);
    }

    /** Cluster references, most trusted first; the card-wide ones after this alert's own. */
    List<String> clusterReferences(AlertDraft card) {
        List<String> refs = new ArrayList<>(clusterKeys);
        refs.addAll(clusterPhrases);
        if (node != null) {
            refs.add(node);
        }
        if (card != null && card != this) {
            refs.addAll(card.clusterKeys);
            refs.addAll(card.clusterPhrases);
        }
        return refs;
    }
}
