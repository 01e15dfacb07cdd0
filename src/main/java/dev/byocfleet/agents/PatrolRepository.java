package dev.byocfleet.agents;

import dev.byocfleet.store.RecordRows;
import dev.byocfleet.store.Dialect;
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

/** {@code alerts.patrol_reports}, and the alert facts the cross-cluster patterns come from. */
@Repository
class PatrolRepository {

    /** A cluster that fired an alert, with what it shares with others. */
    record AlertCluster(String alertName, String clusterId, @Nullable String version, @Nullable String region,
                        @Nullable String instanceType) {}

    private static final String SELECT = "SELECT report_id, started_at, finished_at, mode, status, summary, "
            + "CAST(problem_clusters AS VARCHAR) AS problem_clusters, CAST(patterns AS VARCHAR) AS patterns, "
            + "CAST(changes AS VARCHAR) AS changes, CAST(findings AS VARCHAR) AS findings, model, error "
            + "FROM alerts.patrol_reports";

    private static final List<String> COLUMNS = List.of("report_id", "started_at", "finished_at", "mode", "status",
            "summary", "problem_clusters", "patterns", "changes", "findings", "model", "error");

    private final JdbcClient jdbc;
    private final String upsert;

    PatrolRepository(JdbcClient jdbc, Dialect dialect) {
        this.jdbc = jdbc;
        this.upsert = dialect.upsert("alerts.patrol_reports", COLUMNS, List.of("report_id"));
    }

    /**
     * Inserts or replaces the report (runs write it at start, on progress and at the end) in one
     * statement, so a reader polling the progress never finds it missing.
     */
    void save(PatrolReport r) {
        jdbc.sql(upsert)
                .params(r.reportId(), r.startedAt(), r.finishedAt(), r.mode(), r.status(), r.summary(),
                        JsonColumns.write(r.problemClusters()), JsonColumns.write(r.patterns()),
                        r.changes() == null ? null : JsonColumns.write(r.changes()), JsonColumns.write(r.findings()),
                        r.model(), r.error())
                .update();
    }

    Optional<PatrolReport> find(String id) {
        return jdbc.sql(SELECT + " WHERE report_id = ?").param(id).query(PatrolRepository::row).optional();
    }

    /** The newest finished report started before {@code before}. */
    Optional<PatrolReport> previous(LocalDateTime before) {
        return jdbc.sql(SELECT + " WHERE status = 'done' AND started_at < ? ORDER BY started_at DESC LIMIT 1")
                .param(before).query(PatrolRepository::row).optional();
    }

    List<PatrolReport> list(int offset, int limit) {
        return jdbc.sql(SELECT + " ORDER BY started_at DESC, report_id LIMIT ? OFFSET ?")
                .params(limit, offset).query(PatrolRepository::row).list();
    }

    long count() {
        return jdbc.sql("SELECT count(*) FROM alerts.patrol_reports").query(Long.class).single();
    }

    List<AlertCluster> firingClusters(LocalDateTime from, LocalDateTime to) {
        return jdbc.sql("""
                SELECT DISTINCT a.alert_name, a.cluster_id, c.cluster_version AS version, c.region,
                  (SELECT min(r.instance_type) FROM byoc.cluster_resource r
                   WHERE r.cluster_id = a.cluster_id AND r.resource_type IN ('BE', 'WAREHOUSE')) AS instance_type
                FROM alerts.lark_alerts a
                JOIN byoc.cluster c ON c.cluster_id = a.cluster_id
                WHERE a.status = 'firing' AND a.alert_name IS NOT NULL
                  AND coalesce(a.starts_at, a.received_at) > ? AND coalesce(a.starts_at, a.received_at) <= ?
                ORDER BY a.alert_name, a.cluster_id""")
                .params(from, to).query(RecordRows.of(AlertCluster.class)).list();
    }

    private static PatrolReport row(ResultSet rs, int n) throws SQLException {
        String changes = rs.getString("changes");
        return new PatrolReport(rs.getString("report_id"), rs.getObject("started_at", LocalDateTime.class),
                rs.getObject("finished_at", LocalDateTime.class), rs.getString("mode"), rs.getString("status"),
                rs.getString("summary"),
                JsonColumns.MAPPER.readValue(rs.getString("problem_clusters"), new TypeReference<List<PatrolReport.ProblemCluster>>() {}),
                JsonColumns.MAPPER.readValue(rs.getString("patterns"), new TypeReference<List<PatrolReport.Pattern>>() {}),
                changes == null ? null : JsonColumns.read(changes, PatrolReport.Changes.class),
                JsonColumns.read(rs.getString("findings"), PatrolReport.Findings.class),
                rs.getString("model"), rs.getString("error"));
    }
}
