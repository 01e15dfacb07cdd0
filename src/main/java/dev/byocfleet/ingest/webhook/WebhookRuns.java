package dev.byocfleet.ingest.webhook;

import dev.byocfleet.ingest.AlertStore;
import dev.byocfleet.ingest.AlertStore.StoreResult;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Run records of webhook intake in {@code alerts.ingest_runs} (kind {@code webhook}): one row per
 * source, UTC hour and server process, not one per request, so the run history stays readable at
 * thousands of requests a second. Counts are kept in memory and written every half minute and at
 * shutdown; the alerts themselves are durable when each request is answered, the counts are only
 * the summary (a crash loses at most the last half minute of them, never an alert).
 */
@Component
class WebhookRuns {

    static final String KIND = "webhook";
    private static final Logger log = LoggerFactory.getLogger(WebhookRuns.class);
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("yyyyMMddHH");

    /** One run's counters. */
    static final class Run {
        final String runId;
        final String source;
        final LocalDateTime hour;
        final AtomicLong requests = new AtomicLong();
        final AtomicLong received = new AtomicLong();
        final AtomicLong inserted = new AtomicLong();
        final AtomicLong duplicates = new AtomicLong();
        final AtomicLong unmapped = new AtomicLong();
        final AtomicLong unparsed = new AtomicLong();
        volatile LocalDateTime firstAt;
        volatile LocalDateTime lastAt;
        volatile boolean dirty;

        Run(String runId, String source, LocalDateTime hour) {
            this.runId = runId;
            this.source = source;
            this.hour = hour;
        }
    }

    private final WebhookRunRepository repository;
    /** Tells this process's rows from another replica's (or an earlier start's) in the same hour. */
    private final String instance = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
    private final Map<String, Run> runs = new ConcurrentHashMap<>();

    private final Clock clock;

    @Autowired
    WebhookRuns(WebhookRunRepository repository) {
        this(repository, Clock.systemUTC());
    }

    WebhookRuns(WebhookRunRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    String runId(String source, LocalDateTime receivedAt) {
        // AlertStore trusts rows of these runs to stay: nothing deletes them
        return AlertStore.WEBHOOK_RUNS + source + "-" + hour(receivedAt) + "-" + instance;
    }

    /** {@code yyyyMMddHH}, written digit by digit for the years 1-9999 (the formatter costs more per request). */
    static String hour(LocalDateTime t) {
        if (t.getYear() < 1 || t.getYear() > 9999) {
            return HOUR.format(t);
        }
        char[] c = new char[10];
        Rfc3339.digits(c, 0, t.getYear(), 4);
        Rfc3339.digits(c, 4, t.getMonthValue(), 2);
        Rfc3339.digits(c, 6, t.getDayOfMonth(), 2);
        Rfc3339.digits(c, 8, t.getHour(), 2);
        return new String(c);
    }

    void record(String source, LocalDateTime receivedAt, int received, StoreResult stored) {
        String id = runId(source, receivedAt);
        Run run = runs.computeIfAbsent(id, k -> new Run(k, source, receivedAt.truncatedTo(ChronoUnit.HOURS)));
        run.requests.incrementAndGet();
        run.received.addAndGet(received);
        run.inserted.addAndGet(stored.inserted());
        run.duplicates.addAndGet(stored.duplicates());
        run.unmapped.addAndGet(stored.unmapped());
        run.unparsed.addAndGet(stored.unparsed());
        if (run.firstAt == null) {
            run.firstAt = receivedAt;
        }
        run.lastAt = receivedAt;
        run.dirty = true;
    }

    @Scheduled(initialDelayString = "${byoc.webhooks.run-flush-interval:PT30S}",
            fixedDelayString = "${byoc.webhooks.run-flush-interval:PT30S}")
    void flush() {
        LocalDateTime currentHour = LocalDateTime.now(clock).truncatedTo(ChronoUnit.HOURS);
        for (Run run : runs.values()) {
            boolean closed = run.hour.isBefore(currentHour);
            if (run.dirty) {
                run.dirty = false;
                try {
                    repository.save(run, closed ? "succeeded" : "running");
                } catch (DataAccessException e) {
                    run.dirty = true;
                    log.warn("could not write webhook run {}: {}", run.runId, e.getMessage());
                    continue;
                }
            }
            // Kept an hour past its end: a request that was under way when the hour closed still counts.
            if (run.hour.isBefore(currentHour.minusHours(1)) && !run.dirty) {
                runs.remove(run.runId);
            }
        }
    }

    @PreDestroy
    void close() {
        flush();
    }
}
