package dev.byocfleet.directory;

import java.time.Duration;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * A value read from the store at most once per interval: the last read is answered again until the
 * interval has passed since it was made, then the next caller reads anew. Zero reads on every call.
 * For the cheap facts that say whether a table changed (its version), which every request of a
 * page asks for while the tables change hourly at most.
 */
final class Recent<T> implements Supplier<T> {

    private record Read<T>(T value, long atNanos) {
    }

    private final Supplier<T> read;
    private final long intervalNanos;
    private final LongSupplier nanoTime;
    private volatile @Nullable Read<T> last;

    private Recent(Supplier<T> read, long intervalNanos, LongSupplier nanoTime) {
        this.read = read;
        this.intervalNanos = intervalNanos;
        this.nanoTime = nanoTime;
    }

    static <T> Supplier<T> of(Supplier<T> read, Duration interval, LongSupplier nanoTime) {
        if (interval.isNegative()) {
            throw new IllegalArgumentException("a recheck interval must not be negative: " + interval);
        }
        return interval.isZero() ? read : new Recent<>(read, interval.toNanos(), nanoTime);
    }

    @Override
    public T get() {
        Read<T> r = last;
        long now = nanoTime.getAsLong();
        if (r != null && now - r.atNanos() < intervalNanos) {
            return r.value();
        }
        // the time is taken before the read, so the answer is never older than the interval
        T value = read.get();
        last = new Read<>(value, now);
        return value;
    }
}
