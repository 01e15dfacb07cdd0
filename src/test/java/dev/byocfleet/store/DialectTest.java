package dev.byocfleet.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import dev.byocfleet.support.TestStore;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

class DialectTest {

    // DuckDB pieces run on a real, migrated DuckDB file; StarRocks has no server here, so its
    // rendered SQL is what there is to check.
    private final Dialect duckDb = new DuckDbDialect();
    private final Dialect starRocks = new StarRocksDialect();

    @Test
    void duckDbPercentileInterpolatesBetweenSamples() {
        try (TestStore store = new TestStore()) {
            Double p95 = new JdbcTemplate(store.dataSource()).queryForObject(
                    "SELECT " + duckDb.percentile("x", 0.95) + " FROM range(1, 101) t(x)", Double.class);
            assertThat(p95).isCloseTo(95.05, offset(1e-9));
        }
    }

    @Test
    void duckDbJsonStringReadsANestedPathAndEscapesQuotesInThePath() {
        String json = """
                {"labels": {"cluster": "c-1", "it's": "quoted key"}}""";
        try (TestStore store = new TestStore()) {
            JdbcTemplate jdbc = new JdbcTemplate(store.dataSource());
            String nested = jdbc.queryForObject(
                    "SELECT " + duckDb.jsonString("CAST(? AS JSON)", "$.labels.cluster"), String.class, json);
            String quoted = jdbc.queryForObject(
                    "SELECT " + duckDb.jsonString("CAST(? AS JSON)", "$.labels.\"it's\""), String.class, json);
            assertThat(nested).isEqualTo("c-1");
            assertThat(quoted).isEqualTo("quoted key");
        }
    }

    @Test
    void duckDbCheckpointWritesTheWriteAheadLogIntoTheFile() {
        try (TestStore store = new TestStore()) {
            JdbcTemplate jdbc = new JdbcTemplate(store.dataSource());
            jdbc.execute("CREATE TABLE main.checkpoint_probe AS SELECT range AS k, repeat('x', 100) AS v FROM range(20000)");
            Path wal = store.dir().resolve("test.duckdb.wal");
            assertThat(wal.toFile().length()).as("WAL before").isGreaterThan(0);

            jdbc.query(duckDb.checkpoint().orElseThrow(), rs -> {
            });

            assertThat(wal.toFile().length()).as("WAL after").isZero();
            assertThat(jdbc.queryForObject("SELECT count(*) FROM main.checkpoint_probe", Long.class)).isEqualTo(20_000);
            assertThat(starRocks.checkpoint()).isEmpty();
        }
    }

    @Test
    void duckDbUpsertTwiceLeavesOneRowWithTheNewValues() {
        try (TestStore store = new TestStore()) {
            JdbcTemplate jdbc = new JdbcTemplate(store.dataSource());
            jdbc.execute("CREATE TABLE main.upsert_probe (k VARCHAR PRIMARY KEY, v INTEGER, note VARCHAR)");
            String sql = duckDb.upsert("main.upsert_probe", List.of("k", "v", "note"), List.of("k"));
            jdbc.update(sql, "a", 1, "first");
            jdbc.update(sql, "a", 2, "second");
            assertThat(jdbc.queryForList("SELECT k, v, note FROM main.upsert_probe"))
                    .containsExactly(Map.of("k", "a", "v", 2, "note", "second"));
        }
    }

    @Test
    void duckDbInsertIfAbsentKeepsTheFirstRowAndReportsSkippedRowsAsZeroUpdates() {
        try (TestStore store = new TestStore()) {
            JdbcTemplate jdbc = new JdbcTemplate(store.dataSource());
            jdbc.execute("CREATE TABLE main.ignore_probe (k VARCHAR PRIMARY KEY, v INTEGER)");
            String sql = duckDb.insertIfAbsent("main.ignore_probe", List.of("k", "v"));
            assertThat(sql).isEqualTo("INSERT OR IGNORE INTO main.ignore_probe (k, v) VALUES (?, ?)");
            assertThat(jdbc.update(sql, "a", 1)).isEqualTo(1);
            assertThat(jdbc.update(sql, "a", 2)).isZero();
            int[] counts = jdbc.batchUpdate(sql, List.of(new Object[] {"b", 3}, new Object[] {"a", 4},
                    new Object[] {"b", 5}));
            assertThat(counts).containsExactly(1, 0, 0);
            assertThat(jdbc.queryForList("SELECT k, v FROM main.ignore_probe ORDER BY k"))
                    .containsExactly(Map.of("k", "a", "v", 1), Map.of("k", "b", "v", 3));
        }
    }

    @Test
    void starRocksInsertIfAbsentIsAPlainInsertThatCallersGuardWithAnExistenceCheck() {
        assertThat(starRocks.insertIfAbsent("alerts.lark_alerts", List.of("message_id", "status")))
                .isEqualTo("INSERT INTO alerts.lark_alerts (message_id, status) VALUES (?, ?)");
    }

    @Test
    void duckDbWriterStoresEverySupportedJavaTypeAndNull() throws SQLException {
        LocalDateTime at = LocalDateTime.of(2025, 7, 1, 13, 45, 30, 123_456_000);
        Object[] row = {"c-1", 42, 9_000_000_000L, 0.25, true, new BigDecimal("12.345678"), at,
                LocalDate.of(2025, 7, 1), null};
        try (TestStore store = new TestStore(); Connection c = store.dataSource().getConnection()) {
            try (Statement s = c.createStatement()) {
                s.execute("""
                        CREATE TABLE main.writer_probe (
                          s VARCHAR, i INTEGER, l BIGINT, d DOUBLE, b BOOLEAN, m DECIMAL(18,6),
                          t TIMESTAMP, day DATE, n VARCHAR)""");
            }
            try (TableWriter writer = duckDb.openWriter(c, "main", "writer_probe", row.length)) {
                writer.row(row);
                writer.row("c-2", null, null, null, null, null, null, null, null);
                assertThat(writer.rowsWritten()).isEqualTo(2);
                assertThatThrownBy(() -> writer.row("too few")).isInstanceOf(SQLException.class);
            }
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT * FROM main.writer_probe ORDER BY s")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString("s")).isEqualTo("c-1");
                assertThat(rs.getObject("i", Integer.class)).isEqualTo(42);
                assertThat(rs.getObject("l", Long.class)).isEqualTo(9_000_000_000L);
                assertThat(rs.getObject("d", Double.class)).isEqualTo(0.25);
                assertThat(rs.getObject("b", Boolean.class)).isTrue();
                assertThat(rs.getBigDecimal("m")).isEqualByComparingTo("12.345678");
                assertThat(rs.getObject("t", LocalDateTime.class)).isEqualTo(at);
                assertThat(rs.getObject("day", LocalDate.class)).isEqualTo(LocalDate.of(2025, 7, 1));
                assertThat(rs.getObject("n")).isNull();
                assertThat(rs.next()).isTrue();
                for (String column : List.of("i", "l", "d", "b", "m", "t", "day", "n")) {
                    assertThat(rs.getObject(column)).as(column).isNull();
                }
            }
        }
    }

    @Test
    void duckDbWriterReportsRowsThatBreakAKeyInsteadOfDroppingThemSilently() throws SQLException {
        try (TestStore store = new TestStore(); Connection c = store.dataSource().getConnection()) {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE main.keyed_probe (k VARCHAR PRIMARY KEY, v INTEGER)");
            }
            TableWriter writer = duckDb.openWriter(c, "main", "keyed_probe", 2);
            writer.row("a", 1);
            writer.row("a", 2);
            assertThatThrownBy(writer::close).isInstanceOf(SQLException.class).hasMessageContaining("duplicate key");
        }
    }

    @Test
    void duckDbHoursBetweenCountsWholeHoursEitherWay() {
        try (TestStore store = new TestStore()) {
            JdbcTemplate jdbc = new JdbcTemplate(store.dataSource());
            LocalDateTime from = LocalDateTime.of(2026, 11, 27, 22, 0);
            LocalDateTime to = LocalDateTime.of(2026, 11, 29, 1, 0);
            String sql = "SELECT " + duckDb.hoursBetween("CAST(? AS TIMESTAMP)", "CAST(? AS TIMESTAMP)");
            assertThat(jdbc.queryForObject(sql, Long.class, from, to)).isEqualTo(27L);
            assertThat(jdbc.queryForObject(sql, Long.class, to, from)).isEqualTo(-27L);
        }
    }

    @Test
    void duckDbStringAggJoinsAGroupInOrder() {
        try (TestStore store = new TestStore()) {
            String joined = new JdbcTemplate(store.dataSource()).queryForObject("SELECT "
                    + duckDb.stringAgg("CAST(x AS VARCHAR)", ";", "x DESC") + " FROM range(1, 4) t(x)", String.class);
            assertThat(joined).isEqualTo("3;2;1");
        }
    }

    @Test
    void duckDbUnorderedStringAggJoinsEveryPartOfAGroup() {
        try (TestStore store = new TestStore()) {
            String joined = new JdbcTemplate(store.dataSource()).queryForObject("SELECT "
                    + duckDb.stringAggUnordered("CAST(x AS VARCHAR)", ";") + " FROM range(1, 4) t(x)", String.class);
            assertThat(joined.split(";")).containsExactlyInAnyOrder("1", "2", "3");
        }
    }

    @Test
    void duckDbRowHashChangesWithAnyValueAndTellsNullFromEmptyText() {
        try (TestStore store = new TestStore()) {
            JdbcTemplate jdbc = new JdbcTemplate(store.dataSource());
            String hash = duckDb.rowHash(List.of("a", "b"));
            List<String> hashes = jdbc.queryForList("SELECT CAST(" + hash + " AS VARCHAR) FROM (VALUES "
                    + "('x', 1), ('x', 2), ('y', 1), (NULL, 1), ('', 1), ('x', NULL), ('x', 1)) t(a, b)", String.class);
            assertThat(hashes.subList(0, 6)).doesNotHaveDuplicates().doesNotContainNull();
            assertThat(hashes.get(6)).as("the same values hash the same").isEqualTo(hashes.get(0));
        }
    }

    @Test
    void duckDbArrayAggCollectsAGroupInOrderAsAJdbcArray() {
        try (TestStore store = new TestStore()) {
            // two arrays of the same groups, ordered by the same key, pair up element by element
            List<Object[]> rows = new JdbcTemplate(store.dataSource()).query("SELECT g, "
                    + duckDb.arrayAgg("x", "x DESC").orElseThrow() + " AS xs, "
                    + duckDb.arrayAgg("x * 10.5", "x DESC").orElseThrow() + " AS ys "
                    + "FROM (SELECT x % 3 AS g, x FROM range(0, 30000) t(x)) GROUP BY g ORDER BY g",
                    (rs, i) -> new Object[] {(Object[]) rs.getArray(2).getArray(), (Object[]) rs.getArray(3).getArray()});
            assertThat(rows).hasSize(3);
            for (Object[] row : rows) {
                Object[] xs = (Object[]) row[0];
                Object[] ys = (Object[]) row[1];
                assertThat(xs).hasSize(10_000).hasSameSizeAs(ys);
                for (int i = 0; i < xs.length; i++) {
                    long x = ((Number) xs[i]).longValue();
                    assertThat(((Number) ys[i]).doubleValue()).isEqualTo(x * 10.5);
                    if (i > 0) {
                        assertThat(x).isLessThan(((Number) xs[i - 1]).longValue());
                    }
                }
            }
        }
    }

    @Test
    void starRocksRowHashTakesEveryValueAsTextAndNullAsItsOwnMark() {
        assertThat(starRocks.rowHash(List.of("a", "b"))).isEqualTo("CAST(murmur_hash3_32("
                + "coalesce(concat('v', CAST(a AS VARCHAR)), 'n'), coalesce(concat('v', CAST(b AS VARCHAR)), 'n')) AS BIGINT)");
    }

    @Test
    void starRocksHasNoArrayAggSinceItsDriverReadsArraysAsText() {
        assertThat(starRocks.arrayAgg("v", "b")).isEmpty();
    }

    @Test
    void starRocksRendersUnorderedGroupConcatWithSeparator() {
        assertThat(starRocks.stringAggUnordered("v", ";")).isEqualTo("group_concat(v SEPARATOR ';')");
    }

    @Test
    void starRocksRendersGroupConcatWithOrderAndSeparator() {
        assertThat(starRocks.stringAgg("v", ";", "b")).isEqualTo("group_concat(v ORDER BY b SEPARATOR ';')");
    }

    @Test
    void starRocksRendersHoursDiffWithTheLaterTimeFirst() {
        assertThat(starRocks.hoursBetween("s.snapshot_hour", "?")).isEqualTo("hours_diff(?, s.snapshot_hour)");
    }

    @Test
    void starRocksRendersApproximatePercentile() {
        assertThat(starRocks.percentile("m.value", 0.95)).isEqualTo("percentile_approx(m.value, 0.95)");
    }

    @Test
    void starRocksRendersGetJsonStringWithQuotesEscaped() {
        assertThat(starRocks.jsonString("labels", "$.labels.\"it's\""))
                .isEqualTo("get_json_string(labels, '$.labels.\"it''s\"')");
    }

    @Test
    void starRocksUpsertIsAPlainInsertIntoThePrimaryKeyTable() {
        assertThat(starRocks.upsert("metrics.rollup_state", List.of("rollup_name", "watermark"), List.of("rollup_name")))
                .isEqualTo("INSERT INTO metrics.rollup_state (rollup_name, watermark) VALUES (?, ?)");
    }

    @Test
    void starRocksRefreshesTheSnapshotViewItselfAndBackfillsBesideIt() {
        assertThat(starRocks.storeManagedSnapshotRefresh())
                .contains("REFRESH MATERIALIZED VIEW metrics.amv_hourly_snapshots_v1 WITH SYNC MODE");
        assertThat(starRocks.snapshotBackfillTable()).isEqualTo("metrics.hourly_snapshots_backfill");
        assertThat(starRocks.name()).isEqualTo("starrocks");
    }

    @Test
    void picksTheDialectByKindAndNamesTheVariableForAnUnknownOne() {
        assertThat(StoreConfiguration.dialectFor("duckdb")).isInstanceOf(DuckDbDialect.class);
        assertThat(StoreConfiguration.dialectFor("starrocks")).isInstanceOf(StarRocksDialect.class);
        assertThatThrownBy(() -> StoreConfiguration.dialectFor("oracle"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("BYOC_STORE")
                .hasMessageContaining("oracle");
    }

    @Test
    void duckDbReadOnlyPoolSharesTheDatabaseAndItsTransactionRefusesWrites() throws SQLException {
        try (TestStore store = new TestStore()) {
            new JdbcTemplate(store.dataSource()).update(
                    "INSERT INTO metrics.rollup_state (rollup_name) VALUES ('seen-by-the-read-only-pool')");
            StoreProperties props = new StoreProperties("duckdb", store.dir(), "test.duckdb", null, null, null, 4);
            var pool = (com.zaxxer.hikari.HikariDataSource) duckDb.openReadOnlyDataSource(props, null, null, 1);
            try (pool; Connection c = pool.getConnection(); Statement s = c.createStatement()) {
                s.execute(duckDb.beginReadOnlyTransaction().orElseThrow());
                try (ResultSet rs = s.executeQuery("SELECT count(*) FROM metrics.rollup_state")) {
                    rs.next();
                    assertThat(rs.getInt(1)).isEqualTo(1);
                }
                try (Statement write = c.createStatement()) {
                    assertThatThrownBy(() -> write.execute("DELETE FROM metrics.rollup_state"))
                            .hasMessageContaining("read-only");
                }
                try (Statement rollback = c.createStatement()) {
                    rollback.execute("ROLLBACK");
                }
            }
        }
    }

    @Test
    void duckDbPoolRunsEachQueryOnTheConfiguredThreadsAndKeepsUtc(@TempDir Path dir) throws SQLException {
        for (int threads : new int[] {1, 3}) {
            StoreProperties props = new StoreProperties("duckdb", dir, "threads-" + threads + ".duckdb", null, null,
                    null, 2, threads, StoreProperties.DEFAULT_KEPT_STATEMENTS);
            var pool = (com.zaxxer.hikari.HikariDataSource) duckDb.openDataSource(props);
            try (pool; Connection c = pool.getConnection(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT current_setting('threads'), current_setting('TimeZone')")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(threads);
                assertThat(rs.getString(2)).isEqualTo("UTC");
            }
        }
    }

    @Test
    void duckDbPoolSetsTheCheckpointThresholdAndRefusesAnythingButASize(@TempDir Path dir) throws SQLException {
        for (String threshold : new String[] {null, "64MB", "1GB"}) {
            StoreProperties props = new StoreProperties("duckdb", dir, "ckpt-" + threshold + ".duckdb", null, null, null, 1, 1,
                    0, threshold);
            String expected;
            try (Connection plain = java.sql.DriverManager.getConnection("jdbc:duckdb:");
                 Statement s = plain.createStatement()) {
                s.execute("SET checkpoint_threshold = '" + props.duckdbCheckpointThreshold() + "'");
                expected = setting(s, "checkpoint_threshold");
                s.execute("RESET checkpoint_threshold");
                assertThat(setting(s, "checkpoint_threshold")).as("DuckDB's own default differs").isNotEqualTo(expected);
            }
            var pool = (com.zaxxer.hikari.HikariDataSource) duckDb.openDataSource(props);
            try (pool; Connection c = pool.getConnection(); Statement s = c.createStatement()) {
                assertThat(setting(s, "checkpoint_threshold")).isEqualTo(expected);
            }
        }
        assertThat(new StoreProperties("duckdb", Path.of("data"), null, null, null, null, 2).duckdbCheckpointThreshold())
                .isEqualTo(StoreProperties.DEFAULT_CHECKPOINT_THRESHOLD);
        for (String bad : new String[] {"lots", "256", "1GB'; DROP TABLE x; --", "-1MB"}) {
            assertThatThrownBy(() -> new StoreProperties("duckdb", Path.of("data"), null, null, null, null, 2, 1, 0, bad))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("BYOC_DUCKDB_CHECKPOINT_THRESHOLD")
                    .hasMessageContaining(bad);
        }
    }

    private static String setting(Statement s, String name) throws SQLException {
        try (ResultSet rs = s.executeQuery("SELECT current_setting('" + name + "')")) {
            rs.next();
            return rs.getString(1);
        }
    }

    @Test
    void duckDbThreadsDefaultToHalfTheCoresAndRefuseANegativeNumber() {
        StoreProperties defaults = new StoreProperties("duckdb", Path.of("data"), null, null, null, null, 2);
        assertThat(defaults.duckdbQueryThreads())
                .isEqualTo(Math.max(1, Runtime.getRuntime().availableProcessors() / 2));
        assertThat(defaults.duckdbKeptStatements()).isEqualTo(StoreProperties.DEFAULT_KEPT_STATEMENTS);
        assertThat(new StoreProperties("duckdb", Path.of("data"), null, null, null, null, 2, 5, 0).duckdbQueryThreads())
                .isEqualTo(5);
        assertThatThrownBy(() -> new StoreProperties("duckdb", Path.of("data"), null, null, null, null, 2, -1, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("BYOC_DUCKDB_THREADS")
                .hasMessageContaining("-1");
        assertThatThrownBy(() -> new StoreProperties("duckdb", Path.of("data"), null, null, null, null, 2, 1, -2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("BYOC_DUCKDB_KEPT_STATEMENTS")
                .hasMessageContaining("-2");
    }

    @Test
    void duckDbPoolKeepsPreparedStatementsOnlyWhenConfiguredTo(@TempDir Path dir) throws SQLException {
        for (int kept : new int[] {0, 8}) {
            StoreProperties props = new StoreProperties("duckdb", dir, "kept-" + kept + ".duckdb", null, null, null, 1, 1,
                    kept);
            var pool = (com.zaxxer.hikari.HikariDataSource) duckDb.openDataSource(props);
            try (pool; Connection c = pool.getConnection()) {
                Object first;
                try (var ps = c.prepareStatement("SELECT 42")) {
                    first = ps.unwrap(org.duckdb.DuckDBPreparedStatement.class);
                }
                try (var ps = c.prepareStatement("SELECT 42")) {
                    Object second = ps.unwrap(org.duckdb.DuckDBPreparedStatement.class);
                    if (kept == 0) {
                        assertThat(second).isNotSameAs(first);
                    } else {
                        assertThat(second).isSameAs(first);
                    }
                }
            }
        }
    }

    @Test
    void onlyDuckDbHasOneWritingProcessThatMayTrustWhatItWrote() {
        // grouping's IssueAlertIndex is kept only then: StarRocks replicas write the same tables
        assertThat(duckDb.soleWriter()).isTrue();
        assertThat(starRocks.soleWriter()).isFalse();
    }

    @Test
    void starRocksHasNoReadOnlyTransactionSoGuardedSqlRestsOnItsOwnAccount() {
        assertThat(starRocks.beginReadOnlyTransaction()).isEmpty();
    }

    @Test
    void duckDbBulkReplaceReplacesByKeyInsertsTheRestAndLeavesNoStagingTableEvenOnRollback() throws Exception {
        try (TestStore store = new TestStore()) {
            JdbcTemplate jdbc = new JdbcTemplate(store.dataSource());
            jdbc.execute("CREATE TABLE alerts.bulk_t (id VARCHAR PRIMARY KEY, n INTEGER, seen_at TIMESTAMP, doc JSON)");
            jdbc.update("INSERT INTO alerts.bulk_t VALUES ('a', 1, TIMESTAMP '2026-11-29 00:00:00', '{}'), "
                    + "('b', 2, TIMESTAMP '2026-11-29 00:00:00', '{}')");
            java.time.LocalDateTime at = java.time.LocalDateTime.of(2026, 11, 29, 1, 0);
            List<Object[]> rows = List.of(new Object[] {"b", 20, at, "{\"k\":1}"}, new Object[] {"c", 3, at, null});
            try (java.sql.Connection c = store.dataSource().getConnection()) {
                assertThat(duckDb.bulkReplace(c, "alerts", "bulk_t", List.of("id", "n", "seen_at", "doc"), rows)).isTrue();
            }
            assertThat(jdbc.queryForList("SELECT id, n, CAST(doc AS VARCHAR) AS doc FROM alerts.bulk_t ORDER BY id"))
                    .extracting(r -> r.get("id") + "=" + r.get("n") + ":" + r.get("doc"))
                    .containsExactly("a=1:{}", "b=20:{\"k\":1}", "c=3:null");

            try (java.sql.Connection c = store.dataSource().getConnection()) {
                c.setAutoCommit(false);
                duckDb.bulkReplace(c, "alerts", "bulk_t", List.of("id", "n", "seen_at", "doc"),
                        List.<Object[]>of(new Object[] {"d", 4, at, null}));
                c.rollback();
                c.setAutoCommit(true);
            }
            assertThat(jdbc.queryForObject("SELECT count(*) FROM alerts.bulk_t", Integer.class)).isEqualTo(3);
            assertThat(jdbc.queryForList("SELECT table_name FROM information_schema.tables WHERE table_name LIKE '%_stage_%'"))
                    .isEmpty();
            assertThat(starRocks.bulkReplace(null, "alerts", "bulk_t", List.of("id"), rows)).as("StarRocks upserts").isFalse();
        }
    }
}
