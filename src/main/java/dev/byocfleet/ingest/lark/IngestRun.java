package dev.byocfleet.ingest.lark;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * One ingestion run (a row of {@code alerts.ingest_runs}): the Lark pipeline over a window or the
 * loader over saved MCP results. Times are UTC.
 *
 * @param kind           {@code lark_pipeline} or {@code lark_loader}
 * @param windowFrom     pipeline: the window asked for; loader: the oldest message read
 * @param status         {@code running}, {@code succeeded}, {@code partial} (loader: some files
 *                       unreadable), {@code failed} or {@code abandoned} (found running long after its start)
 * @param messages       items read, alert messages or not
 * @param alertsInserted new alert rows (parsed and unparsed)
 * @param duplicates     alerts already stored (a re-run, an overlapping window, the MCP copy of a pulled page)
 * @param unparsed       new rows kept unparsed
 * @param unmapped       new parsed rows without a cluster
 * @param requestedBy    what started it: api, cli, schedule or demo-generator
 * @param detail         only on the answer of the call that ran it: counts the table does not keep
 */
public record IngestRun(String runId, String kind, Instant windowFrom, Instant windowTo, Instant startedAt,
                        Instant finishedAt, String status, int pages, int messages, int alertsInserted, int duplicates,
                        int unparsed, int unmapped, String error, String requestedBy,
                        @JsonInclude(JsonInclude.Include.NON_NULL) Detail detail) {

    /**
     * @param alertMessages   messages that were alert messages
     * @param recalled        skipped: recalled (deleted) messages
     * @param chatter         skipped: messages from users, and texts or posts without an alert marker
     * @param otherTypes      skipped: images, files, system messages and other types
     * @param recommendations recommendation rows written after the run
     */
    public record Detail(int alertMessages, int recalled, int chatter, int otherTypes, int recommendations) {}

    public boolean finished() {
        return !"running".equals(status);
    }
}
