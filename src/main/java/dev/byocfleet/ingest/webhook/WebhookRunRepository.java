package dev.byocfleet.ingest.webhook;

import dev.byocfleet.store.Dialect;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

@Repository
class WebhookRunRepository {

    private static final List<String> COLUMNS = List.of("run_id", "kind", "window_from", "window_to", "started_at",
            "finished_at", "status", "pages", "messages", "alerts_inserted", "duplicates", "unparsed", "unmapped",
            "error", "requested_by");

    private final JdbcTemplate jdbc;
    private final Dialect dialect;

    WebhookRunRepository(JdbcTemplate jdbc, Dialect dialect) {
        this.jdbc = jdbc;
        this.dialect = dialect;
    }

    /**
     * Writes a run's current totals over its earlier row. {@code messages} counts notifications
     * (requests); alerts received are inserted plus duplicates.
     */
    void save(WebhookRuns.Run run, String status) {
        jdbc.update(dialect.upsert("alerts.ingest_runs", COLUMNS, List.of("run_id")),
                run.runId, WebhookRuns.KIND, ts(run.hour), ts(run.hour.plusHours(1)), ts(run.firstAt), ts(run.lastAt),
                status, null, (int) run.requests.get(), (int) run.inserted.get(), (int) run.duplicates.get(),
                (int) run.unparsed.get(), (int) run.unmapped.get(), null, run.source);
    }

    private static Timestamp ts(LocalDateTime t) {
        return t == null ? null : Timestamp.valueOf(t);
    }
}
