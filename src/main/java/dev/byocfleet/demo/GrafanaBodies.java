package dev.byocfleet.demo;

import dev.byocfleet.demo.WebhookBodies.Notification;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Grafana unified-alerting webhook bodies (version "1"; grafana/alerting receivers/webhook/v1 and
 * templates/template_data.go, Grafana 12 field order): Alertmanager's fields plus silence,
 * dashboard and panel links, the rule UID, the query values, and the default title and message
 * templates rendered.
 */
final class GrafanaBodies {

    /**
     * The query a Grafana-managed StarRocks rule evaluates (refs/starrocks-alert-rules.yml,
     * grafana_rules): its refID and the range of values it shows while firing and once back to normal.
     */
    private record Rule(String refId, double firingLow, double firingHigh, double okLow, double okHigh) {}

    private static final Map<String, Rule> RULES = Map.of(
            "Disks Avail Capacity", new Rule("B", 0.04, 0.19, 0.22, 0.45),
            "BE Compaction Score", new Rule("B", 120, 1100, 10, 90),
            "BE Mem", new Rule("B", 0.91, 0.99, 0.55, 0.85),
            "FE JVM Heap Stat", new Rule("B", 81, 97, 40, 75),
            "Backends Status", new Rule("A", 0, 0, 1, 1),
            "Frontends Status", new Rule("A", 0, 0, 1, 1),
            "Query Error", new Rule("A", 0.06, 0.4, 0, 0.03),
            "BE CPU Idle", new Rule("B", 1, 9.5, 20, 70));
    private static final Rule OTHER = new Rule("B", 1, 1, 0, 0);
    private static final List<String> GROUP_BY = List.of("alertname", "cluster", "grafana_folder");
    private static final String DASHBOARD = AlertFacts.GRAFANA_URL + "d/sr-overview";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private GrafanaBodies() {
    }

    static TreeMap<String, String> labels(DemoAlert a) {
        TreeMap<String, String> labels = AlertFacts.labels(a);
        labels.put("grafana_folder", AlertFacts.GRAFANA_FOLDER);
        return labels;
    }

    static ObjectNode body(Notification n, AlertFacts facts) {
        ObjectNode body = NODES.objectNode();
        body.put("receiver", WebhookBodies.RECEIVER).put("status", n.status());
        ArrayNode alerts = body.putArray("alerts");
        for (DemoAlert a : n.alerts()) {
            alerts.add(alert(a, n, facts));
        }
        WebhookBodies.putCommon(body, n, GrafanaBodies::labels, facts::annotations, GROUP_BY);
        String groupKey = labels(n.alerts().getFirst()).entrySet().stream().filter(e -> GROUP_BY.contains(e.getKey()))
                .map(e -> e.getKey() + "=\"" + e.getValue() + "\"").collect(Collectors.joining(", "));
        body.put("externalURL", AlertFacts.GRAFANA_URL).put("version", "1").put("groupKey", "{}/{}:{" + groupKey + "}")
                .put("truncatedAlerts", 0).put("orgId", 1).put("title", title(body, n))
                .put("state", n.firing().isEmpty() ? "ok" : "alerting").put("message", message(n, alerts));
        return body;
    }

    private static ObjectNode alert(DemoAlert a, Notification n, AlertFacts facts) {
        boolean firing = n.isFiring(a);
        String uid = AlertFacts.ruleUid(a.name());
        ObjectNode alert = NODES.objectNode().put("status", firing ? "firing" : "resolved");
        TreeMap<String, String> labels = labels(a);
        alert.set("labels", WebhookBodies.map(labels));
        alert.set("annotations", WebhookBodies.map(facts.annotations(a)));
        StringBuilder silence = new StringBuilder(AlertFacts.GRAFANA_URL)
                .append("alerting/silence/new?alertmanager=grafana&matcher=")
                .append(AlertFacts.queryEscape("__alert_rule_uid__=" + uid));
        labels.forEach((k, v) -> {
            if (!k.equals("alertname") && !k.equals("grafana_folder")) {
                silence.append("&matcher=").append(AlertFacts.queryEscape(k + "=" + v));
            }
        });
        silence.append("&orgId=1");
        LocalDateTime to = firing ? n.sentAt() : a.endsAt();
        String dashboard = DASHBOARD + "?from=" + AlertFacts.epochMilli(a.startsAt().minusHours(1)) + "&orgId=1&to="
                + AlertFacts.epochMilli(to);
        alert.put("startsAt", AlertFacts.rfc3339(a.startsAt()))
                .put("endsAt", firing ? AlertFacts.ZERO_TIME : AlertFacts.rfc3339(a.endsAt()))
                .put("generatorURL", AlertFacts.generatorUrl(a)).put("fingerprint", a.fingerprint())
                .put("silenceURL", silence.toString()).put("dashboardURL", dashboard)
                .put("panelURL", dashboard + "&viewPanel=" + (1 + Math.floorMod(Noise.key(a.name()), 40)))
                .put("ruleUID", uid);
        Rule rule = RULES.getOrDefault(a.name(), OTHER);
        double u = facts.draw(a.fingerprint() + a.startsAt(), "grafana-value");
        double value = firing ? rule.firingLow + u * (rule.firingHigh - rule.firingLow) : rule.okLow + u * (rule.okHigh - rule.okLow);
        ObjectNode values = alert.putObject("values");
        putNumber(values, rule.refId, value);
        values.put("C", firing ? 1 : 0);
        String series = a.node() == null ? "{job=" + AlertFacts.job(a) + "}"
                : "{group=" + AlertFacts.group(a) + ", instance=" + a.node().instance() + ", job=" + AlertFacts.job(a) + "}";
        alert.put("valueString", "[ var='" + rule.refId + "' labels=" + series + " value=" + goNumber(value) + " ], [ var='C' labels="
                + series + " value=" + (firing ? 1 : 0) + " ]");
        alert.put("orgId", 1);
        return alert;
    }

    /** Go prints a float64 with no fraction as an integer; two decimals are all a panel shows. */
    private static void putNumber(ObjectNode node, String key, double value) {
        BigDecimal rounded = BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros();
        if (rounded.scale() <= 0) {
            node.put(key, rounded.longValueExact());
        } else {
            node.put(key, rounded.doubleValue());
        }
    }

    private static String goNumber(double value) {
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    /** default.title: {@code [FIRING:n, RESOLVED:m] <group values> (<other common values>)}. */
    private static String title(ObjectNode body, Notification n) {
        String status = n.firing().isEmpty() ? "[RESOLVED]"
                : "[FIRING:" + n.firing().size() + (n.resolved().isEmpty() ? "" : ", RESOLVED:" + n.resolved().size()) + "]";
        TreeMap<String, String> group = strings(body.get("groupLabels"));
        TreeMap<String, String> common = strings(body.get("commonLabels"));
        String title = status + " " + WebhookBodies.values(group) + " ";
        if (common.size() > group.size()) {
            common.keySet().removeAll(group.keySet());
            title += "(" + WebhookBodies.values(common) + ")";
        }
        return title;
    }

    private static TreeMap<String, String> strings(JsonNode object) {
        TreeMap<String, String> map = new TreeMap<>();
        object.properties().forEach(e -> map.put(e.getKey(), e.getValue().asString()));
        return map;
    }

    /** default.message: a Firing then a Resolved section, each alert's values, labels, annotations and links. */
    private static String message(Notification n, ArrayNode alerts) {
        StringBuilder firing = new StringBuilder();
        StringBuilder resolved = new StringBuilder();
        for (var alert : alerts) {
            StringBuilder out = alert.get("status").asString().equals("firing") ? firing : resolved;
            out.append("\nValue: ").append(alert.get("values").properties().stream()
                    .map(e -> e.getKey() + "=" + e.getValue().asString()).collect(Collectors.joining(", ")));
            out.append("\nLabels:\n");
            alert.get("labels").properties().forEach(e -> out.append(" - ").append(e.getKey()).append(" = ")
                    .append(e.getValue().asString()).append('\n'));
            out.append("Annotations:\n");
            alert.get("annotations").properties().forEach(e -> out.append(" - ").append(e.getKey()).append(" = ")
                    .append(e.getValue().asString()).append('\n'));
            out.append("Source: ").append(alert.get("generatorURL").asString()).append('\n')
                    .append("Silence: ").append(alert.get("silenceURL").asString()).append('\n')
                    .append("Dashboard: ").append(alert.get("dashboardURL").asString()).append('\n')
                    .append("Panel: ").append(alert.get("panelURL").asString()).append('\n');
        }
        String text = firing.isEmpty() ? "" : "**Firing**\n" + firing + (resolved.isEmpty() ? "" : "\n\n");
        return resolved.isEmpty() ? text : text + "**Resolved**\n" + resolved;
    }
}
