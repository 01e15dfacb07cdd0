package dev.byocfleet.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.byocfleet.support.TestStore;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/** V031 (DuckDB): the computed tables lose their composite keys and keep every stored row. */
class ComputedTablesWithoutKeysTest {

    private static final LocalDateTime AT = LocalDateTime.of(2026, 11, 29, 4, 0);
    private static final List<String> TABLES = List.of("cluster_health_scores", "cluster_risk_snapshots",
            "capacity_forecasts");

    @Test
    void rerunningV031KeepsEveryRowAndLeavesNoKey() {
        try (TestStore store = new TestStore()) {
            JdbcTemplate jdbc = new JdbcTemplate(store.dataSource());
            jdbc.update("INSERT INTO alerts.cluster_health_scores (cluster_id, scored_at, score, status, explanation) "
                    + "VALUES ('c-a', ?, 71.5, 'warning', '{\"factors\":[]}')", AT);
            jdbc.update("INSERT INTO alerts.cluster_risk_snapshots (cluster_id, snapshot_hour, risk_level, risk_score, "
                    + "factors) VALUES ('c-a', ?, 'high', 55.0, '{\"factors\":[]}')", AT);
            jdbc.update("INSERT INTO alerts.capacity_forecasts (cluster_id, metric_name, computed_at, status, details) "
                    + "VALUES ('c-a', 'disk_used_pct', ?, 'breach', '{\"unit\":\"%\"}')", AT);
            // as after a crash between V031's commit and its version row: the file runs again on migrated tables
            jdbc.update("DELETE FROM alerts.schema_version WHERE version = 31");
            assertThat(new SchemaMigrator("duckdb").migrate(store.dataSource())).containsExactly(31);

            assertThat(jdbc.queryForObject("SELECT score FROM alerts.cluster_health_scores WHERE cluster_id = 'c-a' "
                    + "AND scored_at = ?", Double.class, AT)).isEqualTo(71.5);
            assertThat(jdbc.queryForObject("SELECT json_extract_string(explanation, '$.factors') FROM "
                    + "alerts.cluster_health_scores", String.class)).isEqualTo("[]");
            assertThat(jdbc.queryForObject("SELECT risk_level FROM alerts.cluster_risk_snapshots WHERE snapshot_hour = ?",
                    String.class, AT)).isEqualTo("high");
            assertThat(jdbc.queryForObject("SELECT json_extract_string(details, '$.unit') FROM alerts.capacity_forecasts "
                    + "WHERE computed_at = ?", String.class, AT)).isEqualTo("%");
            for (String table : TABLES) {
                assertThat(jdbc.queryForObject("SELECT count(*) FROM duckdb_constraints() WHERE schema_name = 'alerts' "
                        + "AND table_name = ? AND constraint_type = 'PRIMARY KEY'", Integer.class, table))
                        .as("primary key of %s", table).isZero();
                assertThat(jdbc.queryForObject("SELECT count(*) FROM information_schema.tables WHERE table_schema = "
                        + "'alerts' AND table_name LIKE ?", Integer.class, table + "%")).as(table).isEqualTo(1);
            }
            // the JSON columns are still JSON (json_extract above would also read text, so ask the catalog)
            assertThat(jdbc.queryForList("SELECT table_name || '.' || column_name || ' ' || data_type FROM "
                    + "information_schema.columns WHERE table_schema = 'alerts' AND table_name IN (?, ?, ?) "
                    + "AND column_name IN ('explanation', 'factors', 'details') ORDER BY table_name", String.class,
                    TABLES.toArray())).containsExactly("capacity_forecasts.details JSON",
                    "cluster_health_scores.explanation JSON", "cluster_risk_snapshots.factors JSON");
        }
    }
}
