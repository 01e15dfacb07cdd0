package dev.byocfleet.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.byocfleet.store.DuckDbDialect;
import dev.byocfleet.support.TestStore;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Storing an hour's risk deletes that hour's earlier snapshots and those older than the kept days, nothing else. */
class RiskRetentionTest {

    private static final LocalDateTime HOUR = LocalDateTime.of(2026, 11, 30, 6, 0);

    private final TestStore store = new TestStore();
    private final JdbcTemplate jdbc = new JdbcTemplate(store.dataSource());

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void snapshotsBeforeKeepSinceAndOfTheStoredHourAreReplacedTheRestStay() {
        String insert = "INSERT INTO alerts.cluster_risk_snapshots (cluster_id, snapshot_hour, risk_level) VALUES (?, ?, 'low')";
        jdbc.update(insert, "c-old", HOUR.minusDays(90).minusHours(1));
        jdbc.update(insert, "c-edge", HOUR.minusDays(90));
        jdbc.update(insert, "c-recent", HOUR.minusDays(2));
        jdbc.update(insert, "c-same-hour", HOUR);
        RiskRepository repository = new RiskRepository(JdbcClient.create(store.dataSource()), store.dataSource(),
                new DuckDbDialect());
        repository.replace(HOUR, List.of(), HOUR.minusDays(RiskProperties.defaults().keepDays()));
        assertThat(jdbc.queryForList("SELECT cluster_id FROM alerts.cluster_risk_snapshots ORDER BY snapshot_hour", String.class))
                .containsExactly("c-edge", "c-recent");
    }

    @Test
    void keepDaysMustBePositive() {
        assertThat(RiskProperties.defaults().keepDays()).isEqualTo(90);
        assertThatThrownBy(() -> new RiskProperties(null, null, null, null, null, null, null, null, null, null, null, null, 0))
                .hasMessageContaining("keep-days");
    }
}
