package dev.byocfleet.agents;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.SimpleLock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class StoreLockProviderTest {

    private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");
    private final AgentFixture f = new AgentFixture();
    private final SchedulerLockRepository locks = new SchedulerLockRepository(f.client);

    @AfterEach
    void close() {
        f.close();
    }

    private static LockConfiguration config(Instant now, Duration atMost) {
        return new LockConfiguration(now, "sentinel", atMost, Duration.ZERO);
    }

    @Test
    void onlyOneReplicaHoldsTheLockUntilItIsReleased() {
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        var first = new StoreLockProvider(locks, clock);
        var second = new StoreLockProvider(locks, clock);

        SimpleLock held = first.lock(config(NOW, Duration.ofMinutes(30))).orElseThrow();
        assertThat(second.lock(config(NOW, Duration.ofMinutes(30)))).isEmpty();

        held.unlock();
        assertThat(second.lock(config(NOW, Duration.ofMinutes(30)))).isPresent();
        assertThat(f.jdbc.queryForObject("SELECT locked_by FROM alerts.scheduler_locks WHERE name = 'sentinel'",
                String.class)).isEqualTo(second.owner());
    }

    @Test
    void anExpiredLockCanBeTakenByAnotherReplica() {
        var first = new StoreLockProvider(locks, Clock.fixed(NOW, ZoneOffset.UTC));
        assertThat(first.lock(config(NOW, Duration.ofMinutes(30)))).isPresent();

        Instant later = NOW.plus(Duration.ofMinutes(31));
        var second = new StoreLockProvider(locks, Clock.fixed(later, ZoneOffset.UTC));
        assertThat(second.lock(config(later, Duration.ofMinutes(30)))).isPresent();
    }

    @Test
    void aReplicaCannotReleaseALockItDoesNotHold() {
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        var first = new StoreLockProvider(locks, clock);
        var second = new StoreLockProvider(locks, clock);
        first.lock(config(NOW, Duration.ofMinutes(30))).orElseThrow();

        locks.unlock("sentinel", java.time.LocalDateTime.of(2000, 1, 1, 0, 0), second.owner());

        assertThat(second.lock(config(NOW, Duration.ofMinutes(30)))).isEmpty();
    }
}
