package dev.byocfleet.health;

import java.time.LocalDateTime;
import org.jspecify.annotations.Nullable;

/**
 * What one scoring pass did.
 *
 * @param asOf         the snapshot hour scored (null when the store has no snapshots)
 * @param clusters     clusters scored, no-data ones included
 * @param noData       of those, clusters without snapshots in the window
 * @param backfilled   earlier hours scored because they were missing from the history
 * @param millis       wall time of the pass, including what listeners did with it
 */
public record RecomputeResult(@Nullable LocalDateTime asOf, int clusters, int noData, int backfilled, long millis) {
}
