package dev.byocfleet.agents;

import java.time.LocalDateTime;
import org.jspecify.annotations.Nullable;

/**
 * A row of {@code alerts.agent_tasks}: something the Investigator should look at.
 *
 * @param status     pending, running, done or failed
 * @param triggerRef what fired it: an alert message id, "score 82 -> 61", a count
 * @param details    JSON: the trigger's facts, as the Sentinel saw them
 */
public record AgentTask(
        String taskId,
        @Nullable String clusterId,
        @Nullable Long issueId,
        String triggerType,
        @Nullable String triggerRef,
        int priority,
        String status,
        LocalDateTime createdAt,
        @Nullable LocalDateTime startedAt,
        @Nullable LocalDateTime finishedAt,
        @Nullable LocalDateTime cooldownUntil,
        @Nullable String investigationId,
        @Nullable String details) {

    public static final String PENDING = "pending";
    public static final String RUNNING = "running";
    public static final String DONE = "done";
    public static final String FAILED = "failed";
}
