package dev.byocfleet.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.byocfleet.support.TestStore;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

class AlertRetentionTest {

    private static final LocalDateTime NOW = LocalDateTime.of(2026, 11, 30, 12, 0);

    private final TestStore store = new TestStore();
    private final JdbcTemplate jdbc = new JdbcTemplate(store.dataSource());
    private final AlertRetention retention = new AlertRetention(new AlertQueryRepository(JdbcClient.create(store.dataSource())),
            90, Clock.fixed(NOW.toInstant(ZoneOffset.UTC), ZoneOffset.UTC));

    @AfterEach
    void close() {
        store.close();
    }

    private void alert(String id, LocalDateTime receivedAt) {
        jdbc.update("INSERT INTO alerts.lark_alerts (message_id, source, status, severity, received_at, parse_status) "
                + "VALUES (?, 'alertmanager', 'firing', 'critical', ?, 'ok')", id, receivedAt);
    }

    private void issue(long id, String status, @Nullable Long mergedInto, String... alertIds) {
        jdbc.update("INSERT INTO alerts.issues (issue_id, grouping_key, severity, status, created_at, updated_at, merged_into) "
                + "VALUES (?, 'k', 'critical', ?, ?, ?, ?)", id, status, NOW.minusDays(200), NOW, mergedInto);
        for (String a : alertIds) {
            jdbc.update("INSERT INTO alerts.issue_alerts (message_id, issue_id, grouping_key, instance_key, status, event_at, "
                    + "grouped_at) VALUES (?, ?, 'k', ?, 'firing', ?, ?)", a, id, a, NOW.minusDays(100), NOW.minusDays(100));
        }
    }

    private List<String> stored() {
        return jdbc.queryForList("SELECT message_id FROM alerts.lark_alerts ORDER BY message_id", String.class);
    }

    @Test
    void alertsOlderThanTheKeptDaysGoUnlessAnActiveIssueHoldsThem() {
        alert("new", NOW.minusDays(89));
        alert("old-loose", NOW.minusDays(91));
        alert("old-resolved", NOW.minusDays(120));
        alert("old-open", NOW.minusDays(150));
        alert("old-silenced", NOW.minusDays(150));
        alert("old-merged-into-open", NOW.minusDays(150));
        alert("old-merged-into-closed", NOW.minusDays(150));
        issue(1, "resolved", null, "old-resolved");
        issue(2, "open", null, "old-open");
        issue(3, "silenced", null, "old-silenced");
        issue(4, "closed", 2L, "old-merged-into-open");
        issue(5, "closed", 1L, "old-merged-into-closed");

        assertThat(retention.deleteExpired()).isEqualTo(3);
        assertThat(stored()).containsExactly("new", "old-merged-into-open", "old-open", "old-silenced");
        // the issues keep their own alert rows
        assertThat(jdbc.queryForObject("SELECT count(*) FROM alerts.issue_alerts", Long.class)).isEqualTo(5L);

        assertThat(retention.deleteExpired()).as("nothing more to delete").isZero();
        // the open issue resolves: its old alert goes at the next run
        jdbc.update("UPDATE alerts.issues SET status = 'resolved' WHERE issue_id = 2");
        assertThat(retention.deleteExpired()).isEqualTo(2);
        assertThat(stored()).containsExactly("new", "old-silenced");
    }

    @Test
    void keptDaysMustBePositive() {
        AlertQueryRepository repository = new AlertQueryRepository(JdbcClient.create(store.dataSource()));
        assertThatThrownBy(() -> new AlertRetention(repository, 0, Clock.systemUTC()))
                .hasMessageContaining("byoc.alerts.keep-days must be positive");
    }
}
