package dev.byocfleet.llm;

import java.util.List;

/**
 * One model call: system prompt, conversation and the tools on offer.
 *
 * @param maxTokens   the most output tokens; 0 takes the configured default
 * @param toolsRefused the tools are described (a conversation with tool turns needs them) but the
 *                    model must not call one ({@code tool_choice} none): the call for a final answer
 */
public record LlmRequest(String system, List<LlmMessage> messages, List<ToolSpec> tools, int maxTokens,
                         boolean toolsRefused) {

    public LlmRequest {
        system = system == null ? "" : system;
        messages = List.copyOf(messages);
        tools = List.copyOf(tools);
    }

    public LlmRequest(String system, List<LlmMessage> messages, List<ToolSpec> tools, int maxTokens) {
        this(system, messages, tools, maxTokens, false);
    }
}
