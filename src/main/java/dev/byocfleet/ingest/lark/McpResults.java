package dev.byocfleet.ingest.lark;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Finds the list-API pages in a saved {@code im_v1_message_list} result, whatever wraps them
 * (refs/formats/NOTES.md 4): a CallToolResult whose text content is the page's {@code data} as a
 * JSON string, a JSON-RPC response around it, the bare text, the raw API body
 * {@code {code,msg,data}}, a bare items array, or a list of any of these. Unwraps until it finds
 * {@code items}; error results (JSON-RPC errors, {@code isError}, a non-zero {@code code}) become
 * problems with Lark's code and message.
 */
final class McpResults {

    /** The pages found and what could not be read, in file order. */
    record Found(List<List<JsonNode>> pages, List<String> problems) {}

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int MAX_DEPTH = 8;

    private McpResults() {
    }

    static Found pages(JsonNode root) {
        Found found = new Found(new ArrayList<>(), new ArrayList<>());
        unwrap(root, 0, found);
        if (found.pages().isEmpty() && found.problems().isEmpty()) {
            found.problems().add("no message list found (no 'items')");
        }
        return found;
    }

    private static void unwrap(JsonNode node, int depth, Found found) {
        if (depth > MAX_DEPTH) {
            found.problems().add("nested more than " + MAX_DEPTH + " levels deep");
            return;
        }
        if (node == null || node.isNull() || node.isMissingNode()) {
            found.problems().add("an empty result");
        } else if (node.isString()) {
            unwrapText(node.asString(), depth, found);
        } else if (node.isArray()) {
            if (!node.isEmpty() && node.get(0).isObject() && node.get(0).has("message_id")) {
                found.pages().add(list(node));
            } else {
                node.forEach(child -> unwrap(child, depth + 1, found));
            }
        } else if (node.isObject()) {
            unwrapObject(node, depth, found);
        } else {
            found.problems().add("a " + node.getNodeType().name().toLowerCase() + " where a result was expected");
        }
    }

    private static void unwrapObject(JsonNode node, int depth, Found found) {
        if (node.has("jsonrpc") && node.has("error")) {
            JsonNode e = node.get("error");
            found.problems().add("JSON-RPC error " + e.path("code").asString("") + ": " + e.path("message").asString(""));
        } else if (node.path("isError").asBoolean(false)) {
            found.problems().add("the tool call failed: " + errorText(node));
        } else if (node.has("items")) {
            JsonNode items = node.get("items");
            if (items.isArray()) {
                found.pages().add(list(items));
            } else if (!items.isNull()) {
                found.problems().add("'items' is not an array");
            } else {
                found.pages().add(List.of());
            }
        } else if (node.has("code") && node.path("code").asInt(0) != 0) {
            found.problems().add("Lark error code " + node.get("code").asInt(0) + ": " + node.path("msg").asString(""));
        } else if (node.has("data")) {
            unwrap(node.get("data"), depth + 1, found);
        } else if (node.has("result")) {
            unwrap(node.get("result"), depth + 1, found);
        } else if (node.has("structuredContent")) {
            unwrap(node.get("structuredContent"), depth + 1, found);
        } else if (node.has("content") && node.get("content").isArray()) {
            for (JsonNode c : node.get("content")) {
                if ("text".equals(c.path("type").asString("")) && c.path("text").isString()) {
                    unwrapText(c.get("text").asString(), depth + 1, found);
                }
            }
        } else if (node.has("arguments") || node.has("params")) {
            found.problems().add("the tool call's arguments, not its result");
        } else if (node.has("message_id")) {
            found.pages().add(List.of(node));
        } else {
            found.problems().add("no message list found (no 'items')");
        }
    }

    private static void unwrapText(String text, int depth, Found found) {
        try {
            unwrap(JSON.readTree(text), depth + 1, found);
        } catch (JacksonException e) {
            found.problems().add("text content is not JSON: " + e.getOriginalMessage());
        }
    }

    /** An error result's text: Lark's code and message when the text is the error body. */
    private static String errorText(JsonNode node) {
        StringBuilder out = new StringBuilder();
        for (JsonNode c : node.path("content")) {
            String text = c.path("text").asString("");
            try {
                JsonNode body = JSON.readTree(text);
                out.append(body.has("code") ? "Lark error code " + body.get("code").asString() + ": "
                        + body.path("msg").asString("") : text);
            } catch (JacksonException e) {
                out.append(text);
            }
        }
        return out.isEmpty() ? "(no text)" : out.toString();
    }

    private static List<JsonNode> list(JsonNode array) {
        List<JsonNode> items = new ArrayList<>();
        array.forEach(items::add);
        return items;
    }
}
