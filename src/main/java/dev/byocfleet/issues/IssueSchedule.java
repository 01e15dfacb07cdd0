package dev.byocfleet.issues;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The lifecycle sweep (silence expiry, resolve TTL, auto-close, ungrouped alerts) every few minutes.
 * Idempotent: its events have derived ids, so two replicas sweeping the same store write each once.
 */
@Component
@ConditionalOnProperty(name = "byoc.issues.schedule-enabled", havingValue = "true", matchIfMissing = true)
class IssueSchedule {

    private final IssueGrouping grouping;

    IssueSchedule(IssueGrouping grouping) {
        this.grouping = grouping;
    }

    @Scheduled(initialDelayString = "${byoc.issues.sweep-initial-delay:PT30S}", fixedDelayString = "${byoc.issues.sweep-interval:PT5M}")
    void sweep() {
        grouping.sweep(grouping.now());
    }
}
