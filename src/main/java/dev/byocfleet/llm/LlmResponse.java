package dev.byocfleet.llm;

import java.util.List;

/**
 * What the model answered to one call.
 *
 * @param stopReason the provider's reason as given (end_turn, tool_use, stop, tool_calls, length, ...)
 * @param model      the model that answered, as the provider names it
 */
public record LlmResponse(String text, List<ToolCall> toolCalls, String stopReason, TokenUsage usage, String model) {

    public LlmResponse {
        text = text == null ? "" : text;
        toolCalls = List.copyOf(toolCalls);
        stopReason = stopReason == null ? "" : stopReason;
        usage = usage == null ? TokenUsage.NONE : usage;
    }
}
