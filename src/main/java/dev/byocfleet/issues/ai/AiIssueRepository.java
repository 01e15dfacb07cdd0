package dev.byocfleet.issues.ai;

import dev.byocfleet.store.RecordRows;
import dev.byocfleet.store.Dialect;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Reads issues with their clusters' attributes and writes {@code alerts.ai_issues}. */
@Repository
class AiIssueRepository {

    static final List<String> COLUMNS = List.of("ai_issue_id", "title", "alert_family", "severity", "summary",
            "summary_source", "suggested_next_step", "knowledge_doc_ids", "clusters", "issue_ids", "shared_attributes",
            "evidence", "first_seen", "last_seen", "computed_at", "active", "input_tokens", "output_tokens");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final Dialect dialect;

    AiIssueRepository(JdbcClient jdbc, JdbcTemplate template, Dialect dialect) {
        this.jdbc = jdbc;
        this.template = template;
        this.dialect = dialect;
    }

    /** Issues on known clusters still active or last firing after {@code since}, with version, region and instance type. */
    List<PatternCandidate> candidates(LocalDateTime since) {
        return jdbc.sql("""
                SELECT i.issue_id, i.cluster_id, c.cluster_name, i.alert_name, i.title, i.summary, i.severity, i.status,
                       i.first_seen, i.last_seen, c.cluster_version AS version, c.region,
                       (SELECT min(r.instance_type) FROM byoc.cluster_resource r
                        WHERE r.cluster_id = i.cluster_id AND r.resource_type <> 'FE') AS instance_type, p.tier
                FROM alerts.issues i
                JOIN byoc.cluster c ON c.cluster_id = i.cluster_id
                LEFT JOIN byoc.account a ON a.account_id = c.account_id
                LEFT JOIN metrics.dim_customer_profile p ON p.org_id = a.org_id
                WHERE i.merged_into IS NULL
                  AND (i.status IN ('open', 'acknowledged', 'investigating', 'silenced') OR i.last_seen >= :since)
                ORDER BY i.first_seen, i.issue_id""").param("since", since).query(RecordRows.of(PatternCandidate.class)).list();
    }

    /** Writes this run's groups and marks the groups it did not find again inactive. */
    void replace(List<AiIssue> groups, LocalDateTime computedAt) {
        template.update("UPDATE alerts.ai_issues SET active = false WHERE active = true");
        List<Object[]> rows = groups.stream().map(g -> new Object[] {g.aiIssueId(), g.title(), g.alertFamily(), g.severity(),
                g.summary(), g.summarySource(), g.suggestedNextStep(), json(g.knowledgeDocIds()), json(g.clusters()),
                json(g.issueIds()), json(g.sharedAttributes()), json(g.evidence()), g.firstSeen(), g.lastSeen(), computedAt,
                true, g.inputTokens(), g.outputTokens()}).toList();
        if (!rows.isEmpty()) {
            template.batchUpdate(dialect.upsert("alerts.ai_issues", COLUMNS, List.of("ai_issue_id")), rows);
        }
        template.update("UPDATE alerts.issues SET ai_issue_id = NULL WHERE ai_issue_id IS NOT NULL");
        for (AiIssue g : groups) {
            jdbc.sql("UPDATE alerts.issues SET ai_issue_id = :ai WHERE issue_id IN (:ids)")
                    .param("ai", g.aiIssueId()).param("ids", g.issueIds()).update();
        }
    }

    List<AiIssue> list(boolean activeOnly) {
        return jdbc.sql("SELECT * FROM alerts.ai_issues" + (activeOnly ? " WHERE active = true" : "")
                        + " ORDER BY active DESC, last_seen DESC, ai_issue_id")
                .query((rs, i) -> row(rs)).list();
    }

    java.util.Optional<AiIssue> find(String id) {
        return jdbc.sql("SELECT * FROM alerts.ai_issues WHERE ai_issue_id = :id").param("id", id)
                .query((rs, i) -> row(rs)).optional();
    }

    private static AiIssue row(ResultSet rs) throws SQLException {
        long in = rs.getLong("input_tokens");
        Long inputTokens = rs.wasNull() ? null : in;
        long out = rs.getLong("output_tokens");
        Long outputTokens = rs.wasNull() ? null : out;
        return new AiIssue(rs.getString("ai_issue_id"), rs.getString("title"), rs.getString("alert_family"),
                rs.getString("severity"), rs.getString("summary"), rs.getString("summary_source"),
                rs.getString("suggested_next_step"), parse(rs.getString("knowledge_doc_ids"), new TypeReference<List<String>>() {}),
                parse(rs.getString("clusters"), new TypeReference<List<String>>() {}),
                parse(rs.getString("issue_ids"), new TypeReference<List<Long>>() {}),
                parse(rs.getString("shared_attributes"), new TypeReference<Map<String, String>>() {}),
                parse(rs.getString("evidence"), new TypeReference<Map<String, Object>>() {}),
                rs.getObject("first_seen", LocalDateTime.class), rs.getObject("last_seen", LocalDateTime.class),
                rs.getObject("computed_at", LocalDateTime.class), rs.getBoolean("active"), inputTokens, outputTokens);
    }

    private static String json(Object value) {
        return JSON.writeValueAsString(value);
    }

    private static <T> T parse(String json, TypeReference<T> type) {
        return json == null ? null : JSON.readValue(json, type);
    }
}
