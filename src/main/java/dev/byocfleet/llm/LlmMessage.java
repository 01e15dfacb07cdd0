package dev.byocfleet.llm;

import java.util.List;

/** One turn of a conversation with a model, independent of the provider's wire format. */
public sealed interface LlmMessage {

    /** Text from the user (or the agent speaking as the user). */
    record UserText(String text) implements LlmMessage {}

    /** What the model answered: text and the tools it asked for, in order. */
    record AssistantTurn(String text, List<ToolCall> toolCalls) implements LlmMessage {
        public AssistantTurn {
            text = text == null ? "" : text;
            toolCalls = List.copyOf(toolCalls);
        }
    }

    /** The results of the tools the previous assistant turn asked for. */
    record ToolResults(List<ToolResult> results) implements LlmMessage {
        public ToolResults {
            results = List.copyOf(results);
        }
    }

    /** @param content what the tool answered (already capped and delimited by the caller) */
    record ToolResult(String toolCallId, String content, boolean isError) {}
}
