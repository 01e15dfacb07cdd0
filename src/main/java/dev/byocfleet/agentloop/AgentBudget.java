package dev.byocfleet.agentloop;

import java.time.Duration;

/**
 * Limits of one run. When one is reached the loop stops offering tools and asks the model for its
 * final answer with what it has; a run never ends in an exception because of a budget.
 *
 * @param maxSteps          model calls that may request tools
 * @param maxTokens         tokens of all calls together (input, output and cache)
 * @param maxWallTime       time since the run began, checked before each call
 * @param maxToolOutputChars longest tool output passed to the model; the rest is cut with a note
 * @param maxParallelTools  tool calls of one step run at the same time
 */
public record AgentBudget(int maxSteps, long maxTokens, Duration maxWallTime, int maxToolOutputChars,
                          int maxParallelTools) {

    public static final AgentBudget DEFAULT = new AgentBudget(12, 200_000, Duration.ofMinutes(5), 16_000, 4);

    public AgentBudget {
        if (maxSteps < 1 || maxTokens < 1 || maxWallTime.isNegative() || maxWallTime.isZero()
                || maxToolOutputChars < 200 || maxParallelTools < 1) {
            throw new IllegalArgumentException("budget limits must be positive (tool output at least 200 characters)");
        }
    }
}
