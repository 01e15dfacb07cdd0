package dev.byocfleet.ingest.lark;

import dev.byocfleet.auth.AccessGuard;
import dev.byocfleet.auth.Role;
import dev.byocfleet.ingest.lark.IngestRunRepository.Window;
import dev.byocfleet.recommend.AlertRecommendations;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Service;

/**
 * The daily Lark pipeline: reads the alert chat over a window, page by page, parses each page and
 * stores its alerts before asking for the next, records the run after every page, then writes
 * recommendations for what it added. Idempotent: a re-run of a window finds every alert already
 * stored and adds nothing; a failed run keeps what its pages committed and can simply be run again.
 * One run at a time: a lock in this process and a check for a running record (ShedLock can take
 * over when several replicas share a store).
 */
@Service
public class LarkPipeline {

    /** Thrown when a run cannot start; the message says why. */
    public static final class CannotRun extends RuntimeException {
        public CannotRun(String message) {
            super(message);
        }
    }

    static final Duration MAX_WINDOW = Duration.ofDays(31);
    static final Duration STALE_AFTER = Duration.ofHours(2);
    private static final Logger log = LoggerFactory.getLogger(LarkPipeline.class);

    private final LarkProperties props;
    private final LarkClient client;
    private final LarkIntake intake;
    private final IngestRuns runs;
    private final AlertRecommendations recommendations;
    private final AccessGuard access;
    private final ReentrantLock lock = new ReentrantLock();

    public LarkPipeline(LarkProperties props, LarkClient client, LarkIntake intake, IngestRuns runs,
                        AlertRecommendations recommendations, AccessGuard access) {
        this.props = props;
        this.client = client;
        this.intake = intake;
        this.runs = runs;
        this.recommendations = recommendations;
        this.access = access;
    }

    /**
     * A run a signed-in user asked for (the API, the Raw Alerts page): operators and admins only,
     * since it calls Lark and writes alerts. The schedule and the command line call {@link #run}.
     */
    public IngestRun runRequested(Instant from, Instant to) {
        access.require(Role.OPERATOR);
        return run(from, to, "api");
    }

    public boolean configured() {
        return props.configured();
    }

    /**
     * Runs the window [from, to) and answers its record (failed runs included: Lark's error is in
     * {@code error}). Throws {@link IllegalArgumentException} for a bad window and {@link CannotRun}
     * when Lark is not configured or a run is already going.
     */
    public IngestRun run(Instant from, Instant to, String requestedBy) {
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("'from' must be before 'to'");
        }
        if (Duration.between(from, to).compareTo(MAX_WINDOW) > 0) {
            throw new IllegalArgumentException("the window may span at most " + MAX_WINDOW.toDays() + " days");
        }
        if (!props.configured()) {
            throw new CannotRun("Lark is not configured: set LARK_APP_ID, LARK_APP_SECRET and LARK_ALERT_CHAT_ID");
        }
        if (!lock.tryLock()) {
            throw new CannotRun("a Lark pipeline run is already running in this process");
        }
        try {
            var other = runs.running(IngestRuns.LARK_PIPELINE, STALE_AFTER);
            if (other.isPresent()) {
                throw new CannotRun("Lark pipeline run " + other.get().runId() + " is already running (started "
                        + other.get().startedAt() + ")");
            }
            return pull(runs.start(IngestRuns.LARK_PIPELINE, from, to, requestedBy));
        } finally {
            lock.unlock();
        }
    }

    private IngestRun pull(IngestRun run) {
        RunTally tally = new RunTally();
        String failure = null;
        try {
            Set<String> tokens = new HashSet<>();
            String token = null;
            do {
                LarkClient.MessagePage page = client.listMessages(props.alertChatId(), run.windowFrom(), run.windowTo(), token);
                tally.pages++;
                intake.ingest(page.items(), "lark", run.runId(), tally);
                runs.save(tally.record(run, "running", null, null));
                token = page.pageToken();
                if (token != null && !tokens.add(token)) {
                    throw new LarkApiException.Permanent("Lark returned page_token " + token + " twice", 200, 0);
                }
            } while (token != null);
        } catch (LarkApiException | DataAccessException e) {
            failure = e.getMessage();
            log.warn("Lark pipeline run {} over [{}, {}) failed after {} page(s): {}", run.runId(), run.windowFrom(),
                    run.windowTo(), tally.pages, failure);
        }
        intake.awaitGrouping();
        tally.recommendations = recommend(run.runId());
        IngestRun done = runs.save(tally.record(run, failure == null ? "succeeded" : "failed", runs.now(), failure));
        log.info("Lark pipeline run {} {}: {} page(s), {} message(s), {} new alert(s), {} duplicate(s), {} unparsed, "
                + "{} unmapped", done.runId(), done.status(), done.pages(), done.messages(), done.alertsInserted(),
                done.duplicates(), done.unparsed(), done.unmapped());
        return done;
    }

    /** Recommendations for what the run added, failed runs included: a re-run would add nothing to recommend on. */
    private int recommend(String runId) {
        try {
            return recommendations.forRun(runId);
        } catch (DataAccessException e) {
            log.warn("recommendations for run {} failed: {}", runId, e.getMessage());
            return 0;
        }
    }

    /**
     * The scheduled run: the previous UTC day, then the windows of failed runs of the last
     * {@code catchUpDays} days that no successful run has covered since.
     */
    public List<IngestRun> runDaily(Instant now) {
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        Set<Window> windows = new LinkedHashSet<>();
        windows.add(new Window(today.minusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant(),
                today.atStartOfDay(ZoneOffset.UTC).toInstant()));
        windows.addAll(runs.uncoveredFailures(IngestRuns.LARK_PIPELINE,
                today.minusDays(props.catchUpDays()).atStartOfDay(ZoneOffset.UTC).toInstant()));
        List<IngestRun> done = new ArrayList<>();
        for (Window w : windows) {
            try {
                done.add(run(w.from(), w.to(), "schedule"));
            } catch (CannotRun e) {
                log.info("scheduled Lark run skipped: {}", e.getMessage());
                break;
            }
        }
        return done;
    }
}
