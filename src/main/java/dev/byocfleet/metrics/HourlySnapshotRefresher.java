package dev.byocfleet.metrics;

import dev.byocfleet.store.Dialect;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps {@code amv_hourly_snapshots_v1} current. Where the store maintains it (a StarRocks async
 * materialized view) this only asks the store to refresh; otherwise it recomputes exactly the
 * (cluster, hour) pairs that received raw samples since the last refresh, in one transaction, and
 * reports the hours it rewrote to {@link SnapshotChanges} once that transaction is over.
 */
@Service
public class HourlySnapshotRefresher {

    private static final Logger log = LoggerFactory.getLogger(HourlySnapshotRefresher.class);
    /** Before any sample: a full refresh covers everything ingested. */
    private static final LocalDateTime BEGINNING = LocalDateTime.of(1970, 1, 1, 0, 0);

    /** What one refresh did. */
    public record Result(boolean storeManaged, int hoursRefreshed, long rowsDeleted, long rowsWritten,
                         LocalDateTime watermark, long millis) {
        public String describe() {
            if (storeManaged) {
                return "asked the store to refresh the materialized view (" + millis + " ms)";
            }
            return "refreshed " + hoursRefreshed + " hour(s): " + rowsWritten + " snapshot rows written, "
                    + rowsDeleted + " replaced, watermark " + watermark + " (" + millis + " ms)";
        }
    }

    private final SnapshotRepository repository;
    private final Dialect dialect;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final SnapshotChanges changes;

    public HourlySnapshotRefresher(SnapshotRepository repository, Dialect dialect, TransactionTemplate tx,
                                   SnapshotChanges changes) {
        this.repository = repository;
        this.dialect = dialect;
        this.tx = tx;
        this.clock = Clock.systemUTC();
        this.changes = changes;
    }

    /** Refreshes what changed since the last refresh, or every hour with raw samples when {@code full}. */
    public synchronized Result refresh(boolean full) {
        long started = System.nanoTime();
        Optional<String> storeManaged = dialect.storeManagedSnapshotRefresh();
        if (storeManaged.isPresent()) {
            repository.runStoreManagedRefresh(storeManaged.get());
            return new Result(true, 0, 0, 0, null, elapsed(started));
        }
        LocalDateTime from = full ? BEGINNING : repository.watermark().orElse(BEGINNING);
        Optional<LocalDateTime> newest = repository.newestIngest();
        if (newest.isEmpty() || !newest.get().isAfter(from)) {
            return new Result(false, 0, 0, 0, from, elapsed(started));
        }
        LocalDateTime to = newest.get();
        Result result;
        try {
            result = tx.execute(status -> {
                SnapshotRepository.DirtyHours dirty = repository.dirtyHours(from, to);
                if (dirty.count() > 0) {
                    // counted once this transaction is over
                    changes.hours(dirty.first(), dirty.last());
                }
                long deleted = repository.deleteSnapshots(from, to);
                long written = repository.insertSnapshots(from, to);
                repository.saveState(to, LocalDateTime.now(clock), dirty.count(), written);
                return new Result(false, dirty.count(), deleted, written, to, 0);
            });
        } catch (RuntimeException | Error e) {
            // rolled back, most likely; but a failure after the commit would leave changed rows unsaid
            changes.all();
            throw e;
        }
        Result done = new Result(false, result.hoursRefreshed(), result.rowsDeleted(), result.rowsWritten(),
                to, elapsed(started));
        log.info("hourly snapshots: {}", done.describe());
        return done;
    }

    private static long elapsed(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1_000_000;
    }
}
