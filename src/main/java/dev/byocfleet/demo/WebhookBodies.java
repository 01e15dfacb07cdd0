package dev.byocfleet.demo;

import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import tools.jackson.core.SerializableString;
import tools.jackson.core.io.CharacterEscapes;
import tools.jackson.core.json.JsonWriteFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Webhook notifications as Alertmanager (and Grafana, whose notifier is Alertmanager's dispatcher)
 * sends them: alerts grouped by cluster and alert name, one notification whenever a group changes
 * (changes within the same minute go together), each listing the group's alerts still firing plus
 * those resolved since the last one. Repeat notifications every repeat_interval are left out.
 * Bodies are written as Go's encoder writes them: compact, keys of maps sorted, {@code & < >}
 * escaped as {@code \u0026} and so on.
 */
final class WebhookBodies {

    /** One notification of one group: what fires and what has just resolved. */
    record Notification(String groupKeyLabels, LocalDateTime sentAt, List<DemoAlert> firing, List<DemoAlert> resolved) {

        List<DemoAlert> alerts() {
            return Stream.concat(firing.stream(), resolved.stream()).sorted(ALERT_ORDER).toList();
        }

        boolean isFiring(DemoAlert a) {
            return firing.contains(a);
        }

        String status() {
            return firing.isEmpty() ? "resolved" : "firing";
        }
    }

    static final String RECEIVER = "byoc-fleet";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Alertmanager's AlertSlice order: by instance, then the rest of the labels. */
    private static final Comparator<DemoAlert> ALERT_ORDER = Comparator
            .comparing((DemoAlert a) -> a.node() == null ? "\uffff" : a.node().instance())
            .thenComparing(DemoAlert::startsAt).thenComparing(DemoAlert::fingerprint);
    private static final ObjectWriter GO = JsonMapper.builder().disable(JsonWriteFeature.WRITE_HEX_UPPER_CASE).build()
            .writer(new GoEscapes());

    private WebhookBodies() {
    }

    /** The notifications for the alerts of one origin, in the order they are sent. */
    static List<Notification> notifications(List<DemoAlert> alerts, String origin) {
        Map<String, List<DemoAlert>> groups = new LinkedHashMap<>();
        alerts.stream().filter(a -> a.origin().equals(origin))
                .sorted(Comparator.comparing(DemoAlert::startsAt).thenComparing(DemoAlert::fingerprint))
                .forEach(a -> groups.computeIfAbsent(a.cluster().clusterId + "|" + a.name(), k -> new ArrayList<>()).add(a));
        List<Notification> out = new ArrayList<>();
        for (List<DemoAlert> members : groups.values()) {
            DemoAlert first = members.getFirst();
            String key = "alertname=\"" + first.name() + "\", cluster=\"" + first.cluster().name + "\"";
            TreeSet<LocalDateTime> changes = new TreeSet<>();
            members.forEach(a -> {
                changes.add(minute(a.startsAt()));
                if (a.resolved()) {
                    changes.add(minute(a.endsAt()));
                }
            });
            for (LocalDateTime m : changes) {
                List<DemoAlert> resolved = members.stream().filter(a -> a.resolved() && minute(a.endsAt()).equals(m)).toList();
                List<DemoAlert> firing = members.stream().filter(a -> !minute(a.startsAt()).isAfter(m)
                        && (!a.resolved() || minute(a.endsAt()).isAfter(m))).toList();
                LocalDateTime last = Stream.concat(members.stream().map(DemoAlert::startsAt),
                                resolved.stream().map(DemoAlert::endsAt))
                        .filter(t -> minute(t).equals(m)).max(Comparator.naturalOrder()).orElse(m);
                // group_wait: the first notification of a change leaves 30 s for more alerts to join.
                out.add(new Notification(key, last.plusSeconds(30), firing, resolved));
            }
        }
        out.sort(Comparator.comparing(Notification::sentAt).thenComparing(Notification::groupKeyLabels));
        return out;
    }

    private static LocalDateTime minute(LocalDateTime t) {
        return t.truncatedTo(ChronoUnit.MINUTES);
    }

    /** An Alertmanager webhook body, version 4, as 0.25 sends it (refs alertmanager-firing.json). */
    static ObjectNode alertmanager(Notification n, AlertFacts facts) {
        ObjectNode body = NODES.objectNode();
        body.put("receiver", RECEIVER).put("status", n.status());
        ArrayNode alerts = body.putArray("alerts");
        for (DemoAlert a : n.alerts()) {
            ObjectNode alert = alerts.addObject().put("status", n.isFiring(a) ? "firing" : "resolved");
            alert.set("labels", map(AlertFacts.labels(a)));
            alert.set("annotations", map(facts.annotations(a)));
            alert.put("startsAt", AlertFacts.rfc3339(a.startsAt()))
                    .put("endsAt", n.isFiring(a) ? AlertFacts.ZERO_TIME : AlertFacts.rfc3339(a.endsAt()))
                    .put("generatorURL", AlertFacts.generatorUrl(a)).put("fingerprint", a.fingerprint());
        }
        putCommon(body, n, AlertFacts::labels, facts::annotations, List.of("alertname", "cluster"));
        body.put("externalURL", AlertFacts.ALERTMANAGER_URL).put("version", "4")
                .put("groupKey", "{}:{" + n.groupKeyLabels() + "}").put("truncatedAlerts", 0);
        return body;
    }

    /** groupLabels, commonLabels and commonAnnotations: the labels grouped by, and what all alerts share. */
    static void putCommon(ObjectNode body, Notification n, Function<DemoAlert, TreeMap<String, String>> labels,
                          Function<DemoAlert, TreeMap<String, String>> annotations, List<String> groupBy) {
        TreeMap<String, String> common = intersection(n.alerts(), labels);
        TreeMap<String, String> group = new TreeMap<>(common);
        group.keySet().retainAll(groupBy);
        body.set("groupLabels", map(group));
        body.set("commonLabels", map(common));
        body.set("commonAnnotations", map(intersection(n.alerts(), annotations)));
    }

    private static TreeMap<String, String> intersection(List<DemoAlert> alerts,
                                                        Function<DemoAlert, TreeMap<String, String>> pairs) {
        TreeMap<String, String> common = new TreeMap<>(pairs.apply(alerts.getFirst()));
        for (DemoAlert a : alerts) {
            TreeMap<String, String> these = pairs.apply(a);
            common.entrySet().removeIf(e -> !e.getValue().equals(these.get(e.getKey())));
        }
        return common;
    }

    static ObjectNode map(Map<String, String> sorted) {
        ObjectNode node = NODES.objectNode();
        sorted.forEach(node::put);
        return node;
    }

    /** Values joined as Go's template {@code .Values | join " "} prints a sorted label map. */
    static String values(Map<String, String> sorted) {
        return sorted.values().stream().collect(Collectors.joining(" "));
    }

    /** The body bytes as Go's encoding/json writes them. */
    static String goJson(JsonNode body) {
        return GO.writeValueAsString(body);
    }

    /** Go escapes the HTML-significant characters in every string it encodes. */
    private static final class GoEscapes extends CharacterEscapes {
        private final int[] codes = standardAsciiEscapesForJSON();

        GoEscapes() {
            codes['<'] = ESCAPE_STANDARD;
            codes['>'] = ESCAPE_STANDARD;
            codes['&'] = ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return codes;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return null;
        }
    }
}
