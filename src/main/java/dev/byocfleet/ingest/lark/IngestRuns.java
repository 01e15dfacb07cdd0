package dev.byocfleet.ingest.lark;

import dev.byocfleet.ingest.lark.IngestRunRepository.Window;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/**
 * The run records of {@code alerts.ingest_runs}: a run is written as {@code running} when it
 * starts, rewritten after every page, and finished as succeeded, partial or failed. A run left
 * {@code running} long after its start (the process died) is marked {@code abandoned}, so it no
 * longer blocks the next one and its window is retried.
 */
@Service
public class IngestRuns {

    public static final String LARK_PIPELINE = "lark_pipeline";
    public static final String LARK_LOADER = "lark_loader";
    static final int MAX_ERROR = 2_000;

    private final IngestRunRepository repository;
    private final Clock clock;

    @Autowired
    public IngestRuns(IngestRunRepository repository) {
        this(repository, Clock.systemUTC());
    }

    IngestRuns(IngestRunRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    IngestRun start(String kind, Instant from, Instant to, String requestedBy) {
        IngestRun run = new IngestRun(UUID.randomUUID().toString(), kind, from, to, now(), null, "running", 0, 0, 0, 0,
                0, 0, null, requestedBy, null);
        repository.save(run);
        return run;
    }

    /** Saves the run as it stands; an error is cut to what the column holds. */
    IngestRun save(IngestRun run) {
        IngestRun saved = run.error() == null || run.error().length() <= MAX_ERROR ? run
                : new IngestRun(run.runId(), run.kind(), run.windowFrom(), run.windowTo(), run.startedAt(),
                run.finishedAt(), run.status(), run.pages(), run.messages(), run.alertsInserted(), run.duplicates(),
                run.unparsed(), run.unmapped(), run.error().substring(0, MAX_ERROR - 1) + "…", run.requestedBy(),
                run.detail());
        repository.save(saved);
        return saved;
    }

    /** The run of this kind still running, after marking runs that started before {@code staleBefore} abandoned. */
    Optional<IngestRun> running(String kind, Duration staleAfter) {
        Instant staleBefore = now().minus(staleAfter);
        for (IngestRun r : repository.running(kind)) {
            if (r.startedAt().isBefore(staleBefore)) {
                save(new IngestRun(r.runId(), r.kind(), r.windowFrom(), r.windowTo(), r.startedAt(), now(), "abandoned",
                        r.pages(), r.messages(), r.alertsInserted(), r.duplicates(), r.unparsed(), r.unmapped(),
                        "still running " + staleAfter.toHours() + " h after its start; the process probably stopped",
                        r.requestedBy(), null));
            } else {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    List<Window> uncoveredFailures(String kind, Instant since) {
        return repository.uncoveredFailures(kind, since);
    }

    /** Newest first, at most {@code limit} (1 to 500); {@code kind} null for both Lark kinds. */
    public List<IngestRun> list(String kind, int limit) {
        return repository.list(kind == null ? List.of(LARK_PIPELINE, LARK_LOADER) : List.of(kind),
                Math.max(1, Math.min(500, limit)));
    }

    public Optional<IngestRun> find(String runId) {
        return repository.find(runId);
    }
}
