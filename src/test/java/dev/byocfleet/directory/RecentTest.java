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
}
