package dev.byocfleet.ingest.webhook;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Bodies that must all be refused, made from a valid one: cut short, a field given a value of the
 * wrong type or form, the wrong version, structures that are not a notification, random bytes.
 * Every mutation is one that no reading of the format could accept. Deterministic (fixed seed).
 */
final class MalformedBodies {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** Per alert field: values that are wrong for it. */
    private static final Map<String, List<JsonNode>> BAD_ALERT_VALUES = Map.of(
            "status", List.of(NODES.numberNode(1), NODES.booleanNode(true), NODES.nullNode(), NODES.stringNode(""),
                    NODES.stringNode("pending"), NODES.stringNode("FIRING!"), NODES.arrayNode(), NODES.objectNode()),
            "labels", List.of(NODES.numberNode(1), NODES.stringNode("a=b"), NODES.nullNode(), NODES.arrayNode(),
                    NODES.objectNode().put("severity", 2), NODES.objectNode().putNull("x"),
                    obj("cluster", NODES.objectNode()), obj("alertname", NODES.arrayNode().add("X"))),
            "annotations", List.of(NODES.numberNode(1), NODES.stringNode("x"), NODES.arrayNode(),
                    NODES.objectNode().put("summary", true), obj("description", NODES.arrayNode())),
            "startsAt", List.of(NODES.nullNode(), NODES.stringNode(""), NODES.stringNode("now"),
                    NODES.stringNode("2026-13-01T00:00:00Z"), NODES.stringNode("2026-11-29 04:30:02"),
                    NODES.stringNode("2026-11-29T04:30:02"), NODES.stringNode("1764390602"),
                    NODES.numberNode(1764390602L), NODES.stringNode("0001-01-01T00:00:00Z"),
                    NODES.stringNode("+10000-01-01T00:00:00Z"), NODES.stringNode("1900-01-01T00:00:00Z"),
                    NODES.objectNode(), NODES.booleanNode(false)),
            "endsAt", List.of(NODES.stringNode("later"), NODES.stringNode("2026-11-29T25:00:00Z"), NODES.numberNode(0),
                    NODES.arrayNode(), NODES.stringNode("2026-11-29")),
            "generatorURL", List.of(NODES.numberNode(1), NODES.arrayNode(), NODES.objectNode(), NODES.booleanNode(true)),
            "fingerprint", List.of(NODES.numberNode(12345), NODES.arrayNode(), NODES.objectNode(), NODES.booleanNode(true)));

    /** Top-level fields: values that are wrong for them. */
    private static final Map<String, List<JsonNode>> BAD_TOP_VALUES = Map.of(
            "alerts", List.of(NODES.nullNode(), NODES.objectNode(), NODES.stringNode("[]"), NODES.numberNode(0),
                    NODES.arrayNode().add(1), NODES.arrayNode().add("alert"), NODES.arrayNode().addNull(),
                    NODES.arrayNode().add(NODES.arrayNode())),
            "truncatedAlerts", List.of(NODES.stringNode("0"), NODES.numberNode(-1), NODES.numberNode(0.5),
                    NODES.booleanNode(true), NODES.arrayNode()),
            "groupKey", List.of(NODES.numberNode(1), NODES.arrayNode(), NODES.objectNode()),
            "receiver", List.of(NODES.numberNode(1), NODES.objectNode()),
            "status", List.of(NODES.numberNode(1), NODES.arrayNode()));

    private MalformedBodies() {
    }

    private static ObjectNode obj(String key, JsonNode value) {
        ObjectNode o = NODES.objectNode();
        o.set(key, value);
        return o;
    }

    /** At least {@code count} bad bodies made from {@code valid}, whose version must be {@code version}. */
    static List<byte[]> from(byte[] valid, String version, List<Map.Entry<String, List<JsonNode>>> extraAlertFields,
                             int count) {
        ObjectNode base = (ObjectNode) JSON.readTree(valid);
        List<byte[]> out = new ArrayList<>();
        for (var field : BAD_ALERT_VALUES.entrySet()) {
            for (JsonNode bad : field.getValue()) {
                out.add(withAlertField(base, field.getKey(), bad));
            }
        }
        for (var field : extraAlertFields) {
            for (JsonNode bad : field.getValue()) {
                out.add(withAlertField(base, field.getKey(), bad));
            }
        }
        for (var field : BAD_TOP_VALUES.entrySet()) {
            for (JsonNode bad : field.getValue()) {
                ObjectNode b = base.deepCopy();
                b.set(field.getKey(), bad);
                out.add(bytes(b));
            }
        }
        for (String required : List.of("status", "labels", "startsAt")) {
            ObjectNode b = base.deepCopy();
            ((ObjectNode) b.get("alerts").get(0)).remove(required);
            out.add(bytes(b));
        }
        ObjectNode noAlerts = base.deepCopy();
        noAlerts.remove("alerts");
        out.add(bytes(noAlerts));
        for (String v : List.of(version.equals("4") ? "1" : "4", "3", "", "v4")) {
            ObjectNode b = base.deepCopy();
            b.put("version", v);
            out.add(bytes(b));
        }
        ObjectNode numericVersion = base.deepCopy();
        numericVersion.put("version", Integer.parseInt(version));
        out.add(bytes(numericVersion));
        String text = new String(valid, StandardCharsets.UTF_8).strip();
        out.add(utf8("[" + text + "]"));
        out.add(utf8(text + text));
        out.add(utf8(text + " trailing"));
        out.add(utf8("{\"alerts\":[],\"alerts\":[]}"));
        out.add(utf8("{\"alerts\":" + "[".repeat(3_000) + "]".repeat(3_000) + "}"));
        out.add(utf8(""));
        out.add(utf8("null"));
        out.add(utf8("\"" + text.replace("\"", "\\\"") + "\""));
        out.add(utf8("{'alerts': []}"));
        out.add(utf8("{\"alerts\": [,]}"));
        out.add(utf8("{\"alerts\": [] /* comment */}"));
        byte[] latin1 = (text.substring(0, text.length() - 1) + ",\"x\":\"caf\u00e9\"}").getBytes(StandardCharsets.ISO_8859_1);
        out.add(latin1);
        out.add(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '{', '}'});
        out.add(new byte[] {0, 0, 0, 0});
        Random random = new Random(20261129);
        int cuts = 0;
        while (out.size() < count - 20 && cuts < 200) {
            int at = 1 + random.nextInt(text.length() - 2);
            out.add(utf8(text.substring(0, at)));
            cuts++;
        }
        while (out.size() < count) {
            byte[] junk = new byte[1 + random.nextInt(200)];
            random.nextBytes(junk);
            junk[0] = (byte) (junk[0] == '{' ? '}' : junk[0]);
            out.add(junk);
        }
        return out;
    }

    private static byte[] withAlertField(ObjectNode base, String field, JsonNode value) {
        ObjectNode b = base.deepCopy();
        ArrayNode alerts = (ArrayNode) b.get("alerts");
        ((ObjectNode) alerts.get(alerts.size() - 1)).set(field, value);
        return bytes(b);
    }

    private static byte[] bytes(JsonNode node) {
        return JSON.writeValueAsBytes(node);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
