package dev.byocfleet.ingest.lark;

import dev.byocfleet.store.Dialect;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class IngestRunRepository {

    private static final List<String> COLUMNS = List.of("run_id", "kind", "window_from", "window_to", "started_at",
            "finished_at", "status", "pages", "messages", "alerts_inserted", "duplicates", "unparsed", "unmapped",
            "error", "requested_by");
    private static final String SELECT = "SELECT " + String.join(", ", COLUMNS) + " FROM alerts.ingest_runs";

    /** A window a run covered. */
    record Window(Instant from, Instant to) {}

    private final JdbcClient jdbc;
    private final String upsert;

    IngestRunRepository(JdbcClient jdbc, Dialect dialect) {
        this.jdbc = jdbc;
        this.upsert = dialect.upsert("alerts.ingest_runs", COLUMNS, List.of("run_id"));
    }

    void save(IngestRun r) {
        jdbc.sql(upsert).params(r.runId(), r.kind(), ts(r.windowFrom()), ts(r.windowTo()), ts(r.startedAt()),
                ts(r.finishedAt()), r.status(), r.pages(), r.messages(), r.alertsInserted(), r.duplicates(),
                r.unparsed(), r.unmapped(), r.error(), r.requestedBy()).update();
    }

    Optional<IngestRun> find(String runId) {
        return jdbc.sql(SELECT + " WHERE run_id = ?").param(runId).query(IngestRunRepository::row).optional();
    }

    /** Newest first; {@code kinds} empty for all. */
    List<IngestRun> list(List<String> kinds, int limit) {
        String where = kinds.isEmpty() ? "" : " WHERE kind IN (:kinds)";
        var spec = jdbc.sql(SELECT + where + " ORDER BY started_at DESC, run_id LIMIT :limit").param("limit", limit);
        if (!kinds.isEmpty()) {
            spec = spec.param("kinds", kinds);
        }
        return spec.query(IngestRunRepository::row).list();
    }

    List<IngestRun> running(String kind) {
        return jdbc.sql(SELECT + " WHERE kind = ? AND status = 'running' ORDER BY started_at").param(kind)
                .query(IngestRunRepository::row).list();
    }

    /**
     * Windows of failed or abandoned runs that started after {@code since} and that no later
     * successful run of the same kind has covered since.
     */
    List<Window> uncoveredFailures(String kind, Instant since) {
        return jdbc.sql("""
                SELECT DISTINCT r.window_from, r.window_to FROM alerts.ingest_runs r
                WHERE r.kind = :kind AND r.status IN ('failed', 'abandoned') AND r.window_from >= :since
                  AND r.window_from IS NOT NULL AND r.window_to IS NOT NULL
                  AND NOT EXISTS (SELECT 1 FROM alerts.ingest_runs s
                                  WHERE s.kind = r.kind AND s.status = 'succeeded' AND s.started_at > r.started_at
                                    AND s.window_from <= r.window_from AND s.window_to >= r.window_to)
                ORDER BY r.window_from, r.window_to""")
                .param("kind", kind).param("since", ts(since))
                .query((rs, n) -> new Window(instant(rs.getTimestamp(1)), instant(rs.getTimestamp(2)))).list();
    }

    private static IngestRun row(ResultSet rs, int n) throws SQLException {
        return new IngestRun(rs.getString("run_id"), rs.getString("kind"), instant(rs.getTimestamp("window_from")),
                instant(rs.getTimestamp("window_to")), instant(rs.getTimestamp("started_at")),
                instant(rs.getTimestamp("finished_at")), rs.getString("status"), rs.getInt("pages"),
                rs.getInt("messages"), rs.getInt("alerts_inserted"), rs.getInt("duplicates"), rs.getInt("unparsed"),
                rs.getInt("unmapped"), rs.getString("error"), rs.getString("requested_by"), null);
    }

    private static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.valueOf(LocalDateTime.ofInstant(i, ZoneOffset.UTC));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toLocalDateTime().toInstant(ZoneOffset.UTC);
    }
}
