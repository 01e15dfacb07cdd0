package dev.byocfleet.agents;

import dev.byocfleet.store.JsonColumns;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;

/** {@code alerts.agent_investigations}, with tokens and cost summed from {@code alerts.llm_usage}. */
@Repository
class InvestigationRepository {

    private static final String SELECT = """
            SELECT i.investigation_id, i.task_id, i.issue_id, i.cluster_id, i.status, i.mode, i.started_at, i.finished_at,
              i.root_cause, i.confidence, i.severity, i.escalate, i.summary, CAST(i.hypotheses AS VARCHAR) AS hypotheses,
              CAST(i.evidence AS VARCHAR) AS evidence, CAST(i.actions AS VARCHAR) AS actions,
              CAST(i.steps AS VARCHAR) AS steps, i.model, i.error,
              coalesce(u.input_tokens, 0) AS input_tokens, coalesce(u.output_tokens, 0) AS output_tokens,
              coalesce(u.cost_usd, 0) AS cost_usd
            FROM alerts.agent_investigations i
            LEFT JOIN (SELECT investigation_id, sum(input_tokens) AS input_tokens, sum(output_tokens) AS output_tokens,
                         sum(cost_usd) AS cost_usd
                       FROM alerts.llm_usage WHERE investigation_id IS NOT NULL GROUP BY investigation_id) u
              ON u.investigation_id = i.investigation_id
            """;

    private final JdbcClient jdbc;

    InvestigationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Investigation i) {
        jdbc.sql("""
                INSERT INTO alerts.agent_investigations (investigation_id, task_id, issue_id, cluster_id, status, mode,
                  started_at, finished_at, root_cause, confidence, severity, escalate, summary, hypotheses, evidence,
                  actions, steps, model, error, feedback)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL)""")
                .params(i.investigationId(), i.taskId(), i.issueId(), i.clusterId(), i.status(), i.mode(), i.startedAt(),
                        i.finishedAt(), i.rootCause(), i.confidence(), i.severity(), i.escalate(), i.summary(),
                        JsonColumns.write(i.hypotheses()), JsonColumns.write(i.evidence()),
                        JsonColumns.write(i.recommendations()), JsonColumns.write(i.steps()), i.model(), i.error())
                .update();
    }

    Optional<Investigation> find(String id) {
        return jdbc.sql(SELECT + " WHERE i.investigation_id = ?").param(id).query(InvestigationRepository::row).optional();
    }

    List<Investigation> list(@Nullable String clusterId, @Nullable String rootCause, int offset, int limit) {
        return jdbc.sql(SELECT + """
                 WHERE (CAST(? AS VARCHAR) IS NULL OR i.cluster_id = ?) AND (CAST(? AS VARCHAR) IS NULL OR i.root_cause = ?)
                 ORDER BY i.started_at DESC, i.investigation_id LIMIT ? OFFSET ?""")
                .params(clusterId, clusterId, rootCause, rootCause, limit, offset)
                .query(InvestigationRepository::row).list();
    }

    long count(@Nullable String clusterId, @Nullable String rootCause) {
        return jdbc.sql("""
                SELECT count(*) FROM alerts.agent_investigations i
                WHERE (CAST(? AS VARCHAR) IS NULL OR i.cluster_id = ?) AND (CAST(? AS VARCHAR) IS NULL OR i.root_cause = ?)""")
                .params(clusterId, clusterId, rootCause, rootCause).query(Long.class).single();
    }

    private static Investigation row(ResultSet rs, int n) throws SQLException {
        return new Investigation(rs.getString("investigation_id"), rs.getString("task_id"),
                (Long) rs.getObject("issue_id", Long.class), rs.getString("cluster_id"), rs.getString("status"),
                rs.getString("mode"), rs.getObject("started_at", LocalDateTime.class),
                rs.getObject("finished_at", LocalDateTime.class), rs.getString("root_cause"),
                (Double) rs.getObject("confidence", Double.class), rs.getString("severity"),
                (Boolean) rs.getObject("escalate", Boolean.class), rs.getString("summary"),
                list(rs.getString("hypotheses"), new TypeReference<List<Hypothesis>>() {}),
                list(rs.getString("evidence"), new TypeReference<List<Evidence>>() {}),
                list(rs.getString("actions"), new TypeReference<List<String>>() {}),
                list(rs.getString("steps"), new TypeReference<List<Investigation.Step>>() {}),
                rs.getString("model"), rs.getString("error"), rs.getLong("input_tokens"), rs.getLong("output_tokens"),
                rs.getDouble("cost_usd"));
    }

    private static <T> List<T> list(@Nullable String json, TypeReference<List<T>> type) {
        return json == null ? List.of() : JsonColumns.MAPPER.readValue(json, type);
    }
}
