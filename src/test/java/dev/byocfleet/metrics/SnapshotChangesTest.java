package dev.byocfleet.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.byocfleet.metrics.SnapshotChanges.HourRange;
import dev.byocfleet.metrics.SnapshotChanges.Since;
import dev.byocfleet.support.TestStore;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

class SnapshotChangesTest {

    private static final LocalDateTime H = LocalDateTime.of(2026, 11, 28, 10, 0);

    @Test
    void aReaderLearnsTheRangesReportedAfterItsVersionAndOnlyThose() {
        SnapshotChanges changes = new SnapshotChanges(true);
        Since first = changes.since(SnapshotChanges.NEVER);
        assertThat(first.unknown()).as("a reader that has read nothing").isTrue();
        assertThat(changes.since(first.version()).ranges()).isEmpty();

        changes.hours(H.plusMinutes(30), H.plusHours(2).plusMinutes(5));
        changes.hours(H.plusHours(9), H.plusHours(7));
        Since second = changes.since(first.version());
        assertThat(second.unknown()).isFalse();
        assertThat(second.ranges()).containsExactly(new HourRange(H, H.plusHours(2)), new HourRange(H.plusHours(7), H.plusHours(9)));
        assertThat(second.covers(H.plusHours(2))).isTrue();
        assertThat(second.covers(H.plusHours(3))).isFalse();
        assertThat(second.covers(H.minusHours(1))).isFalse();

        changes.hours(H.plusHours(20), H.plusHours(20));
        assertThat(changes.since(second.version()).ranges()).containsExactly(new HourRange(H.plusHours(20), H.plusHours(20)));
        assertThat(changes.since(second.version() + 5).unknown()).as("a version never given").isTrue();
    }

    @Test
    void aChangeOfUnknownExtentOrOneNoLongerKeptMakesEverythingUnknown() {
        SnapshotChanges changes = new SnapshotChanges(true);
        long v = changes.since(SnapshotChanges.NEVER).version();
        changes.hours(H, H);
        changes.all();
        changes.hours(H, H);
        assertThat(changes.since(v).unknown()).isTrue();

        long w = changes.since(SnapshotChanges.NEVER).version();
        for (int i = 0; i <= SnapshotChanges.KEPT; i++) {
            changes.hours(H, H);
        }
        assertThat(changes.since(w).unknown()).as("the first change after w was let go").isTrue();
        long x = changes.since(SnapshotChanges.NEVER).version() - SnapshotChanges.KEPT;
        assertThat(changes.since(x).unknown()).as("every change after x is kept").isFalse();
    }

    @Test
    void whereOtherProcessesWriteTheStoreEverythingIsAlwaysUnknown() {
        SnapshotChanges changes = new SnapshotChanges(false);
        long v = changes.since(SnapshotChanges.NEVER).version();
        assertThat(changes.since(v).unknown()).isTrue();
        changes.hours(H, H);
        assertThat(changes.since(changes.since(v).version()).unknown()).isTrue();
    }

    @Test
    void aWriteInsideATransactionIsReportedOnlyOnceTheTransactionIsOver() {
        try (TestStore store = new TestStore()) {
            TransactionTemplate tx = new TransactionTemplate(new JdbcTransactionManager(store.dataSource()));
            SnapshotChanges changes = new SnapshotChanges(true);
            long v = changes.since(SnapshotChanges.NEVER).version();
            tx.executeWithoutResult(status -> {
                changes.hours(H, H);
                assertThat(changes.since(v).ranges()).as("not committed yet").isEmpty();
            });
            assertThat(changes.since(v).ranges()).containsExactly(new HourRange(H, H));

            long w = changes.since(v).version();
            tx.executeWithoutResult(status -> {
                changes.all();
                status.setRollbackOnly();
            });
            assertThat(changes.since(w).unknown()).as("rolled back: reported all the same").isTrue();
        }
    }
}
