package dev.byocfleet.fleet;

import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A value derived from store tables, kept in memory together with the "version" of those tables it
 * was computed from (cheap facts that change whenever the tables do: row counts, newest dates,
 * refresh marks). Every read first asks for the current version; a different version recomputes
 * the value before it is returned, so a change to the inputs shows on the very next read. No
 * expiry by time. The version is read before the value is computed, so a change that lands while
 * it is computed at worst causes one more recomputation, never a stale answer. One computation at
 * a time: readers that find the value outdated wait for it instead of computing it again.
 *
 * @param <V> the version: a value type whose {@code equals} compares every fact
 * @param <T> the derived value
 */
final class VersionedValue<V, T> {

    private record Entry<V, T>(V version, T value) {
    }

    private final Supplier<V> version;
    private final Function<V, T> compute;
    private final Object lock = new Object();
    private volatile Entry<V, T> current;

    VersionedValue(Supplier<V> version, Function<V, T> compute) {
        this.version = version;
        this.compute = compute;
    }

    T get() {
        V now = version.get();
        Entry<V, T> entry = current;
        if (entry != null && entry.version().equals(now)) {
            return entry.value();
        }
        synchronized (lock) {
            // Read again: another reader may have computed it, or the inputs moved on meanwhile.
            now = version.get();
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
