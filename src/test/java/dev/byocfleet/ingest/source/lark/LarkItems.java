package dev.byocfleet.ingest.source.lark;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Message items and reference payloads for parser tests. */
public final class LarkItems {

    public static final JsonMapper JSON = JsonMapper.builder().build();
    /** 2026-11-29T04:30:00Z */
    public static final long CREATED = 1795926600000L;

    private LarkItems() {
    }

    /** A list-API item from an app; {@code content} is serialised into a string as the API does. */
    public static ObjectNode item(String id, String msgType, JsonNode content) {
        return item(id, msgType, "app", JSON.writeValueAsString(content));
    }

    public static ObjectNode item(String id, String msgType, String senderType, String rawContent) {
        ObjectNode item = JsonNodeFactory.instance.objectNode();
        item.put("message_id", id).put("msg_type", msgType).put("create_time", Long.toString(CREATED))
                .put("update_time", Long.toString(CREATED)).put("deleted", false).put("updated", false)
                .put("chat_id", "oc_test");
        item.putObject("sender").put("id", "cli_test").put("id_type", "app_id").put("sender_type", senderType);
        item.putObject("body").put("content", rawContent);
        return item;
    }

    public static ObjectNode text(String id, String text) {
        return item(id, "text", JsonNodeFactory.instance.objectNode().put("text", text));
    }

    public static JsonNode resource(String name) {
        try (InputStream in = LarkItems.class.getResourceAsStream("/ingest/lark/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + name);
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A directory like the real one: lower-case keys, a {@code StarRocks_} job prefix and a port
     * are ignored; unknown references resolve to nothing.
     */
    public static LarkMessageParser.Clusters clusters(Map<String, String> byReference) {
        return ref -> {
            String r = ref.strip().toLowerCase(Locale.ROOT);
            for (String key : new String[] {r, r.replaceFirst("^starrocks_", ""), r.replaceFirst(":\\d+$", "")}) {
                if (byReference.containsKey(key)) {
                    return Optional.of(byReference.get(key));
                }
            }
            return Optional.empty();
        };
    }
}
