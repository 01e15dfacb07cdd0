package dev.byocfleet.health;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Scores the fleet when a new snapshot hour arrives, checking every few minutes. A plain
 * {@code @Scheduled} guarded by {@code byoc.health.schedule-enabled}: with several app instances
 * on one StarRocks store each would score (idempotently, the rows are replaced) until a scheduler
 * lock (ShedLock on {@code alerts.scheduler_locks}) is set up.
 */
@Component
@ConditionalOnProperty(name = "byoc.health.schedule-enabled", havingValue = "true", matchIfMissing = true)
class HealthSchedule {

    private final HealthService health;

    HealthSchedule(HealthService health) {
        this.health = health;
    }

    @Scheduled(initialDelayString = "${byoc.health.schedule-initial-delay:PT1M}",
            fixedDelayString = "${byoc.health.schedule-interval:PT5M}")
    void scoreNewHours() {
        health.recomputeIfNewData();
    }
}
