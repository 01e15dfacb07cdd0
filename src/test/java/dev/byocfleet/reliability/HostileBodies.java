package dev.byocfleet.reliability;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A deterministic (seeded) generator of hostile request bodies made from one valid sample: values
 * of the wrong type or form at random places, fields dropped or added, the document cut short,
 * invalid UTF-8 and NUL bytes spliced in, other top-level types, huge and deeply nested JSON. Some
 * variants may happen to be valid; callers judge each answer, not the variant.
 */
final class HostileBodies {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final byte[][] BAD_UTF8 = {
            {(byte) 0xC3, 0x28}, {(byte) 0xFF}, {(byte) 0x80}, {(byte) 0xC0, (byte) 0xAF},
            {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, {0}};
    private static final String[] TOP_LEVEL = {"", " ", "null", "true", "0", "-1", "1e999", "\"text\"", "[]", "[{}]",
            "{", "}", "{}{}", "{\"a\":1,}", "{'a': 1}", "{\"a\" 1}", "NaN", "[1,2", "\ufeff{}", "/* c */ {}", "{\"a\":01}"};

    private HostileBodies() {
    }

    private static List<JsonNode> badValues(Random random) {
        return List.of(NODES.nullNode(), NODES.booleanNode(true), NODES.numberNode(-1), NODES.numberNode(0),
                NODES.numberNode(Long.MAX_VALUE), NODES.numberNode(new java.math.BigInteger("9".repeat(60))),
                NODES.numberNode(1.5e300), NODES.numberNode(-0.0), NODES.stringNode(""), NODES.stringNode(" "),
                NODES.stringNode("x".repeat(100_000 + random.nextInt(10))), NODES.stringNode("\u0000"),
                NODES.stringNode("../../etc/passwd"), NODES.stringNode("' OR 1=1; DROP TABLE alerts.lark_alerts; --"),
                NODES.stringNode("<script>alert(1)</script>"), NODES.stringNode("${jndi:ldap://127.0.0.1/x}"),
                NODES.stringNode("2026-13-45T99:99:99Z"), NODES.stringNode("-999999999-01-01T00:00:00Z"),
                NODES.stringNode("NaN"), NODES.stringNode("\ud83d\udca5\u202e"), NODES.arrayNode(), NODES.objectNode(),
                nested(60), NODES.arrayNode().add(NODES.nullNode()).add(1).add("x"));
    }

    private static JsonNode nested(int depth) {
        JsonNode n = NODES.stringNode("bottom");
        for (int i = 0; i < depth; i++) {
            n = i % 2 == 0 ? NODES.arrayNode().add(n) : NODES.objectNode().set("k", n);
        }
        return n;
    }

    /** {@code count} bodies made from {@code sample}, the same for the same seed. */
    static List<byte[]> from(byte[] sample, long seed, int count) {
        Random random = new Random(seed);
        JsonNode base = JSON.readTree(sample);
        String text = new String(sample, StandardCharsets.UTF_8);
        List<byte[]> out = new ArrayList<>();
        for (String top : TOP_LEVEL) {
            out.add(top.getBytes(StandardCharsets.UTF_8));
        }
        out.add(("[".repeat(100_000) + "]".repeat(100_000)).getBytes(StandardCharsets.UTF_8));
        out.add(("{\"a\":".repeat(50_000) + "1" + "}".repeat(50_000)).getBytes(StandardCharsets.UTF_8));
        out.add(("[" + "1,".repeat(400_000) + "1]").getBytes(StandardCharsets.UTF_8));
        out.add(("{\"k\":\"" + "\\u0000".repeat(200_000) + "\"}").getBytes(StandardCharsets.UTF_8));
        List<JsonNode> bad = badValues(random);
        while (out.size() < count) {
            switch (random.nextInt(6)) {
                case 0 -> out.add(text.substring(0, random.nextInt(Math.max(1, text.length()))).getBytes(StandardCharsets.UTF_8));
                case 1 -> out.add(splice(sample, BAD_UTF8[random.nextInt(BAD_UTF8.length)], random));
                case 2, 3 -> {
                    JsonNode copy = base.deepCopy();
                    out.add(JSON.writeValueAsBytes(replaceRandom(copy, bad.get(random.nextInt(bad.size())), random)));
                }
                case 4 -> {
                    JsonNode copy = base.deepCopy();
                    out.add(JSON.writeValueAsBytes(removeRandom(copy, random)));
                }
                default -> {
                    byte[] junk = sample.clone();
                    for (int i = 0; i < 1 + random.nextInt(4); i++) {
                        junk[random.nextInt(junk.length)] = (byte) random.nextInt(256);
                    }
                    out.add(junk);
                }
            }
        }
        return out;
    }

    private static byte[] splice(byte[] sample, byte[] insert, Random random) {
        // inside a string value when the sample has one, so the bytes reach a text field
        String text = new String(sample, StandardCharsets.UTF_8);
        int quote = text.indexOf("\":\"");
        int at = quote >= 0 && random.nextBoolean() ? text.substring(0, quote + 3).getBytes(StandardCharsets.UTF_8).length
                : random.nextInt(sample.length + 1);
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write(sample, 0, at);
        b.writeBytes(insert);
        b.write(sample, at, sample.length - at);
        return b.toByteArray();
    }

    /** Replaces one randomly chosen value (the whole document if it has none) with {@code value}. */
    private static JsonNode replaceRandom(JsonNode root, JsonNode value, Random random) {
        List<JsonNode> containers = new ArrayList<>();
        collect(root, containers);
        if (containers.isEmpty()) {
            return value;
        }
        JsonNode parent = containers.get(random.nextInt(containers.size()));
        if (parent instanceof ObjectNode o) {
            List<String> names = new ArrayList<>(o.propertyNames());
            if (names.isEmpty() || random.nextInt(5) == 0) {
                o.set("unexpected_" + random.nextInt(3), value);
            } else {
                o.set(names.get(random.nextInt(names.size())), value);
            }
        } else if (parent instanceof ArrayNode a) {
            if (a.isEmpty()) {
                a.add(value);
            } else {
                a.set(random.nextInt(a.size()), value);
            }
        }
        return root;
    }

    private static JsonNode removeRandom(JsonNode root, Random random) {
        List<JsonNode> containers = new ArrayList<>();
        collect(root, containers);
        containers.removeIf(c -> c.isEmpty());
        if (containers.isEmpty()) {
            return NODES.arrayNode();
        }
        JsonNode parent = containers.get(random.nextInt(containers.size()));
        if (parent instanceof ObjectNode o) {
            List<String> names = new ArrayList<>(o.propertyNames());
            o.remove(names.get(random.nextInt(names.size())));
        } else if (parent instanceof ArrayNode a) {
            a.remove(random.nextInt(a.size()));
        }
        return root;
    }

    private static void collect(JsonNode node, List<JsonNode> containers) {
        if (node.isContainer()) {
            containers.add(node);
            for (JsonNode child : node) {
                collect(child, containers);
            }
        }
    }
}
