package dev.byocfleet.agents;

import java.time.LocalDateTime;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A row of {@code alerts.agent_investigations} in its API form. Tokens and cost add up the
 * {@code llm_usage} rows of the investigation (zero in rules mode).
 *
 * @param mode rules, llm or llm_fallback_rules
 */
public record Investigation(
        String investigationId,
        @Nullable String taskId,
        @Nullable Long issueId,
        @Nullable String clusterId,
        String status,
        String mode,
        LocalDateTime startedAt,
        @Nullable LocalDateTime finishedAt,
        @Nullable String rootCause,
        @Nullable Double confidence,
        @Nullable String severity,
        @Nullable Boolean escalate,
        @Nullable String summary,
        List<Hypothesis> hypotheses,
        List<Evidence> evidence,
        List<String> recommendations,
        List<Step> steps,
        @Nullable String model,
        @Nullable String error,
        long inputTokens,
        long outputTokens,
        double costUsd) {

    /** One step of the protocol with the evidence it gathered (steps 1-6) or used (7-8). */
    public record Step(int number, String name, String note, List<String> evidence) {}

    public static final List<String> STEP_NAMES = List.of("scope", "alert timeline", "metrics vs baseline", "changes",
            "fleet comparison", "knowledge lake", "diagnosis", "actions");
}
