package dev.byocfleet.llm;

import org.jspecify.annotations.Nullable;

/**
 * Who makes a model call, for its {@code llm_usage} row: the agent and the investigation, patrol
 * report, chat session and cluster it works on (any may be null).
 */
public record CallContext(String agent, @Nullable String investigationId, @Nullable String patrolReportId,
                          @Nullable String chatSessionId, @Nullable String clusterId) {

    public CallContext {
        if (agent == null || agent.isBlank()) {
            throw new IllegalArgumentException("agent is required");
        }
    }

    public static CallContext of(String agent) {
        return new CallContext(agent, null, null, null, null);
    }
}
