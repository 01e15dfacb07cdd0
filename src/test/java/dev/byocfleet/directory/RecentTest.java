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
