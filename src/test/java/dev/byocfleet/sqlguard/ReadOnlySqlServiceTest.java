package dev.byocfleet.sqlguard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.byocfleet.api.InvalidParameterException;
import dev.byocfleet.store.DuckDbDialect;
import dev.byocfleet.store.StoreProperties;
import dev.byocfleet.support.TestStore;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/** Guarded SQL against a real DuckDB store: caps, timeout, the read-only connection and the schema tools. */
class ReadOnlySqlServiceTest {

    private static TestStore store;
    private static ReadOnlyQueryRepository repository;
    private static ReadOnlySqlService service;

    @BeforeAll
    static void openStore() {
        store = new TestStore();
        JdbcTemplate jdbc = new JdbcTemplate(store.dataSource());
        jdbc.update("""
                INSERT INTO metrics.metrics_table (ts, cluster_id, node_id, metric_name, value, ingested_at)
                SELECT TIMESTAMP '2025-06-01 00:00:00' + to_minutes(i), 'c-' || (i % 7), NULL, 'cpu_util_pct',
                       i % 100, TIMESTAMP '2025-06-02 00:00:00'
                FROM range(3000) t(i)""");
        jdbc.update("""
                INSERT INTO alerts.knowledge_documents (doc_id, kind, title, body, revision, created_at, updated_at)
                SELECT 'd-' || i, 'guideline', 'doc ' || i, repeat('b', 1000), 1, now(), now() FROM range(30) t(i)""");
        jdbc.update("INSERT INTO alerts.users (user_id, email, role, status, created_at, updated_at, password_hash) "
                + "VALUES ('u1', 'a@b.c', 'admin', 'active', now(), now(), 'secret-hash')");
        SqlGuardProperties props = new SqlGuardProperties(50, 10, 20_000, Duration.ofSeconds(1), 0, 0, List.of(),
                null, null, 2);
        repository = new ReadOnlyQueryRepository(new DuckDbDialect(),
                new StoreProperties("duckdb", store.dir(), "test.duckdb", null, null, null, 4), props,
                store.dataSource());
        service = new ReadOnlySqlService(repository, props);
    }

    @AfterAll
    static void closeStore() {
        repository.destroy();
        store.close();
    }

    @Test
    void runsAnAllowedQueryWithTheDefaultLimit() {
        QueryResult r = service.query("SELECT cluster_id, value FROM metrics.metrics_table ORDER BY ts", null);
        assertThat(r.sql()).endsWith("LIMIT 10");
        assertThat(r.rowCount()).isEqualTo(10);
        assertThat(r.rowLimit()).isEqualTo(10);
        assertThat(r.limitReached()).isTrue();
        assertThat(r.columns()).extracting(QueryResult.Column::name).containsExactly("cluster_id", "value");
        assertThat(r.rows().getFirst()).containsExactly("c-0", 0.0);
    }

    @Test
    void aSmallResultDoesNotReachTheLimit() {
        QueryResult r = service.query("SELECT DISTINCT cluster_id FROM metrics.metrics_table", 50);
        assertThat(r.rowCount()).isEqualTo(7);
        assertThat(r.limitReached()).isFalse();
        assertThat(r.truncated()).isFalse();
    }

    @Test
    void rendersTimestampsAsIsoText() {
        QueryResult r = service.query("SELECT min(ts) FROM metrics.metrics_table", null);
        assertThat(r.rows().getFirst().getFirst()).isEqualTo("2025-06-01T00:00");
    }

    @Test
    void stopsReadingAtTheByteCap() {
        // 30 rows of about 1,000 bytes against a cap of 20,000
        QueryResult r = service.query("SELECT body FROM alerts.knowledge_documents", 50);
        assertThat(r.truncated()).isTrue();
        assertThat(r.rowCount()).isBetween(15, 20);
        assertThat(r.limitReached()).isFalse();
    }

    @Test
    void refusesAMaxRowsAboveTheCap() {
        assertThatThrownBy(() -> service.query("SELECT 1", 51))
                .isInstanceOf(InvalidParameterException.class)
                .extracting(e -> ((InvalidParameterException) e).parameter()).isEqualTo("max_rows");
    }

    @Test
    void refusedStatementsNameTheRule() {
        assertThatThrownBy(() -> service.query("SELECT password_hash FROM alerts.users", null))
                .isInstanceOf(SqlRejectedException.class)
                .hasMessageContaining("table_not_allowed");
    }

    @Test
    void cancelsAStatementPastTheTimeout() {
        long start = System.nanoTime();
        assertThatThrownBy(() -> service.query("""
                SELECT count(*) FROM metrics.metrics_table a, metrics.metrics_table b, metrics.metrics_table c
                WHERE a.value + b.value * 0.5 + c.value * 0.25 > 150""", null))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("longer than 1 s");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
        // the pool is still usable afterwards
        assertThat(service.query("SELECT 1", null).rowCount()).isEqualTo(1);
    }

    @Test
    void theConnectionItselfRefusesWritesEvenWithoutTheGuard() {
        assertThatThrownBy(() -> repository.run(
                "INSERT INTO metrics.rollup_state (rollup_name) VALUES ('pwned')", null, 10, 1000, Duration.ofSeconds(5)))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("read-only");
        Integer rows = new JdbcTemplate(store.dataSource())
                .queryForObject("SELECT count(*) FROM metrics.rollup_state WHERE rollup_name = 'pwned'", Integer.class);
        assertThat(rows).isZero();
    }

    @Test
    void reportsAFailingStatementAsABadParameter() {
        assertThatThrownBy(() -> service.query("SELECT no_such_column FROM byoc.cluster", null))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("no_such_column");
    }

    @Test
    void schemaOverviewListsReadableTablesWithRowCountsAndNoSecretTables() {
        SchemaOverview overview = service.schemaOverview(null);
        assertThat(overview.tables()).extracting(t -> t.schema() + "." + t.table())
                .contains("metrics.metrics_table", "byoc.cluster", "alerts.lark_alerts", "metrics.v_hourly_snapshots_v6")
                .doesNotContain("alerts.users", "byoc.deployment_credential", "alerts.chat_messages");
        SchemaOverview.TableSummary raw = overview.tables().stream()
                .filter(t -> t.table().equals("metrics_table")).findFirst().orElseThrow();
        assertThat(raw.rows()).isEqualTo(3000L);
        assertThat(raw.columns()).isEqualTo(6);
        assertThat(raw.kind()).isEqualTo("table");
        assertThat(overview.tables()).filteredOn(t -> t.table().equals("v_hourly_snapshots_v5"))
                .extracting(SchemaOverview.TableSummary::kind).containsExactly("view");
    }

    @Test
    void schemaOverviewOfOneSchema() {
        assertThat(service.schemaOverview("byoc").tables()).allMatch(t -> t.schema().equals("byoc"));
        assertThatThrownBy(() -> service.schemaOverview("information_schema"))
                .isInstanceOf(InvalidParameterException.class);
    }

    @Test
    void tableOverviewHasColumnsRowCountAndSampleRows() {
        TableOverview t = service.tableOverview("metrics.metrics_table");
        assertThat(t.columns()).extracting(TableOverview.ColumnInfo::name)
                .containsExactly("ts", "cluster_id", "node_id", "metric_name", "value", "ingested_at");
        assertThat(t.columns().getFirst().nullable()).isFalse();
        assertThat(t.rows()).isEqualTo(3000L);
        assertThat(t.sample().rowCount()).isEqualTo(ReadOnlySqlService.SAMPLE_ROWS);
    }

    @Test
    void tableOverviewRefusesTablesOffTheAllowList() {
        assertThatThrownBy(() -> service.tableOverview("alerts.users"))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("not readable");
        assertThatThrownBy(() -> service.tableOverview("users"))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("schema.table");
    }
}
