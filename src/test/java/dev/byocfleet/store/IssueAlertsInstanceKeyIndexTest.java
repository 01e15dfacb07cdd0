package dev.byocfleet.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.byocfleet.support.TestStore;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/** V032 (DuckDB): grouping reads issue_alerts by instance_key through an index, not a scan. */
class IssueAlertsInstanceKeyIndexTest {

    private static final LocalDateTime AT = LocalDateTime.of(2026, 11, 30, 5, 0);

    @Test
    void issueAlertsAreIndexedByInstanceKeyAndRerunningV032KeepsTheRows() {
        try (TestStore store = new TestStore()) {
            JdbcTemplate jdbc = new JdbcTemplate(store.dataSource());
            jdbc.update("INSERT INTO alerts.issue_alerts (message_id, issue_id, grouping_key, instance_key, status, "
                    + "event_at, grouped_at) VALUES ('m-1', 7, 'g', 'fp-1@2026-11-30T05:00:00Z', 'firing', ?, ?)", AT, AT);
            // as after a crash between the index's creation and its version row: the file runs again
            jdbc.update("DELETE FROM alerts.schema_version WHERE version = 32");
            assertThat(new SchemaMigrator("duckdb").migrate(store.dataSource())).containsExactly(32);

            assertThat(jdbc.queryForList("SELECT index_name || ' ' || sql FROM duckdb_indexes() WHERE schema_name = "
                    + "'alerts' AND table_name = 'issue_alerts' AND NOT is_primary", String.class))
                    .singleElement().asString().startsWith("issue_alerts_instance_key ").contains("(instance_key)");
            assertThat(jdbc.queryForObject("SELECT message_id FROM alerts.issue_alerts WHERE instance_key IN (?, ?)",
                    String.class, "fp-1@2026-11-30T05:00:00Z", "fp-2@2026-11-30T05:00:00Z")).isEqualTo("m-1");
        }
    }
}
