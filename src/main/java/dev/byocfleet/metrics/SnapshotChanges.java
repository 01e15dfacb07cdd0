package dev.byocfleet.metrics;

import dev.byocfleet.store.Dialect;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Which hours of {@code metrics.amv_hourly_snapshots_v1} this process changed, in order, for readers
 * that keep the table's values in memory (the fleet forecast's capacity hours) and would otherwise
 * fingerprint the whole window to find what changed.
 *
 * <p>A write inside a transaction is counted once the transaction is over. Only meaningful where this process is the store's sole writer ({@link Dialect#soleWriter()}:
 * the embedded DuckDB file, which the process holds locked). There every writer of the table reports
 * after it committed: the hourly rollup the range of hours it recomputed, the demo generator and the
 * evaluation "anything" ({@link #all}). Elsewhere (StarRocks maintains the table as a materialized
 * view, and other replicas write) every answer is "unknown", and readers fingerprint as before.
 *
 * <p>A reader takes {@link #since} before it reads the rows and keeps the version it was given: a
 * change reported after that has a higher version and shows in its next call, so a change that
 * lands while it reads is seen one refresh later, never lost.
 */
@Component
public class SnapshotChanges {

    /** Changes kept; a reader further behind is told "unknown". */
    static final int KEPT = 4_096;

    /** Hours from {@code first} to {@code last} (whole hours, both included). */
    public record HourRange(LocalDateTime first, LocalDateTime last) {

        public boolean covers(LocalDateTime hour) {
            return !hour.isBefore(first) && !hour.isAfter(last);
        }
    }

    /**
     * What changed after the version a reader gave: {@code unknown} when anything may have (not
     * tracked here, a change of unknown extent, changes no longer kept, or a first read), else the
     * ranges. {@code version} is what the reader keeps for its next call.
     */
    public record Since(long version, boolean unknown, List<HourRange> ranges) {

        public boolean covers(LocalDateTime hour) {
            if (unknown) {
                return true;
            }
            for (HourRange r : ranges) {
                if (r.covers(hour)) {
                    return true;
                }
            }
            return false;
        }
    }

    /** One change: its version and range, or null for "anything". */
    private record Change(long version, @Nullable HourRange range) {
    }

    /** The version a reader that has read nothing gives: everything is unknown to it. */
    public static final long NEVER = -1;

    private final boolean tracked;
    private final ArrayDeque<Change> changes = new ArrayDeque<>();
    private long version;

    @Autowired
    public SnapshotChanges(Dialect dialect) {
        this(dialect.soleWriter());
    }

    public SnapshotChanges(boolean tracked) {
        this.tracked = tracked;
    }

    /**
     * After a write that changed rows of the hours from {@code first} to {@code last} (truncated to
     * whole hours): counted now, or inside a transaction once it is over (committed or not).
     */
    public void hours(LocalDateTime first, LocalDateTime last) {
        LocalDateTime from = first.truncatedTo(ChronoUnit.HOURS);
        LocalDateTime to = last.truncatedTo(ChronoUnit.HOURS);
        HourRange range = new HourRange(from.isAfter(to) ? to : from, from.isAfter(to) ? from : to);
        whenWritten(() -> add(range));
    }

    /** After a write that may have changed any row (or a writer that failed half-way and cannot say): as {@link #hours}. */
    public void all() {
        whenWritten(() -> add(null));
    }

    /**
     * Runs {@code report} now, or once the surrounding transaction is over: a reader told of a change
     * before its commit could read the old rows and take them as current.
     */
    private static void whenWritten(Runnable report) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    report.run();
                }
            });
        } else {
            report.run();
        }
    }

    private synchronized void add(@Nullable HourRange range) {
        version++;
        changes.addLast(new Change(version, range));
        while (changes.size() > KEPT) {
            changes.removeFirst();
        }
    }

    /** What changed after {@code seen} (a version an earlier call gave, or {@link #NEVER}). */
    public synchronized Since since(long seen) {
        if (!tracked || seen == NEVER || seen > version) {
            return new Since(version, true, List.of());
        }
        if (seen < version && (changes.isEmpty() || changes.peekFirst().version() > seen + 1)) {
            // the changes right after "seen" are no longer kept
            return new Since(version, true, List.of());
        }
        List<HourRange> ranges = new ArrayList<>();
        for (Change c : changes) {
            if (c.version() <= seen) {
                continue;
            }
            if (c.range() == null) {
                return new Since(version, true, List.of());
            }
            ranges.add(c.range());
        }
        return new Since(version, false, List.copyOf(ranges));
    }
}
