package dev.byocfleet.agents;

import dev.byocfleet.store.RecordRows;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** {@code alerts.agent_tasks}: the Sentinel's queue, claimed atomically by the Investigator. */
@Repository
class AgentTaskRepository {

    private static final String COLUMNS = "task_id, cluster_id, issue_id, trigger_type, trigger_ref, priority, status, "
            + "created_at, started_at, finished_at, cooldown_until, investigation_id, CAST(details AS VARCHAR) AS details";

    private final JdbcClient jdbc;

    AgentTaskRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(AgentTask t) {
        jdbc.sql("""
                INSERT INTO alerts.agent_tasks (task_id, cluster_id, issue_id, trigger_type, trigger_ref, priority, status,
                  created_at, started_at, finished_at, cooldown_until, investigation_id, details)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(t.taskId(), t.clusterId(), t.issueId(), t.triggerType(), t.triggerRef(), t.priority(), t.status(),
                        t.createdAt(), t.startedAt(), t.finishedAt(), t.cooldownUntil(), t.investigationId(), t.details())
                .update();
    }

    /** Deletes these tasks (the Sentinel benchmark undoes its passes with it). */
    void delete(List<String> taskIds) {
        for (String id : taskIds) {
            jdbc.sql("DELETE FROM alerts.agent_tasks WHERE task_id = ?").params(id).update();
        }
    }

    /** True when (cluster, trigger) has a task still open, or one whose cooldown has not ended at {@code at}. */
    boolean blocked(String clusterId, String triggerType, LocalDateTime at) {
        return jdbc.sql("""
                SELECT count(*) FROM alerts.agent_tasks
                WHERE cluster_id = ? AND trigger_type = ?
                  AND (status IN ('pending', 'running') OR cooldown_until > ?)""")
                .params(clusterId, triggerType, at).query(Long.class).single() > 0;
    }

    /**
     * Takes a pending task: a conditional update that only one claimer can win. A store that
     * detects the race as a write conflict (DuckDB's optimistic concurrency) makes the loser fail;
     * that is a lost claim too.
     */
    boolean claim(String taskId, LocalDateTime at) {
        try {
            return jdbc.sql("UPDATE alerts.agent_tasks SET status = 'running', started_at = ? "
                            + "WHERE task_id = ? AND status = 'pending'")
                    .params(at, taskId).update() == 1;
        } catch (DataAccessException e) {
            if (String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT).contains("conflict")) {
                return false;
            }
            throw e;
        }
    }

    void finish(String taskId, String status, @Nullable String investigationId, LocalDateTime at) {
        jdbc.sql("UPDATE alerts.agent_tasks SET status = ?, finished_at = ?, investigation_id = ? WHERE task_id = ?")
                .params(status, at, investigationId, taskId).update();
    }

    /** Pending tasks, most urgent first. */
    List<AgentTask> pending(int limit, @Nullable String clusterId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM alerts.agent_tasks WHERE status = 'pending' "
                        + "AND (CAST(? AS VARCHAR) IS NULL OR cluster_id = ?) "
                        + "ORDER BY priority DESC, created_at, task_id LIMIT ?")
                .params(clusterId, clusterId, limit).query(RecordRows.of(AgentTask.class)).list();
    }

    Optional<AgentTask> find(String taskId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM alerts.agent_tasks WHERE task_id = ?")
                .param(taskId).query(RecordRows.of(AgentTask.class)).optional();
    }

    private static final String FILTER = "WHERE (CAST(? AS VARCHAR) IS NULL OR status = ?) "
            + "AND (CAST(? AS VARCHAR) IS NULL OR cluster_id = ?) AND (CAST(? AS VARCHAR) IS NULL OR trigger_type = ?) ";

    List<AgentTask> list(@Nullable String status, @Nullable String clusterId, @Nullable String triggerType, int offset,
                         int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM alerts.agent_tasks " + FILTER
                        + "ORDER BY created_at DESC, priority DESC, task_id LIMIT ? OFFSET ?")
                .params(status, status, clusterId, clusterId, triggerType, triggerType, limit, offset)
                .query(RecordRows.of(AgentTask.class)).list();
    }

    long count(@Nullable String status, @Nullable String clusterId, @Nullable String triggerType) {
        return jdbc.sql("SELECT count(*) FROM alerts.agent_tasks " + FILTER)
                .params(status, status, clusterId, clusterId, triggerType, triggerType).query(Long.class).single();
    }
}
