package dev.byocfleet.llm;

import dev.byocfleet.store.RecordRows;
import dev.byocfleet.llm.LlmUsageReport.Consumer;
import dev.byocfleet.llm.LlmUsageReport.Daily;
import dev.byocfleet.llm.LlmUsageReport.Group;
import dev.byocfleet.llm.LlmUsageReport.Totals;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Writes and aggregates {@code alerts.llm_usage}; portable SQL, every value bound. */
@Repository
class LlmUsageRepository {

    /** The window and optional filters of a report. */
    record Filter(LocalDateTime from, LocalDateTime to, @Nullable String agent, @Nullable String model,
                  @Nullable String clusterId) {

        String where() {
            StringBuilder w = new StringBuilder(" WHERE u.created_at >= :from AND u.created_at < :to");
            if (agent != null) {
                w.append(" AND u.agent = :agent");
            }
            if (model != null) {
                w.append(" AND u.model = :model");
            }
            if (clusterId != null) {
                w.append(" AND u.cluster_id = :cluster_id");
            }
            return w.toString();
        }

        Map<String, Object> params() {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("from", from);
            p.put("to", to);
            if (agent != null) {
                p.put("agent", agent);
            }
            if (model != null) {
                p.put("model", model);
            }
            if (clusterId != null) {
                p.put("cluster_id", clusterId);
            }
            return p;
        }
    }

    private static final String TOKENS = """
            CAST(count(*) AS BIGINT) AS calls,
            CAST(coalesce(sum(CASE WHEN u.outcome <> 'ok' THEN 1 ELSE 0 END), 0) AS BIGINT) AS errors,
            CAST(coalesce(sum(u.input_tokens), 0) AS BIGINT) AS input_tokens,
            CAST(coalesce(sum(u.output_tokens), 0) AS BIGINT) AS output_tokens,
            CAST(coalesce(sum(u.cache_read_tokens), 0) AS BIGINT) AS cache_read_tokens,
            CAST(coalesce(sum(u.cache_write_tokens), 0) AS BIGINT) AS cache_write_tokens,
            sum(u.cost_usd) AS cost_usd
            """;
    private static final int TOP = 20;

    private final JdbcClient jdbc;

    LlmUsageRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(UsageRow row) {
        CallContext c = row.context();
        jdbc.sql("""
                        INSERT INTO alerts.llm_usage (usage_id, created_at, agent, provider, model, input_tokens,
                          output_tokens, cache_read_tokens, cache_write_tokens, cost_usd, latency_ms, outcome,
                          investigation_id, patrol_report_id, chat_session_id, cluster_id, error)
                        VALUES (:id, :created_at, :agent, :provider, :model, :input, :output, :cache_read, :cache_write,
                          :cost, :latency, :outcome, :investigation, :patrol, :chat, :cluster, :error)""")
                .param("id", row.usageId())
                .param("created_at", row.createdAt())
                .param("agent", c.agent())
                .param("provider", row.provider())
                .param("model", row.model())
                .param("input", row.tokens().input())
                .param("output", row.tokens().output())
                .param("cache_read", row.tokens().cacheRead())
                .param("cache_write", row.tokens().cacheWrite())
                .param("cost", row.costUsd())
                .param("latency", row.latencyMs())
                .param("outcome", row.outcome())
                .param("investigation", c.investigationId())
                .param("patrol", c.patrolReportId())
                .param("chat", c.chatSessionId())
                .param("cluster", c.clusterId())
                .param("error", row.error())
                .update();
    }

    Totals totals(Filter f) {
        return jdbc.sql("SELECT " + TOKENS + """
                        , CAST(coalesce(sum(CASE WHEN u.cost_usd IS NULL THEN 1 ELSE 0 END), 0) AS BIGINT) AS unpriced_calls,
                        CAST(avg(u.latency_ms) AS BIGINT) AS avg_latency_ms
                        FROM alerts.llm_usage u""" + f.where())
                .params(f.params()).query(RecordRows.of(Totals.class)).single();
    }

    List<Group> byAgent(Filter f) {
        return groups("u.agent", "CAST(NULL AS VARCHAR)", "", f);
    }

    List<Group> byModel(Filter f) {
        return groups("concat(u.provider, '/', coalesce(u.model, '?'))", "CAST(NULL AS VARCHAR)", "", f);
    }

    List<Group> byCluster(Filter f) {
        return groups("u.cluster_id", "max(c.cluster_name)",
                " LEFT JOIN byoc.cluster c ON c.cluster_id = u.cluster_id", f);
    }

    private List<Group> groups(String key, String label, String join, Filter f) {
        String where = f.where() + (key.equals("u.cluster_id") ? " AND u.cluster_id IS NOT NULL" : "");
        return jdbc.sql("SELECT " + key + " AS name, " + label + " AS label, " + TOKENS
                        + " FROM alerts.llm_usage u" + join + where + " GROUP BY " + key
                        + " ORDER BY sum(u.cost_usd) IS NULL, sum(u.cost_usd) DESC,"
                        + " sum(coalesce(u.input_tokens, 0) + coalesce(u.output_tokens, 0)) DESC, name LIMIT " + TOP)
                .params(f.params()).query(RecordRows.of(Group.class)).list();
    }

    List<Daily> daily(Filter f) {
        return jdbc.sql("""
                        SELECT CAST(date_trunc('day', u.created_at) AS DATE) AS usage_date, u.agent AS agent,
                               concat(u.provider, '/', coalesce(u.model, '?')) AS model,
                        """ + TOKENS + " FROM alerts.llm_usage u" + f.where() + "\n" + """
                         GROUP BY CAST(date_trunc('day', u.created_at) AS DATE), u.agent, concat(u.provider, '/', coalesce(u.model, '?'))
                         ORDER BY usage_date, agent, model""")
                .params(f.params()).query(RecordRows.of(Daily.class)).list();
    }

    /** Runs by their id (investigation, patrol, chat), or by cluster for calls outside any run. */
    List<Consumer> topConsumers(Filter f) {
        return jdbc.sql("""
                        SELECT kind, id, max(agent) AS agent, max(cluster_id) AS cluster_id,
                               CAST(count(*) AS BIGINT) AS calls,
                               CAST(coalesce(sum(tokens), 0) AS BIGINT) AS total_tokens,
                               sum(cost_usd) AS cost_usd, max(created_at) AS last_at
                        FROM (
                          SELECT CASE WHEN u.investigation_id IS NOT NULL THEN 'investigation'
                                      WHEN u.patrol_report_id IS NOT NULL THEN 'patrol'
                                      WHEN u.chat_session_id IS NOT NULL THEN 'chat'
                                      ELSE 'cluster' END AS kind,
                                 coalesce(u.investigation_id, u.patrol_report_id, u.chat_session_id, u.cluster_id) AS id,
                                 u.agent, u.cluster_id,
                                 coalesce(u.input_tokens, 0) + coalesce(u.output_tokens, 0)
                                   + coalesce(u.cache_read_tokens, 0) + coalesce(u.cache_write_tokens, 0) AS tokens,
                                 u.cost_usd, u.created_at
                          FROM alerts.llm_usage u""" + f.where() + "\n" + """
                        ) t
                        WHERE id IS NOT NULL
                        GROUP BY kind, id
                        ORDER BY sum(cost_usd) IS NULL, sum(cost_usd) DESC, sum(tokens) DESC, id
                        LIMIT""" + " " + TOP)
                .params(f.params()).query(RecordRows.of(Consumer.class)).list();
    }
}
