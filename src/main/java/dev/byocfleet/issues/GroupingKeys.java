package dev.byocfleet.issues;

import dev.byocfleet.ingest.NormalizedAlert;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Makes an alert's grouping key and instance key, and says in words what the key is. */
final class GroupingKeys {

    private static final List<String> FIELDS = List.of("cluster", "alert_name", "node", "severity", "source");

    private final List<String> fields;

    GroupingKeys(List<String> fields) {
        this.fields = List.copyOf(fields);
    }

    static void check(List<String> fields) {
        for (String f : fields) {
            if (!FIELDS.contains(f) && !(f.startsWith("label:") && f.length() > "label:".length())) {
                throw new IllegalArgumentException("byoc.issues.grouping-key: unknown field '" + f + "'; use "
                        + String.join(", ", FIELDS) + " or label:<name>");
            }
        }
    }

    List<String> fields() {
        return fields;
    }

    /** Whether the key has the cluster field, so two alerts of one key are of one cluster. */
    boolean hasCluster() {
        return fields.contains("cluster");
    }

    /** {@code cluster=c-1|alert_name=Data Disk}: the same values always give the same key. */
    String keyOf(NormalizedAlert a) {
        List<String> parts = new ArrayList<>(fields.size());
        for (String f : fields) {
            parts.add(f + "=" + value(a, f));
        }
        return String.join("|", parts);
    }

    private static String value(NormalizedAlert a, String field) {
        String v = switch (field) {
            case "cluster" -> a.clusterId() != null ? a.clusterId() : a.clusterRef() == null ? null : "unmapped:" + a.clusterRef();
            case "alert_name" -> a.alertName();
            case "node" -> a.node();
            case "severity" -> Severity.normalize(a.severity());
            case "source" -> a.source();
            default -> a.labels().get(field.substring("label:".length()));
        };
        return v == null ? "-" : v.replace('|', '/');
    }

    /** One firing episode of one alert: its fingerprint (or id, or name and node) and when it started. */
    static String instanceKey(NormalizedAlert a) {
        String id = a.fingerprint() != null ? a.fingerprint() : a.alertId();
        return id != null ? id + "@" + start(a.startsAt()) : episodeKey(a);
    }

    /**
     * True for an alert that carries neither fingerprint nor id (the Lark alert channel's cards): its
     * instance key is its {@link #episodeKey}, which is all a copy of it from a webhook shares with it.
     */
    static boolean keyedByEpisode(NormalizedAlert a) {
        return a.fingerprint() == null && a.alertId() == null;
    }

    /**
     * The instance key the alert would have without fingerprint or id (alert name, node and cluster at
     * its start): how a webhook alert finds the Lark channel's copy of its episode.
     */
    static String episodeKey(NormalizedAlert a) {
        return a.alertName() + "/" + (a.node() == null ? "-" : a.node()) + "/"
                + (a.clusterId() == null ? a.clusterRef() : a.clusterId()) + "@" + start(a.startsAt());
    }

    /**
     * One firing episode as a row of the issue's key says it (the row has no cluster; the key does
     * when it has the cluster field): key, alert name, node and start.
     */
    static String rowEpisode(String groupingKey, String alertName, String node, LocalDateTime start) {
        return groupingKey + "\n" + alertName + "\n" + (node == null ? "-" : node) + "\n" + start(start);
    }

    private static String start(LocalDateTime startsAt) {
        return startsAt == null ? "-" : startsAt.toString();
    }

    /** When the alert happened: startsAt for a firing alert, endsAt for a resolved one; received time when missing. */
    static LocalDateTime eventTime(NormalizedAlert a) {
        LocalDateTime t = firing(a) ? a.startsAt() : a.endsAt() != null ? a.endsAt() : a.startsAt();
        return t != null ? t : a.receivedAt();
    }

    static boolean firing(NormalizedAlert a) {
        String status = a.status();
        if (status == null || status.equals("firing")) {
            return true;
        }
        // the sort of a pass asks this at every comparison: the normalized texts need no lower-casing
        return !status.equals("resolved") && !"resolved".equals(status.toLowerCase(Locale.ROOT));
    }

    /** "cluster + alert name": the key's fields as the explanation says them. */
    String describe() {
        return String.join(" + ", fields.stream().map(f -> f.replace('_', ' ')).toList());
    }
}
