package dev.byocfleet.llm;

import java.util.List;

/**
 * One model call: system prompt, conversation and the tools on offer (none for a final answer).
 *
 * @param maxTokens the most output tokens; 0 takes the configured default
 */
public record LlmRequest(String system, List<LlmMessage> messages, List<ToolSpec> tools, int maxTokens) {

    public LlmRequest {
        system = system == null ? "" : system;
        messages = List.copyOf(messages);
        tools = List.copyOf(tools);
    }
}
