package dev.byocfleet.issues;

import dev.byocfleet.store.RecordRows;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeSet;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The issue list; fixed SQL fragments, values bound. Rows come without their cluster's name,
 * organization and tier (null): {@link IssueService} adds those from the fleet directory instead of
 * joining four tables per query. The joins stay where a filter reads them.
 */
@Repository
class IssueQueryRepository {

    /** The cluster, account, organization and profile of an issue {@code i}: joins on primary keys (at most one row). */
    private static final String JOINS = """
            LEFT JOIN byoc.cluster c ON c.cluster_id = i.cluster_id
            LEFT JOIN byoc.account a ON a.account_id = c.account_id
            LEFT JOIN byoc.organization o ON o.org_id = a.org_id
            LEFT JOIN metrics.dim_customer_profile p ON p.org_id = a.org_id
            """;
    private static final String FROM = "FROM alerts.issues i\n" + JOINS;
    /** An issue's own columns; its cluster's name, organization and tier are null here. */
    private static final String COLUMNS = """
            SELECT i.issue_id, i.title, i.cluster_id, NULL AS cluster_name, NULL AS org_name, NULL AS tier, i.alert_name,
                   i.severity, i.status, i.assignee, i.first_seen, i.last_seen, i.resolved_at, i.silenced_until,
                   i.alert_count, i.firing_count, i.reopen_count, i.merged_into
            """;

    /**
     * Every column of {@code alerts.issues} a list page shows, filters or sorts on: what a
     * fingerprint of the list's answers covers (the joined cluster and profile columns are the fleet
     * directory's own fingerprint).
     */
    static final Map<String, List<String>> LIST_COLUMNS = Map.of("alerts.issues", List.of(
            "issue_id", "title", "cluster_id", "alert_name", "severity", "status", "assignee", "first_seen", "last_seen",
            "resolved_at", "silenced_until", "alert_count", "firing_count", "reopen_count", "merged_into", "updated_at",
            "summary"));

    private final JdbcClient jdbc;

    IssueQueryRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** {@code needsJoins}: a clause reads the joined tables; otherwise the issue table alone tells which issues match. */
    private record Where(String sql, Map<String, Object> params, boolean needsJoins) {

        String from() {
            return needsJoins ? FROM : "FROM alerts.issues i\n";
        }
    }

    private static Where where(IssueQuery q, LocalDateTime now) {
        List<String> clauses = new ArrayList<>(List.of("i.merged_into IS NULL"));
        Map<String, Object> params = new HashMap<>();
        if (!q.statuses().isEmpty()) {
            clauses.add("i.status IN (:statuses)");
            params.put("statuses", q.statuses());
        }
        if (!q.severities().isEmpty()) {
            clauses.add("i.severity IN (:severities)");
            params.put("severities", q.severities());
        }
        if (q.clusterId() != null) {
            clauses.add("i.cluster_id = :cluster");
            params.put("cluster", q.clusterId());
        }
        if (q.tier() != null) {
            clauses.add("p.tier = :tier");
            params.put("tier", q.tier());
        }
        if (q.owner() != null) {
            if (q.owner().equalsIgnoreCase("none")) {
                clauses.add("i.assignee IS NULL");
            } else {
                clauses.add("i.assignee = :owner");
                params.put("owner", q.owner());
            }
        }
        if (q.maxAge() != null) {
            clauses.add("i.first_seen >= :since");
            params.put("since", now.minus(q.maxAge()));
        }
        if (q.text() != null) {
            clauses.add("(instr(lower(i.title), :text) > 0 OR instr(lower(i.alert_name), :text) > 0"
                    + " OR instr(lower(i.cluster_id), :text) > 0 OR instr(lower(c.cluster_name), :text) > 0"
                    + " OR instr(lower(i.summary), :text) > 0)");
            params.put("text", q.text());
        }
        return new Where("WHERE " + String.join(" AND ", clauses), params, q.tier() != null || q.text() != null);
    }

    long count(IssueQuery q, LocalDateTime now) {
        Where w = where(q, now);
        return jdbc.sql("SELECT count(*) " + w.from() + w.sql()).params(w.params()).query(Long.class).single();
    }

    List<IssueSummary> page(IssueQuery q, LocalDateTime now) {
        Where w = where(q, now);
        String key = switch (q.sort()) {
            case LAST_SEEN -> "i.last_seen";
            case FIRST_SEEN -> "i.first_seen";
            case SEVERITY -> "CASE i.severity WHEN 'critical' THEN 3 WHEN 'warning' THEN 2 ELSE 1 END";
            case STATUS -> "i.status";
            case ALERT_COUNT -> "i.alert_count";
            case UPDATED_AT -> "i.updated_at";
        };
        // the page's ids over the narrow sort columns first (with the joins a filter reads), then only those issues in full
        String order = " ORDER BY " + key + (q.descending() ? " DESC" : " ASC") + ", i.issue_id DESC";
        return jdbc.sql(COLUMNS + "FROM (SELECT i.issue_id " + w.from() + w.sql() + order + " LIMIT :limit OFFSET :offset) k\n"
                        + "JOIN alerts.issues i ON i.issue_id = k.issue_id" + order)
                .params(w.params()).param("limit", q.size()).param("offset", q.offset())
                .query(RecordRows.of(IssueSummary.class)).list();
    }

    List<IssueSummary> byIds(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(COLUMNS + "FROM alerts.issues i WHERE i.issue_id IN (:ids) ORDER BY i.first_seen")
                .param("ids", List.copyOf(ids))
                .query(RecordRows.of(IssueSummary.class)).list();
    }

    private static final String ACTIVE = "('open', 'acknowledged', 'investigating', 'silenced')";

    /** The issue an alert was grouped into (where a merge moved it, if one did), whatever its status. */
    java.util.Optional<Long> issueOfAlert(String messageId) {
        return jdbc.sql("SELECT issue_id FROM alerts.issue_alerts WHERE message_id = :m AND issue_id IS NOT NULL")
                .param("m", messageId).query(Long.class).optional();
    }

    /** The newest active issue of a cluster and alert name: the default grouping key's open issue. */
    java.util.Optional<Long> activeIssueOf(String clusterId, String alertName) {
        return jdbc.sql("SELECT issue_id FROM alerts.issues WHERE cluster_id = :c AND alert_name = :n AND merged_into IS NULL "
                        + "AND status IN " + ACTIVE + " ORDER BY first_seen DESC, issue_id DESC LIMIT 1")
                .param("c", clusterId).param("n", alertName).query(Long.class).optional();
    }

    /** The newest active issue of a cluster with an alert in {@code (from, to]}. */
    java.util.Optional<Long> newestActiveIssueWithAlertsIn(String clusterId, LocalDateTime from, LocalDateTime to) {
        return jdbc.sql("SELECT i.issue_id FROM alerts.issues i WHERE i.cluster_id = :c AND i.merged_into IS NULL "
                        + "AND i.status IN " + ACTIVE + " AND EXISTS (SELECT 1 FROM alerts.issue_alerts a "
                        + "WHERE a.issue_id = i.issue_id AND a.event_at > :from AND a.event_at <= :to) "
                        + "ORDER BY i.first_seen DESC, i.issue_id DESC LIMIT 1")
                .param("c", clusterId).param("from", from).param("to", to).query(Long.class).optional();
    }

    /** A cluster's health scores when an issue started and now; null where it has none. */
    record ClusterScores(Double atStart, Double now) {
        static final ClusterScores NONE = new ClusterScores(null, null);
    }

    /** Every hour a fleet health pass stored scores for (the newest pass at or before a time is found in memory). */
    NavigableSet<LocalDateTime> passHours() {
        return new TreeSet<>(jdbc.sql("SELECT DISTINCT scored_at FROM alerts.cluster_health_scores")
                .query(LocalDateTime.class).list());
    }

    /**
     * The cluster's score in the newest pass at or before {@code start} and at or before {@code now}
     * ({@code passHours} from {@link #passHours}); null where there is no such pass or it has no
     * score for the cluster, as the health service's fleet-wide {@code scoreValuesAtOrBefore} has
     * them. One read of at most two hours' rows, which the hour column's zone maps find without a
     * scan of the kept days.
     */
    ClusterScores clusterScores(String clusterId, LocalDateTime start, LocalDateTime now, NavigableSet<LocalDateTime> passHours) {
        LocalDateTime startHour = passHours.floor(start);
        LocalDateTime nowHour = passHours.floor(now);
        if (startHour == null && nowHour == null) {
            return ClusterScores.NONE;
        }
        Map<LocalDateTime, Double> byHour = new HashMap<>();
        jdbc.sql("""
                SELECT scored_at, max(score) FROM alerts.cluster_health_scores
                WHERE cluster_id = :cluster AND score IS NOT NULL AND scored_at IN (:hours)
                GROUP BY scored_at""")
                .param("cluster", clusterId)
                .param("hours", java.util.stream.Stream.of(startHour, nowHour).filter(java.util.Objects::nonNull).distinct().toList())
                .query(rs -> {
                    byHour.put(rs.getObject(1, LocalDateTime.class), rs.getObject(2, Double.class));
                });
        return new ClusterScores(startHour == null ? null : byHour.get(startHour), nowHour == null ? null : byHour.get(nowHour));
    }

    List<IssueDetail.InvestigationLink> investigations(long issueId) {
        return jdbc.sql("""
                SELECT investigation_id, status, root_cause, started_at FROM alerts.agent_investigations
                WHERE issue_id = :id ORDER BY started_at DESC""").param("id", issueId)
                .query(RecordRows.of(IssueDetail.InvestigationLink.class)).list();
    }
}
