package dev.byocfleet.fleet;

import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A value derived from store tables, kept in memory together with the "version" of those tables it
 * was computed from (cheap facts that change whenever the tables do: row counts, newest dates,
 * refresh marks). Every read first asks for the current version; a different version recomputes
 * the value before it is returned, so a change to the inputs shows on the very next read. No
 * expiry by time. The version is read before the value is computed, so a change that lands while
 * it is computed at worst causes one more recomputation, never a stale answer. One computation at
 * a time: readers that find the value outdated wait for it ({@link #get()}) or go without it while
 * it is computed in the background ({@link #current()}).
 *
 * @param <V> the version: a value type whose {@code equals} compares every fact
 * @param <T> the derived value
 */
final class VersionedValue<V, T> {

    private static final Logger log = LoggerFactory.getLogger(VersionedValue.class);

    private record Entry<V, T>(V version, T value) {
    }

    private final Supplier<V> version;
    private final Function<V, T> compute;
    private final Executor background;
    private final Object lock = new Object();
    private final AtomicBoolean computing = new AtomicBoolean();
    private volatile Entry<V, T> current;

    /** {@code background} runs the computations {@link #current()} starts. */
    VersionedValue(Supplier<V> version, Function<V, T> compute, Executor background) {
        this.version = version;
        this.compute = compute;
        this.background = background;
    }

    /**
     * The value if the one in memory is of the current version. Otherwise empty, and the current
     * one is being computed in the background for the next readers (one computation at a time), so
     * a reader never waits for a computation longer than its own direct read would take.
     */
    Optional<T> current() {
        V now = version.get();
        Entry<V, T> entry = current;
        if (entry != null && entry.version().equals(now)) {
            return Optional.of(entry.value());
        }
        if (computing.compareAndSet(false, true)) {
            background.execute(() -> {
                try {
                    get();
                } catch (RuntimeException e) {
                    log.warn("computing fleet figures in the background failed; the next reader tries again: {}",
                            e.toString());
                } finally {
                    computing.set(false);
                }
            });
        }
        // a synchronous executor has computed it by now
        entry = current;
        return entry != null && entry.version().equals(now) ? Optional.of(entry.value()) : Optional.empty();
    }

    T get() {
        return get(version.get(), true);
    }

    /**
     * The value of version {@code now}, which the caller read just before (in one statement with
     * reads of its own, saving the version's own query); computed when the one in memory is of
     * another version. A value computed for an older version than the newest never passes for a
     * newer one: the next reader with the newer version computes again.
     */
    T get(V now) {
        return get(now, false);
    }

    /** {@code reread}: read the version again once the lock is held (the inputs may have moved on meanwhile). */
    private T get(V now, boolean reread) {
        Entry<V, T> entry = current;
        if (entry != null && entry.version().equals(now)) {
            return entry.value();
        }
        synchronized (lock) {
            // another reader may have computed it meanwhile
            if (reread) {
                now = version.get();
            }
            entry = current;
            if (entry != null && entry.version().equals(now)) {
                return entry.value();
            }
            T value = compute.apply(now);
            current = new Entry<>(now, value);
            return value;
        }
    }
}
