package dev.byocfleet.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.byocfleet.api.InvalidParameterException;
import dev.byocfleet.api.NotFoundException;
import dev.byocfleet.store.DuckDbDialect;
import dev.byocfleet.support.TestStore;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

class ClusterMetricsServiceTest {

    private static final LocalDateTime NEWEST = LocalDateTime.of(2025, 6, 11, 5, 0);
    private static TestStore store;
    private static ClusterMetricsService service;

    @BeforeAll
    static void fill() {
        store = new TestStore();
        JdbcClient jdbc = JdbcClient.create(store.dataSource());
        new MetricDictionary(new MetricDictionaryRepository(jdbc, new DuckDbDialect())).seed();
        // 48 hours of disk for c-1 climbing 1 point an hour from 50, and a cache-hit series that dips
        new JdbcTemplate(store.dataSource()).update("""
                INSERT INTO metrics.amv_hourly_snapshots_v1
                SELECT 'c-1', 'disk_used_pct', TIMESTAMP '2025-06-09 06:00:00' + to_hours(i),
                       50 + i, 49 + i, 50.5 + i, 50.4 + i, 50.2 + i, 60
                FROM range(48) t(i)
                UNION ALL
                SELECT 'c-1', 'cache_hit_pct', TIMESTAMP '2025-06-11 00:00:00' + to_hours(i),
                       80, CASE WHEN i = 3 THEN 45 ELSE 75 END, 90, 88, 80, 60
                FROM range(6) t(i)""");
        service = new ClusterMetricsService(new MetricSeriesRepository(jdbc));
    }

    @AfterAll
    static void close() {
        store.close();
    }

    @Test
    void defaultWindowIsTheLast24HoursUpToTheClustersNewestSnapshot() {
        ClusterMetrics m = service.clusterMetrics("c-1", List.of("disk_used_pct"), null, null);
        assertThat(m.to()).isEqualTo(NEWEST);
        assertThat(m.from()).isEqualTo(NEWEST.minusHours(23));
        ClusterMetrics.Series disk = m.series().getFirst();
        assertThat(disk.points()).hasSize(24);
        assertThat(disk.unit()).isEqualTo("%");
        // the hourly max climbs from 74.5 to 97.5: warning from 80, critical from 90
        assertThat(disk.worst()).isEqualTo(97.5);
        assertThat(disk.band()).isEqualTo("critical");
        assertThat(disk.hoursCritical()).isEqualTo(8);
        assertThat(disk.hoursWarning()).isEqualTo(10);
        assertThat(disk.latest()).isEqualTo(97.2);
    }

    @Test
    void lowerIsWorseMetricsAreBandedByTheirMinimum() {
        ClusterMetrics.Series cache = service.clusterMetrics("c-1", List.of("cache_hit_pct"), null, 6).series().getFirst();
        assertThat(cache.worst()).isEqualTo(45.0);
        assertThat(cache.band()).isEqualTo("critical");
        assertThat(cache.hoursCritical()).isEqualTo(1);
        assertThat(cache.hoursWarning()).isZero();
    }

    @Test
    void anExplicitEndAndLengthSelectTheWindow() {
        ClusterMetrics m = service.clusterMetrics("c-1", List.of("disk_used_pct"),
                LocalDateTime.of(2025, 6, 9, 8, 30), 4);
        assertThat(m.from()).isEqualTo(LocalDateTime.of(2025, 6, 9, 5, 0));
        assertThat(m.series().getFirst().points()).extracting(ClusterMetrics.Point::hour)
                .containsExactly(LocalDateTime.of(2025, 6, 9, 6, 0), LocalDateTime.of(2025, 6, 9, 7, 0),
                        LocalDateTime.of(2025, 6, 9, 8, 0));
    }

    @Test
    void withoutNamesEveryDictionaryMetricIsListedEvenWithoutPoints() {
        ClusterMetrics m = service.clusterMetrics("c-1", null, null, null);
        assertThat(m.series()).hasSize(CanonicalMetric.values().length);
        assertThat(m.series()).filteredOn(s -> s.metricName().equals("cpu_util_pct"))
                .singleElement().satisfies(s -> {
                    assertThat(s.points()).isEmpty();
                    assertThat(s.band()).isNull();
                });
    }

    @Test
    void rejectsUnknownMetricsAndBadWindows() {
        assertThatThrownBy(() -> service.clusterMetrics("c-1", List.of("cpu"), null, null))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("cpu_util_pct");
        assertThatThrownBy(() -> service.clusterMetrics("c-1", null, null, 0))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("hours");
        assertThatThrownBy(() -> service.clusterMetrics("c-1", null, null, 745))
                .isInstanceOf(InvalidParameterException.class);
    }

    @Test
    void aClusterWithoutSnapshotsIsNotFound() {
        assertThatThrownBy(() -> service.clusterMetrics("c-none", null, null, null)).isInstanceOf(NotFoundException.class);
    }
}
