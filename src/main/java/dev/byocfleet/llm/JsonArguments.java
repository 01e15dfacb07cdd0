package dev.byocfleet.llm;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Lenient reading of JSON text that came from a model or a stream. */
final class JsonArguments {

    private JsonArguments() {
    }

    static @Nullable JsonNode parse(JsonMapper json, String text) {
        try {
            return json.readTree(text);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /**
     * The arguments as an object, or an empty one when the model's text was not a JSON object: a
     * malformed call was already answered as a tool error, and replaying it must not break the request.
     */
    static JsonNode objectOrEmpty(JsonMapper json, String text) {
        JsonNode node = parse(json, text);
        return node != null && node.isObject() ? node : json.createObjectNode();
    }
}
