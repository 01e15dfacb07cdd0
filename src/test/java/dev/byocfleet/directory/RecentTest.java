package dev.byocfleet.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class RecentTest {

    private final AtomicInteger reads = new AtomicInteger();
    private final AtomicLong nanos = new AtomicLong(5_000);

    @Test
    void withinTheIntervalTheLastReadIsAnsweredAndAfterItTheStoreIsReadAgain() {
        Supplier<Integer> recent = Recent.of(reads::incrementAndGet, Duration.ofSeconds(1), nanos::get);
        assertThat(recent.get()).isEqualTo(1);
        nanos.addAndGet(Duration.ofMillis(999).toNanos());
        assertThat(recent.get()).isEqualTo(1);
        nanos.addAndGet(Duration.ofMillis(1).toNanos());
        assertThat(recent.get()).isEqualTo(2);
        assertThat(reads).hasValue(2);
    }

    @Test
    void aDearReadIsKeptTwentyTimesItsDurationAtMostThirtySecondsAndACheapOneKeepsTheInterval() {
        AtomicLong readTakes = new AtomicLong(Duration.ofMillis(10).toNanos());
        Supplier<Integer> recent = Recent.of(() -> {
            nanos.addAndGet(readTakes.get());
            return reads.incrementAndGet();
        }, Duration.ofSeconds(1), nanos::get);
        assertThat(recent.get()).isEqualTo(1);
        nanos.addAndGet(Duration.ofMillis(1_000).toNanos());
        assertThat(recent.get()).as("10 ms: the 1 s interval holds, counted from before the read").isEqualTo(2);

        readTakes.set(Duration.ofMillis(400).toNanos());
        nanos.addAndGet(Duration.ofSeconds(1).toNanos());
        assertThat(recent.get()).isEqualTo(3);
        long readAt = nanos.get() - readTakes.get();
        nanos.set(readAt + Duration.ofMillis(7_999).toNanos());
        assertThat(recent.get()).as("a 400 ms read answers for 8 s").isEqualTo(3);
        nanos.set(readAt + Duration.ofSeconds(8).toNanos());
        readTakes.set(Duration.ofSeconds(5).toNanos());
        assertThat(recent.get()).isEqualTo(4);
        readAt = nanos.get() - readTakes.get();
        nanos.set(readAt + Duration.ofSeconds(30).toNanos() - 1);
        assertThat(recent.get()).as("a 5 s read: at most 30 s").isEqualTo(4);
        nanos.set(readAt + Duration.ofSeconds(30).toNanos());
        readTakes.set(0);
        assertThat(recent.get()).isEqualTo(5);
        nanos.addAndGet(Duration.ofSeconds(1).toNanos());
        assertThat(recent.get()).as("a cheap read again: back to the interval").isEqualTo(6);

        Supplier<Integer> longInterval = Recent.of(reads::incrementAndGet, Duration.ofMinutes(2), nanos::get);
        assertThat(longInterval.get()).isEqualTo(7);
        nanos.addAndGet(Duration.ofSeconds(119).toNanos());
        assertThat(longInterval.get()).as("an interval above 30 s is never shortened").isEqualTo(7);
    }

    @Test
    void zeroReadsOnEveryCallAndANegativeIntervalIsRefused() {
        Supplier<Integer> every = Recent.of(reads::incrementAndGet, Duration.ZERO, nanos::get);
        assertThat(every.get()).isEqualTo(1);
        assertThat(every.get()).isEqualTo(2);
        assertThatThrownBy(() -> Recent.of(reads::incrementAndGet, Duration.ofMillis(-1), nanos::get))
                .hasMessageContaining("must not be negative");
    }

    @Test
    void inTheBackgroundTheCallerGetsTheLastReadWhileOneReadAnewIsQueued() {
        java.util.List<Runnable> queued = new java.util.ArrayList<>();
        Supplier<Integer> recent = Recent.inBackground(reads::incrementAndGet, Duration.ofSeconds(1), nanos::get, queued::add);
        assertThat(recent.get()).as("the first read is the caller's").isEqualTo(1);
        assertThat(queued).isEmpty();
        nanos.addAndGet(Duration.ofSeconds(1).toNanos());
        assertThat(recent.get()).as("too old: answered still, read anew in the background").isEqualTo(1);
        assertThat(recent.get()).isEqualTo(1);
        assertThat(queued).as("one read at a time").hasSize(1);
        queued.removeFirst().run();
        assertThat(recent.get()).isEqualTo(2);
        assertThat(reads).hasValue(2);

        Supplier<Integer> failing = Recent.inBackground(() -> {
            if (reads.incrementAndGet() > 3) {
                throw new IllegalStateException("store down");
            }
            return reads.get();
        }, Duration.ofSeconds(1), nanos::get, queued::add);
        assertThat(failing.get()).isEqualTo(3);
        nanos.addAndGet(Duration.ofSeconds(1).toNanos());
        assertThat(failing.get()).isEqualTo(3);
        queued.removeFirst().run();
        assertThat(failing.get()).as("a failed read keeps the last one and is tried again").isEqualTo(3);
        assertThat(queued).hasSize(1);
        assertThat(Recent.inBackground(reads::incrementAndGet, Duration.ZERO, nanos::get, queued::add))
                .as("zero reads on every call").isNotInstanceOf(Recent.class);
    }
}
