package dev.byocfleet.alerts;

import dev.byocfleet.store.RecordRows;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads {@code alerts.lark_alerts} with each alert's cluster, organization and tier. Portable SQL,
 * one query per page (plus its count), every value bound.
 */
@Repository
class AlertQueryRepository {

    /** The cluster, account and profile of an alert {@code l}: every join is on a primary key (at most one row). */
    private static final String JOINS = """
            LEFT JOIN byoc.cluster c ON c.cluster_id = l.cluster_id
            LEFT JOIN byoc.account a ON a.account_id = c.account_id
            LEFT JOIN metrics.dim_customer_profile p ON p.org_id = a.org_id
            """;
    private static final String FROM = "FROM alerts.lark_alerts l\n" + JOINS;
    /** An alert's own list columns; its cluster's name, organization and tier are null here. */
    private static final String SUMMARY_COLUMNS = """
            SELECT l.message_id, l.source, l.status, l.severity, l.alert_name, l.cluster_id, NULL AS cluster_name,
                   NULL AS org_id, NULL AS tier, l.cluster_ref, l.node, l.summary, l.starts_at, l.ends_at, l.received_at,
                   l.parse_status, l.parse_error, l.fingerprint, l.issue_id
            """;
    /**
     * Every column of {@code alerts.lark_alerts} a list page shows, filters or sorts on: what a
     * fingerprint of the list's answers covers (the joined cluster, account and profile columns are
     * the fleet directory's own fingerprint).
     */
    static final Map<String, List<String>> LIST_COLUMNS = Map.of("alerts.lark_alerts", List.of(
            "message_id", "source", "status", "severity", "alert_name", "cluster_id", "cluster_ref", "node", "summary",
            "starts_at", "ends_at", "received_at", "parse_status", "parse_error", "fingerprint", "issue_id"));
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;

    AlertQueryRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Deletes the alerts received before {@code cutoff} that no active issue holds (directly or
     * through the issue it was merged into). Returns how many.
     */
    int deleteReceivedBefore(LocalDateTime cutoff) {
        return jdbc.sql("""
                DELETE FROM alerts.lark_alerts
                WHERE received_at < :cutoff
                  AND message_id NOT IN (
                    SELECT g.message_id FROM alerts.issue_alerts g
                    JOIN alerts.issues i ON i.issue_id = g.issue_id
                    LEFT JOIN alerts.issues m ON m.issue_id = i.merged_into
                    WHERE i.status IN (:active) OR m.status IN (:active))""")
                .param("cutoff", cutoff)
                .param("active", AlertRetention.ACTIVE_ISSUE_STATUSES)
                .update();
    }

    /** The joins only where a filter reads them: they never change which alerts match. */
    long count(AlertQuery q) {
        AlertFilter f = AlertFilter.of(q);
        return jdbc.sql("SELECT count(*) " + from(f) + f.where()).params(f.params()).query(Long.class).single();
    }

    /**
     * The page's ids are chosen over the narrow sort columns first, then only those rows are read in
     * full: sorting every alert with its text columns costs far more. The rows come without cluster
     * name, organization and tier (null), which {@link AlertService} adds from the fleet directory;
     * the joins stay where a filter reads them.
     */
    List<AlertSummary> page(AlertQuery q) {
        AlertFilter f = AlertFilter.of(q);
        String key = sortKey(q.sort());
        String order = " ORDER BY (" + key + ") IS NULL, " + key + " " + (q.descending() ? "DESC" : "ASC")
                + ", l.received_at DESC, l.message_id";
        return jdbc.sql(SUMMARY_COLUMNS + "FROM (SELECT l.message_id " + from(f) + f.where() + order
                        + " LIMIT :limit OFFSET :offset) k\n"
                        + "JOIN alerts.lark_alerts l ON l.message_id = k.message_id\n" + order)
                .params(f.params())
                .param("limit", q.size())
                .param("offset", q.offset())
                .query(RecordRows.of(AlertSummary.class)).list();
    }

    private static String from(AlertFilter f) {
        return f.needsJoins() ? FROM : "FROM alerts.lark_alerts l\n";
    }

    Optional<AlertDetail> detail(String messageId) {
        return jdbc.sql("""
                        SELECT l.*, c.cluster_name, a.org_id, p.tier
                        """ + FROM + " WHERE l.message_id = :id")
                .param("id", messageId)
                .query((rs, i) -> detail(rs)).optional();
    }

    /** Fixed expressions only: the sort field comes from an enum, never from the request text. */
    private static String sortKey(AlertQuery.SortField field) {
        return switch (field) {
            case RECEIVED_AT -> "l.received_at";
            case STARTS_AT -> "l.starts_at";
            case SEVERITY -> "CASE l.severity WHEN 'critical' THEN 3 WHEN 'warning' THEN 2 WHEN 'info' THEN 1 ELSE 0 END";
            case STATUS -> "l.status";
            case SOURCE -> "l.source";
            case ALERT_NAME -> "l.alert_name";
            case CLUSTER_ID -> "l.cluster_id";
        };
    }

    private static AlertDetail detail(ResultSet rs) throws SQLException {
        return new AlertDetail(rs.getString("message_id"), rs.getString("source"), rs.getString("source_message_id"),
                rs.getString("alert_id"), rs.getString("status"), rs.getString("severity"), rs.getString("alert_name"),
                rs.getString("cluster_id"), rs.getString("cluster_name"), rs.getString("org_id"), rs.getString("tier"),
                rs.getString("cluster_ref"), rs.getString("node"), rs.getString("summary"), rs.getString("description"),
                strings(rs.getString("labels")), strings(rs.getString("annotations")), time(rs, "starts_at"),
                time(rs, "ends_at"), rs.getString("fingerprint"), rs.getString("generator_url"),
                time(rs, "received_at"), rs.getString("parse_status"), rs.getString("parse_error"),
                rs.getString("ingest_run_id"), rs.getObject("issue_id") == null ? null : rs.getLong("issue_id"),
                rs.getString("raw_payload"));
    }

    private static LocalDateTime time(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, LocalDateTime.class);
    }

    /** A JSON object of labels or annotations; values that are not text are kept as their JSON. */
    static Map<String, String> strings(String json) {
        Map<String, String> out = new LinkedHashMap<>();
        if (json == null || json.isBlank()) {
            return out;
        }
        JsonNode node = JSON.readTree(json);
        if (node.isObject()) {
            node.properties().forEach(e -> out.put(e.getKey(),
                    e.getValue().isString() ? e.getValue().asString() : e.getValue().toString()));
        }
        return out;
    }
}
