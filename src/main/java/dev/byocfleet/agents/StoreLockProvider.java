package dev.byocfleet.agents;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import org.springframework.dao.DataAccessException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * ShedLock's {@link LockProvider} over {@code alerts.scheduler_locks} by conditional update (see
 * {@link SchedulerLockRepository} for why not ShedLock's JDBC provider). Each instance has its own
 * owner id, so a replica only releases what it took. A store that is down means "not locked":
 * the job is skipped this time rather than run unguarded.
 */
class StoreLockProvider implements LockProvider {

    private static final Logger log = LoggerFactory.getLogger(StoreLockProvider.class);

    private final SchedulerLockRepository locks;
    private final Clock clock;
    private final String owner;

    StoreLockProvider(SchedulerLockRepository locks, Clock clock) {
        this.locks = locks;
        this.clock = clock;
        this.owner = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID().toString().substring(0, 8);
    }

    String owner() {
        return owner;
    }

    @Override
    public Optional<SimpleLock> lock(LockConfiguration config) {
        String name = config.getName();
        LocalDateTime now = utc(clock.instant());
        try {
            locks.ensure(name, LocalDateTime.of(2000, 1, 1, 0, 0));
            if (!locks.tryLock(name, now, utc(config.getLockAtMostUntil()), owner)) {
                return Optional.empty();
            }
        } catch (DataAccessException e) {
            log.warn("scheduler lock {}: the store failed, skipping this run: {}", name, e.getMessage());
            return Optional.empty();
        }
        return Optional.of(() -> {
            Instant release = config.getLockAtLeastUntil().isAfter(clock.instant()) ? config.getLockAtLeastUntil() : clock.instant();
            locks.unlock(name, utc(release), owner);
        });
    }

    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
