package dev.byocfleet.alerts;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes stored alerts received more than {@code byoc.alerts.keep-days} (default 90) ago, so the
 * alert table does not grow without end (every list page's version, the id index built at start
 * and the store's checkpoints cost more the more rows it holds). An alert of an issue that is still
 * active (open, acknowledged, investigating, silenced; or merged into one that is) is kept however
 * old: the issue's evidence stays. The issues' own alert rows ({@code issue_alerts}) are kept, so
 * an old issue's alert list and counts do not change; an old alert's own page answers 404 then.
 *
 * <p>Runs some minutes after a start and then every {@code byoc.alerts.retention-interval}
 * (default six hours); off with {@code byoc.alerts.retention-enabled=false}. Idempotent, so
 * replicas on one store may each run it. A webhook redelivery of an alert deleted this way is
 * still taken for a duplicate until the next start (the intake's id index does not shrink).
 */
@Component
@ConditionalOnProperty(name = "byoc.alerts.retention-enabled", havingValue = "true", matchIfMissing = true)
public class AlertRetention {

    /**
     * The issue statuses whose alerts are kept, as stored: the active ones of the issues package's
     * {@code IssueStatus}, which this package cannot name (issues depend on alerts).
     * {@code IssueStatusTest} holds the two lists equal.
     */
    public static final List<String> ACTIVE_ISSUE_STATUSES = List.of("open", "acknowledged", "investigating", "silenced");

    private static final Logger log = LoggerFactory.getLogger(AlertRetention.class);

    private final AlertQueryRepository repository;
    private final Duration keep;
    private final Clock clock;

    @Autowired
    AlertRetention(AlertQueryRepository repository, @Value("${byoc.alerts.keep-days:90}") int keepDays) {
        this(repository, keepDays, Clock.systemUTC());
    }

    AlertRetention(AlertQueryRepository repository, int keepDays, Clock clock) {
        if (keepDays <= 0) {
            throw new IllegalArgumentException("byoc.alerts.keep-days must be positive, not " + keepDays);
        }
        this.repository = repository;
        this.keep = Duration.ofDays(keepDays);
        this.clock = clock;
    }

    /** Days the alerts are kept (older ones are deleted but for active issues'). */
    public int keptDays() {
        return (int) keep.toDays();
    }

    @Scheduled(initialDelayString = "${byoc.alerts.retention-initial-delay:PT10M}",
            fixedDelayString = "${byoc.alerts.retention-interval:PT6H}")
    void scheduled() {
        deleteExpired();
    }

    /** Deletes the alerts older than the kept days that no active issue holds; returns how many. */
    public int deleteExpired() {
        LocalDateTime cutoff = LocalDateTime.now(clock).minus(keep);
        int deleted = repository.deleteReceivedBefore(cutoff);
        if (deleted > 0) {
            log.info("alert retention: deleted {} alerts received before {} ({} days kept; alerts of active issues kept)",
                    deleted, cutoff, keep.toDays());
        }
        return deleted;
    }
}
