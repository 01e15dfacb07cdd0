package dev.byocfleet.agents;

import java.time.LocalDateTime;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * {@code alerts.scheduler_locks}, taken by conditional updates only. ShedLock's JDBC provider
 * inserts the row first and counts a duplicate-key error as "held"; on StarRocks an INSERT into a
 * primary-key table replaces the row instead of failing, so two replicas would both get the lock.
 * Here the row is created once when absent and every take is an UPDATE that only matches an
 * expired lock, which both stores count the same way.
 */
@Repository
class SchedulerLockRepository {

    private final JdbcClient jdbc;

    SchedulerLockRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Creates the lock's row, unlocked, unless it exists. */
    void ensure(String name, LocalDateTime unlockedSince) {
        boolean exists = jdbc.sql("SELECT count(*) FROM alerts.scheduler_locks WHERE name = ?")
                .param(name).query(Long.class).single() > 0;
        if (!exists) {
            try {
                jdbc.sql("INSERT INTO alerts.scheduler_locks (name, lock_until, locked_at, locked_by) VALUES (?, ?, ?, '')")
                        .params(name, unlockedSince, unlockedSince).update();
            } catch (DataIntegrityViolationException e) {
                // another replica created it first: fine, the row is there
            }
        }
    }

    /** Takes the lock when it has expired at {@code now}; true when this caller got it. */
    boolean tryLock(String name, LocalDateTime now, LocalDateTime until, String owner) {
        return jdbc.sql("UPDATE alerts.scheduler_locks SET lock_until = ?, locked_at = ?, locked_by = ? "
                        + "WHERE name = ? AND lock_until <= ?")
                .params(until, now, owner, name, now).update() == 1;
    }

    /** Releases (or shortens to {@code until}) the lock this owner holds. */
    void unlock(String name, LocalDateTime until, String owner) {
        jdbc.sql("UPDATE alerts.scheduler_locks SET lock_until = ? WHERE name = ? AND locked_by = ?")
                .params(until, name, owner).update();
    }
}
