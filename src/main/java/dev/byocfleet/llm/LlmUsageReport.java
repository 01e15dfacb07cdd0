package dev.byocfleet.llm;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The answer of {@code GET /api/llm-usage}: the provider's state and, over a window, the totals,
 * the breakdowns by agent, model and cluster, one row per day, agent and model for the charts, and
 * the investigations, patrols and chats that used most.
 */
public record LlmUsageReport(LlmStatus provider, LocalDateTime from, LocalDateTime to, Totals totals,
                             List<Group> byAgent, List<Group> byModel, List<Group> byCluster,
                             List<Daily> daily, List<Consumer> topConsumers) {

    /** @param costUsd null when no call in the window has a price */
    public record Totals(long calls, long errors, long inputTokens, long outputTokens, long cacheReadTokens,
                         long cacheWriteTokens, @Nullable Double costUsd, long unpricedCalls,
                         @Nullable Long avgLatencyMs) {}

    /** One agent, model ({@code provider/model}) or cluster; {@code label} is the cluster's name when known. */
    public record Group(String name, @Nullable String label, long calls, long errors, long inputTokens,
                       long outputTokens, long cacheReadTokens, long cacheWriteTokens, @Nullable Double costUsd) {}

    public record Daily(LocalDate usageDate, String agent, String model, long calls, long inputTokens, long outputTokens,
                        long cacheReadTokens, long cacheWriteTokens, @Nullable Double costUsd) {}

    /**
     * One run that used the model: {@code kind} investigation, patrol or chat and its id, or a
     * cluster when the calls belong to no run.
     */
    public record Consumer(String kind, String id, String agent, @Nullable String clusterId, long calls,
                           long totalTokens, @Nullable Double costUsd, LocalDateTime lastAt) {}
}
