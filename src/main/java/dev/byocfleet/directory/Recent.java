package dev.byocfleet.directory;

import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A value read from the store at most once per interval: the last read is answered again until the
 * interval has passed since it was made, then the next caller reads anew. Zero reads on every call.
 * For the cheap facts that say whether a table changed (its version), which every request of a
 * page asks for while the tables change hourly at most.
 *
 * <p>A version that is dear to read (a fingerprint over a table that has grown large) is kept
 * longer: a read that took {@code d} answers for {@code DEAR_READ_FACTOR × d} when that is more
 * than the interval, at most {@link #MAX_STRETCHED} (or the interval, if longer). So however large
 * the table grows, re-reading its version costs at most about a twentieth of one core while a page
 * is asked for continuously, and a change shows within that longer time. A read of a few
 * milliseconds keeps the interval as it is.
 */
final class Recent<T> implements Supplier<T> {

    /** {@code value} read at {@code atNanos}, answered again for {@code freshNanos}. */
    private record Read<T>(T value, long atNanos, long freshNanos) {
    }

    /** How many times its own duration a dear read is kept at least. */
    static final long DEAR_READ_FACTOR = 20;
    /** The longest a dear read stretches the interval to. */
    static final Duration MAX_STRETCHED = Duration.ofSeconds(30);

    private static final Logger log = LoggerFactory.getLogger(Recent.class);

    private final Supplier<T> read;
    private final long intervalNanos;
    private final LongSupplier nanoTime;
    /** Null: the caller that finds the last read too old reads anew; else it is read again here. */
    private final @Nullable Executor background;
    private final AtomicBoolean reading = new AtomicBoolean();
    private volatile @Nullable Read<T> last;

    private Recent(Supplier<T> read, long intervalNanos, LongSupplier nanoTime, @Nullable Executor background) {
        this.read = read;
        this.intervalNanos = intervalNanos;
        this.nanoTime = nanoTime;
        this.background = background;
    }

    static <T> Supplier<T> of(Supplier<T> read, Duration interval, LongSupplier nanoTime) {
        return create(read, interval, nanoTime, null);
    }

    /**
     * As {@link #of}, but once there is a read, a caller that finds it older than the interval gets
     * it still and starts one read anew on {@code background} (one at a time), for the next callers:
     * no request waits for a dear read, and a change shows within the interval and that read's time.
     */
    static <T> Supplier<T> inBackground(Supplier<T> read, Duration interval, LongSupplier nanoTime, Executor background) {
        return create(read, interval, nanoTime, background);
    }

    /** {@code read} itself for a zero interval (read on every call), else a {@link Recent} of it. */
    private static <T> Supplier<T> create(Supplier<T> read, Duration interval, LongSupplier nanoTime,
                                          @Nullable Executor background) {
        if (interval.isNegative()) {
            throw new IllegalArgumentException("a recheck interval must not be negative: " + interval);
        }
        return interval.isZero() ? read : new Recent<>(read, interval.toNanos(), nanoTime, background);
    }

    @Override
    public T get() {
        Read<T> r = last;
        long now = nanoTime.getAsLong();
        if (r != null && now - r.atNanos() < r.freshNanos()) {
            return r.value();
        }
        if (r != null && background != null) {
            if (reading.compareAndSet(false, true)) {
                background.execute(() -> {
                    try {
                        readAt(nanoTime.getAsLong());
                    } catch (RuntimeException e) {
                        log.warn("reading a table version in the background failed; the next caller tries again: {}",
                                e.toString());
                    } finally {
                        reading.set(false);
                    }
                });
            }
            return r.value();
        }
        return readAt(now);
    }

    private static long saturatedTimes(long nanos, long factor) {
        return nanos <= 0 ? 0 : nanos > Long.MAX_VALUE / factor ? Long.MAX_VALUE : nanos * factor;
    }

    private T readAt(long now) {
        // the time is taken before the read, so the answer is never older than the interval
        T value = read.get();
        long took = nanoTime.getAsLong() - now;
        long stretched = Math.min(Math.max(intervalNanos, MAX_STRETCHED.toNanos()), saturatedTimes(took, DEAR_READ_FACTOR));
        last = new Read<>(value, now, Math.max(intervalNanos, stretched));
        return value;
    }
}
