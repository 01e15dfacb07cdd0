package dev.byocfleet.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.byocfleet.store.DuckDbDialect;
import dev.byocfleet.support.TestStore;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The hourly values the forecaster reads for flagged series: exactly the pairs asked for, in their window. */
class ForecastRepositoryTest {

    private static final LocalDateTime AS_OF = LocalDateTime.of(2026, 11, 28, 23, 0);
    private final TestStore store = new TestStore();
    private final JdbcTemplate jdbc = new JdbcTemplate(store.dataSource());

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void hourlyReturnsOnlyTheRequestedClusterMetricPairsWithTheirStatistic() {
        List<Object[]> rows = new ArrayList<>();
        for (String cluster : List.of("c-a", "c-b", "c-c")) {
            for (String metric : List.of("disk_used_pct", "cpu_util_pct", "query_qps")) {
                for (int h = 0; h < 5; h++) {
                    // avg, min, max, p95, last: max and p95 differ so the statistic shows
                    rows.add(new Object[] {cluster, metric, AS_OF.minusHours(h), 1.0, 0.0, 10.0 + h, 5.0 + h, 1.0, 12});
                }
            }
        }
        jdbc.batchUpdate("INSERT INTO metrics.amv_hourly_snapshots_v1 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", rows);
        var ds = store.dataSource();
        ForecastRepository repository = new ForecastRepository(JdbcClient.create(ds), ds, new DuckDbDialect());

        // c-a's disk and c-b's cpu: c-a's cpu and c-b's disk are in the same IN lists but were not asked for
        List<ForecastRepository.HourlyValue> values = repository.hourly(Map.of(
                CapacityMetric.DISK_USED_PCT, Set.of("c-a"), CapacityMetric.CPU_UTIL_PCT, Set.of("c-b")),
                AS_OF.minusHours(3), AS_OF);

        assertThat(values).extracting(v -> v.clusterId() + "|" + v.metricName())
                .containsOnly("c-a|disk_used_pct", "c-b|cpu_util_pct");
        assertThat(values).hasSize(6);
        // disk compares the hour's maximum, CPU its p95; the window is (asOf - 3 h, asOf]
        assertThat(values).filteredOn(v -> v.clusterId().equals("c-a"))
                .extracting(ForecastRepository.HourlyValue::value).containsExactly(12.0, 11.0, 10.0);
        assertThat(values).filteredOn(v -> v.clusterId().equals("c-b"))
                .extracting(ForecastRepository.HourlyValue::value).containsExactly(7.0, 6.0, 5.0);
        assertThat(repository.hourly(Map.of(), AS_OF.minusHours(3), AS_OF)).isEmpty();
        // the back-test reads hourly values once per cut and metric: each read gives its connection back
        for (int i = 0; i < 40; i++) {
            assertThat(repository.hourly(Map.of(CapacityMetric.DISK_USED_PCT, Set.of("c-a")), AS_OF.minusHours(3), AS_OF))
                    .hasSize(3);
        }
    }
}
