package dev.byocfleet.agentloop;

import dev.byocfleet.llm.CallContext;
import dev.byocfleet.llm.LlmMessage;
import java.util.List;

/**
 * One run of the loop.
 *
 * @param context who runs it, for the usage rows
 * @param system  the agent's instructions; the loop adds its rules on delimited data
 * @param history earlier turns (a chat's conversation), before {@code task}
 * @param task    what to do now, as the user's message; untrusted parts wrapped with {@link UntrustedText}
 * @param stream  stream the model's text to the listener as it comes (chat)
 */
public record AgentRequest(CallContext context, String system, List<LlmMessage> history, String task,
                           List<AgentTool> tools, AgentBudget budget, boolean stream) {

    public AgentRequest {
        history = List.copyOf(history);
        tools = List.copyOf(tools);
        budget = budget == null ? AgentBudget.DEFAULT : budget;
    }

    public AgentRequest withBudget(AgentBudget newBudget) {
        return new AgentRequest(context, system, history, task, tools, newBudget, stream);
    }

    public AgentRequest streamed() {
        return new AgentRequest(context, system, history, task, tools, budget, true);
    }

    public static AgentRequest of(CallContext context, String system, String task, List<AgentTool> tools) {
        return new AgentRequest(context, system, List.of(), task, tools, AgentBudget.DEFAULT, false);
    }
}
