package dev.byocfleet.metrics;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Refreshes the hourly snapshots in the background while the server runs. */
@Component
@ConditionalOnProperty(name = "byoc.metrics.refresh-enabled", havingValue = "true", matchIfMissing = true)
class SnapshotRefreshSchedule {

    private final HourlySnapshotRefresher refresher;

    SnapshotRefreshSchedule(HourlySnapshotRefresher refresher) {
        this.refresher = refresher;
    }

    @Scheduled(initialDelayString = "${byoc.metrics.refresh-interval}",
            fixedDelayString = "${byoc.metrics.refresh-interval}")
    void refresh() {
        refresher.refresh(false);
    }
}
