package dev.byocfleet.issues;

import dev.byocfleet.ingest.NormalizedAlert;
import dev.byocfleet.store.BulkInsert;
import dev.byocfleet.store.Dialect;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Reads and writes {@code alerts.issues}, {@code alerts.issue_alerts} and {@code alerts.issue_events}. */
@Repository
class IssueRepository {

    static final List<String> ISSUE_COLUMNS = List.of("issue_id", "grouping_key", "cluster_id", "alert_name", "title",
            "summary", "severity", "status", "assignee", "first_seen", "last_seen", "created_at", "updated_at",
            "acknowledged_at", "resolved_at", "closed_at", "silenced_until", "alert_count", "firing_count",
            "reopen_count", "affected_nodes", "fingerprints", "merged_into", "related_issues", "ai_issue_id", "explanation");
    static final List<String> ALERT_COLUMNS = List.of("message_id", "issue_id", "grouping_key", "instance_key", "status",
            "severity", "alert_name", "node", "fingerprint", "event_at", "grouped_at");
    static final List<String> EVENT_COLUMNS = List.of("event_id", "issue_id", "event_type", "actor", "created_at",
            "from_status", "to_status", "note", "details");
    private static final int CHUNK = 500;
    /** Parameters per multi-row upsert statement. */
    private static final int UPSERT_PARAMETERS = 2_000;
    /** From this many rows an upsert goes through the store's bulk replace when it has one. */
    static final int BULK_REPLACE_ROWS = 16;
    /** Identities per statement: each is two parameters of a range. */
    private static final int IDENTITY_CHUNK = 100;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final Dialect dialect;
    /** The keys of issue_alerts' rows, where this process is the store's only writer; else null (every key is asked). */
    private final IssueAlertIndex index;

    IssueRepository(JdbcClient jdbc, JdbcTemplate template, Dialect dialect) {
        this.jdbc = jdbc;
        this.template = template;
        this.dialect = dialect;
        this.index = dialect.soleWriter() ? new IssueAlertIndex() : null;
    }

    /**
     * The issues a grouping pass over these alerts needs, with what waits. Of each issue only the
     * alerts the pass can touch are loaded (its instances, and instances of the same alert identity
     * for resolves that lost their start time, and the webhook copies' instances of {@code episodes},
     * the pass's alerts without fingerprint); the issue's counts over the rest come from its row, so a
     * pass costs the same however many alerts its issues already hold.
     */
    GroupingState load(Collection<String> keys, Collection<String> instanceKeys, Collection<String> identities,
                       Collection<String> messageIds, Collection<Episode> episodes) {
        GroupingState state = new GroupingState(messageIds.size());
        Set<Long> ids = new HashSet<>();
        chunked(keys, c -> ids.addAll(jdbc.sql("""
                SELECT i.issue_id FROM alerts.issues i
                WHERE i.grouping_key IN (:keys)
                  AND (i.status <> 'closed' OR i.first_seen = (SELECT max(j.first_seen) FROM alerts.issues j
                                                              WHERE j.grouping_key = i.grouping_key))""")
                .param("keys", c).query(Long.class).list()));
        // one read of the instances' rows (through the instance_key index on DuckDB, V032)
        // gives the issues that hold them, their rows for loadAlerts, and the resolves still waiting
        // keys the index knows have no row are not asked about: a live pass's alerts are nearly all new
        IssueAlertIndex known = filledIndex();
        List<IssueAlert> instanceRows = new ArrayList<>();
        List<String> copies = webhookCopies(episodes);
        Collection<String> scopeInstances = union(instanceKeys, copies);
        Collection<String> askInstances = union(
                known == null ? instanceKeys : known.instanceKeysThatMayHaveRows(instanceKeys), copies);
        chunked(askInstances, c -> instanceRows.addAll(jdbc.sql("SELECT * FROM alerts.issue_alerts WHERE instance_key IN (:k)")
                .param("k", c).query((rs, i) -> alert(rs)).list()));
        instanceRows.stream().map(IssueAlert::issueId).filter(id -> id != null).forEach(ids::add);
        loadIssues(state, ids, new AlertScope(Set.copyOf(scopeInstances), Set.copyOf(identities), instanceRows));
        instanceRows.stream().filter(a -> a.issueId() == null).forEach(state::addPending);
        Collection<String> askIds = known == null ? messageIds : known.messageIdsThatMayHaveRows(messageIds);
        chunked(askIds, c -> state.seen.addAll(jdbc.sql("SELECT message_id FROM alerts.issue_alerts WHERE message_id IN (:ids)")
                .param("ids", c).query(String.class).list()));
        return state;
    }

    /** {@code keys} and {@code more} in one collection; {@code keys} itself when there is no more (the usual pass). */
    private static Collection<String> union(Collection<String> keys, Collection<String> more) {
        if (more.isEmpty()) {
            return keys;
        }
        Set<String> all = new LinkedHashSet<>(keys);
        all.addAll(more);
        return all;
    }

    /** An alert without fingerprint's episode, as the rows of a webhook copy of it say it: see {@link GroupingKeys#rowEpisode}. */
    record Episode(String groupingKey, String alertName, String node, LocalDateTime start) {}

    /**
     * The instance keys of the webhook copies (firing rows with a fingerprint) of these episodes. The
     * episodes are those of the Lark channel's alerts, a few per pass.
     */
    private List<String> webhookCopies(Collection<Episode> episodes) {
        List<String> found = new ArrayList<>();
        chunked(episodes, IDENTITY_CHUNK, part -> {
            StringBuilder match = new StringBuilder();
            Map<String, Object> params = new LinkedHashMap<>();
            for (int n = 0; n < part.size(); n++) {
                Episode e = part.get(n);
                match.append(n == 0 ? "" : " OR ").append("(grouping_key = :k").append(n).append(" AND alert_name = :a")
                        .append(n).append(" AND coalesce(node, '-') = :n").append(n).append(" AND event_at = :t").append(n)
                        .append(')');
                params.put("k" + n, e.groupingKey());
                params.put("a" + n, e.alertName());
                params.put("n" + n, e.node() == null ? "-" : e.node());
                params.put("t" + n, e.start());
            }
            // the start times and keys first: the time column's zone maps skip most of the table
            params.put("times", part.stream().map(Episode::start).distinct().toList());
            params.put("keys", part.stream().map(Episode::groupingKey).distinct().toList());
            found.addAll(jdbc.sql("SELECT DISTINCT instance_key FROM alerts.issue_alerts WHERE event_at IN (:times) "
                    + "AND grouping_key IN (:keys) AND status = 'firing' AND fingerprint IS NOT NULL AND (" + match + ")")
                    .params(params).query(String.class).list());
        });
        return found;
    }

    /** The index of issue_alerts' keys, filled from the table on first use; null where it is not kept. */
    private IssueAlertIndex filledIndex() {
        if (index == null) {
            return null;
        }
        synchronized (index) {
            if (!index.filled()) {
                template.query("SELECT message_id, instance_key FROM alerts.issue_alerts",
                        (ResultSet rs) -> index.add(rs.getString(1), rs.getString(2)));
                index.markFilled();
            }
        }
        return index;
    }

    /**
     * Which alerts of an issue to load: every one ({@link #ALL}), none ({@link #NONE}: the row is
     * enough), or those of these instance keys and of instance keys {@code identity@…}. {@code instanceRows},
     * when known, are every row of the instance keys (read once by {@link #load}), so they are not read again.
     */
    record AlertScope(Set<String> instanceKeys, Set<String> identities, List<IssueAlert> instanceRows) {
        static final AlertScope ALL = new AlertScope(null, null, null);
        static final AlertScope NONE = new AlertScope(Set.of(), Set.of(), List.of());

        boolean all() {
            return instanceKeys == null;
        }
    }

    /** Loads issues by id with all their alerts, and the issues they were merged into. */
    void loadIssues(GroupingState state, Collection<Long> issueIds) {
        loadIssues(state, issueIds, AlertScope.ALL);
    }

    /** Loads issues by id with the alerts of {@code scope}, and the issues they were merged into. */
    void loadIssues(GroupingState state, Collection<Long> issueIds, AlertScope scope) {
        Set<Long> wanted = new HashSet<>(issueIds);
        wanted.removeAll(state.issues.keySet());
        while (!wanted.isEmpty()) {
            List<IssueState> found = new ArrayList<>();
            chunked(wanted, c -> found.addAll(jdbc.sql("SELECT * FROM alerts.issues WHERE issue_id IN (:ids)")
                    .param("ids", c).query((rs, i) -> issue(rs)).list()));
            Map<Long, IssueState> byId = new LinkedHashMap<>();
            found.forEach(s -> byId.put(s.issueId, s));
            loadAlerts(byId, scope);
            if (!scope.all()) {
                found.forEach(IssueState::loadedInPart);
            }
            found.forEach(state::add);
            wanted = new HashSet<>();
            for (IssueState s : found) {
                if (s.mergedInto != null && !state.issues.containsKey(s.mergedInto)) {
                    wanted.add(s.mergedInto);
                }
            }
        }
    }

    private void loadAlerts(Map<Long, IssueState> byId, AlertScope scope) {
        List<IssueAlert> rows = new ArrayList<>();
        if (scope.all()) {
            chunked(byId.keySet(), c -> rows.addAll(jdbc.sql(
                    "SELECT * FROM alerts.issue_alerts WHERE issue_id IN (:ids) ORDER BY event_at, message_id")
                    .param("ids", c).query((rs, i) -> alert(rs)).list()));
        } else {
            Set<String> seen = new HashSet<>();
            chunked(byId.keySet(), ids -> {
                if (scope.instanceRows() != null) {
                    Set<Long> wanted = new HashSet<>(ids);
                    scope.instanceRows().stream().filter(a -> a.issueId() != null && wanted.contains(a.issueId()))
                            .forEach(rows::add);
                } else {
                    chunked(scope.instanceKeys(), k -> rows.addAll(jdbc.sql(
                            "SELECT * FROM alerts.issue_alerts WHERE issue_id IN (:ids) AND instance_key IN (:k)")
                            .param("ids", ids).param("k", k).query((rs, i) -> alert(rs)).list()));
                }
                // instance keys are "identity@start": '@' + 1 is 'A', so [identity@, identityA) holds exactly them
                chunked(scope.identities(), IDENTITY_CHUNK, idents -> {
                    StringBuilder ranges = new StringBuilder();
                    Map<String, Object> params = new LinkedHashMap<>();
                    for (int n = 0; n < idents.size(); n++) {
                        ranges.append(n == 0 ? "" : " OR ").append("(instance_key >= :lo").append(n)
                                .append(" AND instance_key < :hi").append(n).append(')');
                        params.put("lo" + n, idents.get(n) + "@");
                        params.put("hi" + n, idents.get(n) + "A");
                    }
                    rows.addAll(jdbc.sql("SELECT * FROM alerts.issue_alerts WHERE issue_id IN (:ids) AND (" + ranges + ")")
                            .param("ids", ids).params(params).query((rs, i) -> alert(rs)).list());
                });
            });
            // an alert can match both an instance and an identity; one copy, in the order the full load has
            rows.removeIf(a -> !seen.add(a.messageId()));
            rows.sort(Comparator.comparing(IssueAlert::eventAt, Comparator.nullsFirst(Comparator.naturalOrder()))
                    .thenComparing(IssueAlert::messageId));
        }
        rows.forEach(a -> byId.get(a.issueId()).alerts.add(a));
    }

    /** Writes what a pass changed: the issues, their alert rows and the new events. */
    void save(GroupingState state) {
        List<Object[]> issues = state.dirty.stream().map(state.issues::get).map(IssueRepository::issueRow).toList();
        upsert("alerts.issues", ISSUE_COLUMNS, "issue_id", issues);
        // rows the index knows are new are appended; the others (the index's "maybe") replace theirs by key
        IssueAlertIndex known = filledIndex();
        Set<String> mayExist = known == null ? null : new HashSet<>(known.messageIdsThatMayHaveRows(state.rows.keySet()));
        List<Object[]> replaced = new ArrayList<>();
        List<Object[]> appended = new ArrayList<>();
        for (IssueAlert a : state.rows.values()) {
            (mayExist == null || mayExist.contains(a.messageId()) ? replaced : appended).add(new Object[] {a.messageId(),
                    a.issueId(), a.groupingKey(), a.instanceKey(), a.status(), a.severity(), a.alertName(), a.node(),
                    a.fingerprint(), a.eventAt(), a.groupedAt()});
            if (known != null) {
                known.add(a.messageId(), a.instanceKey());
            }
        }
        upsert("alerts.issue_alerts", ALERT_COLUMNS, "message_id", replaced);
        // on the pass's transaction: the store's bulk writer (DuckDB: an appender into the table)
        BulkInsert.rows(template.getDataSource(), dialect, "alerts", "issue_alerts", ALERT_COLUMNS.size(), appended);
        Set<String> existing = new HashSet<>();
        chunked(state.events.stream().map(IssueEvent::eventId).toList(), c -> existing.addAll(
                jdbc.sql("SELECT event_id FROM alerts.issue_events WHERE event_id IN (:ids)").param("ids", c)
                        .query(String.class).list()));
        List<Object[]> events = state.events.stream().filter(e -> existing.add(e.eventId()))
                .map(e -> new Object[] {e.eventId(), e.issueId(), e.eventType(), e.actor(), e.createdAt(), e.fromStatus(),
                        e.toStatus(), e.note(), json(e.details())}).toList();
        batch("INSERT INTO alerts.issue_events (" + String.join(", ", EVENT_COLUMNS) + ") VALUES ("
                + "?, ".repeat(EVENT_COLUMNS.size() - 1) + "?)", events);
    }

    /**
     * Upserts rows with distinct keys: many at once through the store's bulk replace where it has one
     * (DuckDB: appender and one statement), else many per statement: a statement per row costs the
     * store a round each.
     */
    private void upsert(String table, List<String> columns, String key, List<Object[]> rows) {
        if (rows.size() >= BULK_REPLACE_ROWS) {
            String[] name = table.split("\\.", 2);
            Boolean done = template.execute((ConnectionCallback<Boolean>) c -> dialect.bulkReplace(c, name[0], name[1], columns, rows));
            if (Boolean.TRUE.equals(done)) {
                return;
            }
        }
        int perStatement = Math.max(1, UPSERT_PARAMETERS / columns.size());
        for (int i = 0; i < rows.size(); i += perStatement) {
            List<Object[]> part = rows.subList(i, Math.min(rows.size(), i + perStatement));
            Object[] params = new Object[part.size() * columns.size()];
            for (int r = 0; r < part.size(); r++) {
                System.arraycopy(part.get(r), 0, params, r * columns.size(), columns.size());
            }
            template.update(dialect.upsert(table, columns, List.of(key), part.size()), params);
        }
    }

    private void batch(String sql, List<Object[]> rows) {
        if (!rows.isEmpty()) {
            template.batchUpdate(sql, rows);
        }
    }

    List<IssueEvent> events(long issueId) {
        return jdbc.sql("SELECT * FROM alerts.issue_events WHERE issue_id = :id ORDER BY created_at, event_id")
                .param("id", issueId).query((rs, i) -> event(rs)).list();
    }

    /** Ids of active issues whose resolve TTL, silence or quiet period may have run out at {@code now}. */
    List<Long> dueForSweep(LocalDateTime lastSeenBefore, LocalDateTime resolvedBefore, LocalDateTime now) {
        return jdbc.sql("""
                SELECT issue_id FROM alerts.issues WHERE merged_into IS NULL AND (
                  (status IN (:active) AND last_seen <= :seen)
                  OR (status = 'silenced' AND silenced_until <= :now)
                  OR (status = 'resolved' AND resolved_at <= :resolved))""")
                .param("active", IssueStatus.ACTIVE).param("seen", lastSeenBefore).param("now", now)
                .param("resolved", resolvedBefore)
                .query(Long.class).list();
    }

    /** Issues of a cluster first seen in [from, to), not merged: an alert storm when there are many. */
    List<Long> openedOnCluster(String clusterId, LocalDateTime from, LocalDateTime to) {
        return jdbc.sql("""
                SELECT issue_id FROM alerts.issues WHERE cluster_id = :c AND merged_into IS NULL
                  AND first_seen >= :from AND first_seen < :to ORDER BY issue_id""")
                .param("c", clusterId).param("from", from).param("to", to).query(Long.class).list();
    }

    /** Open critical issues per cluster at {@code asOf}: first seen by then and not resolved by then. */
    Map<String, Integer> openCriticalByCluster(LocalDateTime asOf) {
        Map<String, Integer> out = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT cluster_id, count(*) AS n FROM alerts.issues
                WHERE severity = 'critical' AND cluster_id IS NOT NULL AND merged_into IS NULL AND first_seen <= :t
                  AND (resolved_at IS NULL OR resolved_at > :t) AND (closed_at IS NULL OR closed_at > :t)
                GROUP BY cluster_id""").param("t", asOf)
                .query((rs, i) -> out.put(rs.getString(1), rs.getInt(2))).list();
        return out;
    }

    /** Message ids of stored, parsed alerts in [from, to) of event time, oldest first. */
    List<String> alertIdsBetween(LocalDateTime from, LocalDateTime to) {
        return alertIds(from, to, "", Map.of());
    }

    /** Like {@link #alertIdsBetween}, only alerts received before {@code receivedBefore} that no pass grouped. */
    List<String> ungroupedAlertIds(LocalDateTime from, LocalDateTime to, LocalDateTime receivedBefore) {
        return alertIds(from, to, """
                 AND l.received_at < :received
                 AND NOT EXISTS (SELECT 1 FROM alerts.issue_alerts g WHERE g.message_id = l.message_id)""",
                Map.of("received", receivedBefore));
    }

    private List<String> alertIds(LocalDateTime from, LocalDateTime to, String condition, Map<String, Object> params) {
        return jdbc.sql("""
                SELECT l.message_id FROM alerts.lark_alerts l
                WHERE l.parse_status = 'parsed'
                  AND CASE WHEN l.status = 'resolved' THEN coalesce(l.ends_at, l.starts_at, l.received_at)
                           ELSE coalesce(l.starts_at, l.received_at) END >= :from
                  AND CASE WHEN l.status = 'resolved' THEN coalesce(l.ends_at, l.starts_at, l.received_at)
                           ELSE coalesce(l.starts_at, l.received_at) END < :to
                """ + condition + " ORDER BY l.message_id")
                .param("from", from).param("to", to).params(params).query(String.class).list();
    }

    /** Stored alerts by message id, as the ingestion paths normalized them (without the raw payload). */
    List<NormalizedAlert> alerts(Collection<String> messageIds) {
        List<NormalizedAlert> out = new ArrayList<>();
        chunked(messageIds, c -> out.addAll(jdbc.sql("""
                SELECT message_id, source, source_message_id, alert_id, status, severity, alert_name, cluster_id,
                       cluster_ref, node, summary, description, labels, starts_at, ends_at, fingerprint, received_at,
                       parse_status
                FROM alerts.lark_alerts WHERE message_id IN (:ids)""").param("ids", c)
                .query((rs, i) -> new NormalizedAlert(rs.getString("source"), rs.getString("message_id"),
                        rs.getString("source_message_id"), rs.getString("alert_id"), rs.getString("status"),
                        rs.getString("severity"), rs.getString("alert_name"), rs.getString("cluster_id"),
                        rs.getString("cluster_ref"), rs.getString("node"), rs.getString("summary"),
                        rs.getString("description"), parse(rs.getString("labels"), new TypeReference<Map<String, String>>() {}, Map.of()),
                        Map.of(), time(rs, "starts_at"), time(rs, "ends_at"), rs.getString("fingerprint"), null,
                        time(rs, "received_at"), rs.getString("parse_status"), null, null)).list()));
        return out;
    }

    /** Issues first seen in [from, to). */
    List<Long> openedBetween(LocalDateTime from, LocalDateTime to) {
        return jdbc.sql("SELECT issue_id FROM alerts.issues WHERE first_seen >= :from AND first_seen < :to ORDER BY issue_id")
                .param("from", from).param("to", to).query(Long.class).list();
    }

    /** Forgets the grouping of [from, to): issues first seen in it, alert rows in it, and the events grouping wrote for them. */
    int deleteGrouping(LocalDateTime from, LocalDateTime to) {
        List<Long> ids = jdbc.sql("SELECT issue_id FROM alerts.issues WHERE first_seen >= :from AND first_seen < :to")
                .param("from", from).param("to", to).query(Long.class).list();
        chunked(ids, c -> {
            jdbc.sql("DELETE FROM alerts.issue_events WHERE issue_id IN (:ids) AND actor = 'system'").param("ids", c).update();
            jdbc.sql("DELETE FROM alerts.issue_alerts WHERE issue_id IN (:ids)").param("ids", c).update();
            jdbc.sql("DELETE FROM alerts.issues WHERE issue_id IN (:ids)").param("ids", c).update();
        });
        jdbc.sql("DELETE FROM alerts.issue_alerts WHERE event_at >= :from AND event_at < :to")
                .param("from", from).param("to", to).update();
        return ids.size();
    }

    /** The newest event time of the alert rows of issues first seen in [from, to), or null. */
    LocalDateTime lastAlertOfIssuesIn(LocalDateTime from, LocalDateTime to) {
        return jdbc.sql("""
                SELECT max(g.event_at) FROM alerts.issue_alerts g JOIN alerts.issues i ON i.issue_id = g.issue_id
                WHERE i.first_seen >= :from AND i.first_seen < :to""")
                .param("from", from).param("to", to).query(LocalDateTime.class).optional().orElse(null);
    }

    static <T> void chunked(Collection<T> values, java.util.function.Consumer<List<T>> each) {
        chunked(values, CHUNK, each);
    }

    private static <T> void chunked(Collection<T> values, int size, java.util.function.Consumer<List<T>> each) {
        List<T> all = new ArrayList<>(values);
        for (int i = 0; i < all.size(); i += size) {
            each.accept(all.subList(i, Math.min(all.size(), i + size)));
        }
    }

    private static Object[] issueRow(IssueState s) {
        return new Object[] {s.issueId, s.groupingKey, s.clusterId, s.alertName, s.title, s.summary, s.severity,
                s.status.wire(), s.assignee, s.firstSeen, s.lastSeen, s.createdAt, s.updatedAt, s.acknowledgedAt,
                s.resolvedAt, s.closedAt, s.silencedUntil, s.alertCount, s.firingCount, s.reopenCount,
                json(s.affectedNodes), json(s.fingerprints), s.mergedInto, json(s.relatedIssues), s.aiIssueId,
                json(s.explanation)};
    }

    static IssueState issue(ResultSet rs) throws SQLException {
        IssueState s = new IssueState(rs.getLong("issue_id"), rs.getString("grouping_key"));
        s.clusterId = rs.getString("cluster_id");
        s.alertName = rs.getString("alert_name");
        s.title = rs.getString("title");
        s.summary = rs.getString("summary");
        s.severity = rs.getString("severity");
        s.status = IssueStatus.parse(rs.getString("status")).orElse(IssueStatus.OPEN);
        s.assignee = rs.getString("assignee");
        s.firstSeen = time(rs, "first_seen");
        s.lastSeen = time(rs, "last_seen");
        s.createdAt = time(rs, "created_at");
        s.updatedAt = time(rs, "updated_at");
        s.acknowledgedAt = time(rs, "acknowledged_at");
        s.resolvedAt = time(rs, "resolved_at");
        s.closedAt = time(rs, "closed_at");
        s.silencedUntil = time(rs, "silenced_until");
        s.alertCount = rs.getInt("alert_count");
        s.firingCount = rs.getInt("firing_count");
        s.reopenCount = rs.getInt("reopen_count");
        s.affectedNodes.addAll(parse(rs.getString("affected_nodes"), new TypeReference<List<String>>() {}, List.of()));
        s.fingerprints.addAll(parse(rs.getString("fingerprints"), new TypeReference<List<String>>() {}, List.of()));
        long merged = rs.getLong("merged_into");
        s.mergedInto = rs.wasNull() ? null : merged;
        s.relatedIssues.addAll(parse(rs.getString("related_issues"), new TypeReference<List<Long>>() {}, List.of()));
        s.aiIssueId = rs.getString("ai_issue_id");
        s.explanation.putAll(parse(rs.getString("explanation"), new TypeReference<Map<String, Object>>() {}, Map.of()));
        return s;
    }

    static IssueAlert alert(ResultSet rs) throws SQLException {
        long issueId = rs.getLong("issue_id");
        Long id = rs.wasNull() ? null : issueId;
        return new IssueAlert(rs.getString("message_id"), id, rs.getString("grouping_key"), rs.getString("instance_key"),
                rs.getString("status"), rs.getString("severity"), rs.getString("alert_name"), rs.getString("node"),
                rs.getString("fingerprint"), time(rs, "event_at"), time(rs, "grouped_at"));
    }

    static IssueEvent event(ResultSet rs) throws SQLException {
        return new IssueEvent(rs.getString("event_id"), rs.getLong("issue_id"), rs.getString("event_type"),
                rs.getString("actor"), time(rs, "created_at"), rs.getString("from_status"), rs.getString("to_status"),
                rs.getString("note"), parse(rs.getString("details"), new TypeReference<Map<String, Object>>() {}, Map.of()));
    }

    static LocalDateTime time(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, LocalDateTime.class);
    }

    static String json(Object value) {
        return JSON.writeValueAsString(value);
    }

    static <T> T parse(String json, TypeReference<T> type, T fallback) {
        if (json == null || json.isBlank()) {
            return fallback;
        }
        T v = JSON.readValue(json, type);
        return v == null ? fallback : v;
    }
}
