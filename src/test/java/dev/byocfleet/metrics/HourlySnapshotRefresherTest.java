package dev.byocfleet.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.byocfleet.store.DuckDbDialect;
import dev.byocfleet.support.TestStore;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

class HourlySnapshotRefresherTest {

    private static final LocalDateTime H10 = LocalDateTime.of(2026, 11, 28, 10, 0);
    private static final LocalDateTime H11 = H10.plusHours(1);

    private final TestStore store = new TestStore();
    private final JdbcTemplate jdbc = new JdbcTemplate(store.dataSource());
    private final SnapshotChanges changes = new SnapshotChanges(true);
    private final HourlySnapshotRefresher refresher = TestRefreshers.create(store.dataSource(), new DuckDbDialect(), changes);

    @AfterEach
    void close() {
        store.close();
    }

    private void sample(LocalDateTime ts, String cluster, double value, LocalDateTime ingestedAt) {
        jdbc.update("INSERT INTO metrics.metrics_table VALUES (?, ?, NULL, 'cpu_util_pct', ?, ?)",
                ts, cluster, value, ingestedAt);
    }

    private Map<String, Object> snapshot(String cluster, LocalDateTime hour) {
        return jdbc.queryForMap("SELECT * FROM metrics.amv_hourly_snapshots_v1 WHERE cluster_id = ? AND snapshot_hour = ?",
                cluster, hour);
    }

    @Test
    void rollsUpRawSamplesIntoHourlyAggregates() {
        for (int i = 0; i < 12; i++) {
            sample(H10.plusMinutes(5L * i), "c-1", i + 1, H10.plusHours(2));
        }
        var result = refresher.refresh(false);
        assertThat(result.hoursRefreshed()).isEqualTo(1);
        assertThat(result.rowsWritten()).isEqualTo(1);
        Map<String, Object> row = snapshot("c-1", H10);
        assertThat(row.get("avg_value")).isEqualTo(6.5);
        assertThat(row.get("min_value")).isEqualTo(1.0);
        assertThat(row.get("max_value")).isEqualTo(12.0);
        assertThat((Double) row.get("p95_value")).isCloseTo(11.45, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(row.get("last_value")).isEqualTo(12.0);
        assertThat(row.get("sample_count")).isEqualTo(12L);
    }

    @Test
    void refreshesOnlyTheClusterHoursThatReceivedSamplesSinceTheLastRefresh() {
        sample(H10, "c-1", 10, H10.plusMinutes(1));
        sample(H10, "c-2", 20, H10.plusMinutes(1));
        refresher.refresh(false);
        // A row written by hand stands for history that has no raw samples: a refresh must leave it.
        jdbc.update("UPDATE metrics.amv_hourly_snapshots_v1 SET avg_value = -1 WHERE cluster_id = 'c-2'");

        sample(H11, "c-1", 30, H11.plusMinutes(1));
        sample(H10.plusMinutes(30), "c-1", 50, H11.plusMinutes(2)); // a late sample for an hour already rolled up
        var result = refresher.refresh(false);

        assertThat(result.hoursRefreshed()).isEqualTo(2);
        assertThat(result.rowsWritten()).isEqualTo(2);
        assertThat(result.watermark()).isEqualTo(H11.plusMinutes(2));
        assertThat(snapshot("c-1", H10).get("avg_value")).isEqualTo(30.0);
        assertThat(snapshot("c-1", H10).get("sample_count")).isEqualTo(2L);
        assertThat(snapshot("c-1", H11).get("avg_value")).isEqualTo(30.0);
        assertThat(snapshot("c-2", H10).get("avg_value")).as("untouched pair").isEqualTo(-1.0);
    }

    @Test
    void aRefreshWithNothingNewChangesNothing() {
        sample(H10, "c-1", 10, H10.plusMinutes(1));
        refresher.refresh(false);
        var again = refresher.refresh(false);
        assertThat(again.hoursRefreshed()).isZero();
        assertThat(again.rowsWritten()).isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM metrics.amv_hourly_snapshots_v1", Long.class)).isEqualTo(1L);
    }

    @Test
    void fullRefreshRecomputesEveryHourWithRawSamplesWithoutDuplicating() {
        sample(H10, "c-1", 10, H10.plusMinutes(1));
        sample(H11, "c-1", 20, H11.plusMinutes(1));
        refresher.refresh(false);
        jdbc.update("UPDATE metrics.amv_hourly_snapshots_v1 SET avg_value = -1");
        var result = refresher.refresh(true);
        assertThat(result.hoursRefreshed()).isEqualTo(2);
        assertThat(result.rowsDeleted()).isEqualTo(2);
        List<Double> averages = jdbc.queryForList(
                "SELECT avg_value FROM metrics.amv_hourly_snapshots_v1 ORDER BY snapshot_hour", Double.class);
        assertThat(averages).containsExactly(10.0, 20.0);
    }

    @Test
    void eachRefreshReportsTheHoursItRewroteAndAFailedOneReportsThatAnythingMayHaveChanged() {
        long start = changes.since(SnapshotChanges.NEVER).version();
        sample(H10, "c-1", 10, H10.plusMinutes(1));
        refresher.refresh(false);
        SnapshotChanges.Since first = changes.since(start);
        assertThat(first.unknown()).isFalse();
        assertThat(first.ranges()).containsExactly(new SnapshotChanges.HourRange(H10, H10));

        // a late sample three hours back and a new hour: the range spans them
        sample(H10.plusHours(3).plusMinutes(20), "c-2", 5, H11.plusHours(3));
        sample(H10.minusHours(2).plusMinutes(59), "c-1", 7, H11.plusHours(3));
        refresher.refresh(false);
        SnapshotChanges.Since second = changes.since(first.version());
        assertThat(second.ranges()).containsExactly(new SnapshotChanges.HourRange(H10.minusHours(2), H10.plusHours(3)));
        assertThat(second.covers(H10.minusHours(3))).isFalse();
        assertThat(second.covers(H10.plusHours(1))).isTrue();

        // nothing new: nothing reported
        refresher.refresh(false);
        assertThat(changes.since(second.version()).ranges()).isEmpty();

        // a refresh that fails half-way (rolled back): "anything", since it cannot tell
        sample(H11.plusHours(5), "c-1", 1, H11.plusHours(6));
        var dialect = new DuckDbDialect();
        var failing = new HourlySnapshotRefresher(new SnapshotRepository(JdbcClient.create(store.dataSource()), dialect) {
            @Override
            int insertSnapshots(LocalDateTime from, LocalDateTime to) {
                throw new IllegalStateException("the store went away");
            }
        }, dialect, new TransactionTemplate(new JdbcTransactionManager(store.dataSource())), changes);
        assertThatThrownBy(() -> failing.refresh(false)).hasMessageContaining("went away");
        assertThat(changes.since(second.version()).unknown()).isTrue();
    }
}
