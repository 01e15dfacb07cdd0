package dev.byocfleet.llm;

import java.util.Map;

/** A tool offered to the model: its name, what it does and the JSON schema of its arguments. */
public record ToolSpec(String name, String description, Map<String, Object> inputSchema) {

    public ToolSpec {
        inputSchema = Map.copyOf(inputSchema);
    }
}
