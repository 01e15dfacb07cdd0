package dev.byocfleet.agentloop;

import java.util.Map;
import java.util.function.Function;

/**
 * A tool an agent may call: name, description, JSON schema of its arguments, and the handler that
 * runs it on parsed arguments. A handler reports a refusal as {@link ToolOutput#error}; an exception
 * it throws is answered to the model as a tool error too.
 */
public record AgentTool(String name, String description, Map<String, Object> inputSchema,
                        Function<Map<String, Object>, ToolOutput> handler) {

    public AgentTool {
        inputSchema = Map.copyOf(inputSchema);
    }

    /** What a tool answered: text for the model, and whether it is an error. */
    public record ToolOutput(String text, boolean error) {

        public static ToolOutput ok(String text) {
            return new ToolOutput(text, false);
        }

        public static ToolOutput error(String text) {
            return new ToolOutput(text, true);
        }
    }
}
