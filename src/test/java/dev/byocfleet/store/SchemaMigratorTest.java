package dev.byocfleet.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.byocfleet.support.TestStore;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

class SchemaMigratorTest {

    /** Every table and view DESIGN.md section 2 names, by schema. */
    static final Set<String> EXPECTED = Set.of(
            "metrics.metrics_table", "metrics.amv_hourly_snapshots_v1", "metrics.metric_dictionary",
            "metrics.v_hourly_snapshots_v5", "metrics.v_hourly_snapshots_v6", "metrics.dim_customer_profile",
            "byoc.organization", "byoc.account", "byoc.deployment_credential", "byoc.data_credential",
            "byoc.network_config", "byoc.cluster", "byoc.cluster_resource", "byoc.node", "byoc.vm_spec",
            "byoc.ccu_rate", "byoc.cluster_action", "byoc.cluster_state_history", "byoc.autoscaling_policy",
            "byoc.bill_detail", "byoc.billing_order", "byoc.ccu_weekly_rollup",
            "alerts.lark_alerts", "alerts.issues", "alerts.issue_events", "alerts.alert_recommendations",
            "alerts.cluster_health_scores", "alerts.cluster_risk_snapshots", "alerts.capacity_forecasts",
            "alerts.agent_tasks", "alerts.agent_investigations", "alerts.patrol_reports", "alerts.llm_usage",
            "alerts.chat_sessions", "alerts.chat_messages", "alerts.knowledge_documents", "alerts.users",
            "alerts.invites", "alerts.user_settings", "alerts.notification_channels", "alerts.scheduler_locks",
            "alerts.forecast_backtests", "alerts.issue_alerts", "alerts.ai_issues");

    @Test
    void createsEveryTableAndView() {
        try (TestStore store = new TestStore()) {
            Set<String> present = new TreeSet<>(new JdbcTemplate(store.dataSource()).queryForList(
                    "SELECT table_schema || '.' || table_name FROM information_schema.tables", String.class));
            assertThat(present).containsAll(EXPECTED);
        }
    }

    @Test
    void appliesTwiceWithoutErrorOrChange() {
        try (TestStore store = new TestStore()) {
            SchemaMigrator migrator = new SchemaMigrator("duckdb");
            List<Integer> second = migrator.migrate(store.dataSource());
            List<Integer> third = migrator.migrate(store.dataSource());
            assertThat(second).isEmpty();
            assertThat(third).isEmpty();
            int versions = new JdbcTemplate(store.dataSource())
                    .queryForObject("SELECT count(*) FROM alerts.schema_version", Integer.class);
            assertThat(versions).isEqualTo(migrator.migrations().size() - 1);
        }
    }

    @Test
    void everyVersionedFileIsItselfIdempotent() throws SQLException {
        // A crash between a file's statements and its version row must not wedge the next start.
        try (TestStore store = new TestStore()) {
            new JdbcTemplate(store.dataSource()).update("DELETE FROM alerts.schema_version");
            assertThat(new SchemaMigrator("duckdb").migrate(store.dataSource())).isNotEmpty();
        }
    }

    @Test
    void refusesAFileChangedAfterItWasApplied() {
        try (TestStore store = new TestStore()) {
            new JdbcTemplate(store.dataSource()).update("UPDATE alerts.schema_version SET checksum = 'x' WHERE version = 1");
            assertThatThrownBy(() -> new SchemaMigrator("duckdb").migrate(store.dataSource()))
                    .hasMessageContaining("changed after it was applied");
        }
    }

    @Test
    void splitsStatementsOnLineEndingSemicolonsAndDropsComments() {
        List<String> parts = SchemaMigrator.splitStatements("""
                -- a comment; with a semicolon
                CREATE TABLE a (x INT);
                CREATE VIEW v AS
                SELECT 'a;b' AS s FROM a;
                """);
        assertThat(parts).containsExactly("CREATE TABLE a (x INT)", "CREATE VIEW v AS\nSELECT 'a;b' AS s FROM a");
    }
}
