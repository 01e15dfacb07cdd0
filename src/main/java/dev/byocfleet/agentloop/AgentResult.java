package dev.byocfleet.agentloop;

import dev.byocfleet.llm.LlmMessage;
import dev.byocfleet.llm.TokenUsage;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * How a run ended.
 *
 * @param answer     the model's final text (possibly empty when it failed or was cancelled)
 * @param steps      model calls made, the forced final one included
 * @param transcript the conversation after the run (the history, the task and every turn)
 * @param note       why the run ended as it did when not {@code COMPLETED}: the budget reached, the
 *                   provider's error, not configured
 */
public record AgentResult(Outcome outcome, String answer, List<ToolCallRecord> toolCalls, int steps, TokenUsage tokens,
                          List<LlmMessage> transcript, @Nullable String note) {

    public enum Outcome {
        /** The model answered without asking for more tools. */
        COMPLETED,
        /** A budget was reached; {@code answer} is the forced final answer. */
        BUDGET_EXHAUSTED,
        CANCELLED,
        /** The provider failed for good (auth, quota, retries used up); agents fall back to rules. */
        FAILED,
        /** No provider is configured; agents run their rules. */
        NOT_CONFIGURED
    }

    public AgentResult {
        answer = answer == null ? "" : answer;
        toolCalls = List.copyOf(toolCalls);
        transcript = List.copyOf(transcript);
    }
}
