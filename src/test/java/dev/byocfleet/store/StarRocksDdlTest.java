package dev.byocfleet.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.byocfleet.store.DdlText.Column;
import dev.byocfleet.store.DdlText.Statement;
import dev.byocfleet.support.TestStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The StarRocks DDL cannot run here (no server), so it is held to the DuckDB schema and to the
 * StarRocks rules it must follow, and every rendered statement is pinned in a golden file.
 */
class StarRocksDdlTest {

    private static final Path GOLDEN = Path.of("src/test/resources/store/starrocks-ddl.golden.sql");
    private static final String REGENERATE = "mvn -B -q test -Dskip.web=true -Dtest=StarRocksDdlTest -Dgolden.update=true";
    private static final String MV = "metrics.amv_hourly_snapshots_v1";
    private static final String BACKFILL = new StarRocksDialect().snapshotBackfillTable();

    /** Append-only or time-keyed facts and the column of their day partitions. */
    private static final Map<String, String> DAILY_FACTS = Map.of(
            "metrics.metrics_table", "ts",
            "metrics.hourly_snapshots_backfill", "snapshot_hour",
            "byoc.bill_detail", "bill_date",
            "alerts.issue_events", "created_at",
            "alerts.llm_usage", "created_at",
            "alerts.cluster_health_scores", "scored_at",
            "alerts.cluster_risk_snapshots", "snapshot_hour",
            "alerts.capacity_forecasts", "computed_at");

    private static final List<Statement> STARROCKS = statements("starrocks");
    private static final List<Statement> DUCKDB = statements("duckdb");

    @Test
    void rendersExactlyTheGoldenStatements() throws IOException {
        String rendered = render(new SchemaMigrator("starrocks").migrations());
        if (Boolean.getBoolean("golden.update")) {
            Files.createDirectories(GOLDEN.getParent());
            Files.writeString(GOLDEN, rendered, StandardCharsets.UTF_8);
        }
        String golden = Files.exists(GOLDEN) ? Files.readString(GOLDEN, StandardCharsets.UTF_8) : "";
        assertThat(rendered)
                .as("the StarRocks DDL differs from %s; if the change is intended, regenerate it with%n  %s%n"
                        + "and review the diff of the golden file before committing", GOLDEN, REGENERATE)
                .isEqualTo(golden);
    }

    @Test
    void hasEveryDuckDbTableAndViewWithTheSameColumnsInTheSameOrder() {
        Map<String, List<String>> duck = duckDbColumns();
        Map<String, List<String>> star = new LinkedHashMap<>();
        for (Statement s : relations(STARROCKS)) {
            star.put(s.name(), switch (s.kind()) {
                case "TABLE" -> s.columnNames();
                case "MATERIALIZED VIEW" -> DdlText.selectNames(firstSelectList(s.sql()));
                default -> List.of();
            });
        }
        assertThat(star.keySet()).containsAll(SchemaMigratorTest.EXPECTED);
        Set<String> expected = new TreeSet<>(duck.keySet());
        expected.add(BACKFILL);
        assertThat(new TreeSet<>(star.keySet())).isEqualTo(expected);
        for (Statement s : relations(STARROCKS)) {
            if (!s.kind().equals("VIEW")) {
                String twin = s.name().equals(BACKFILL) ? MV : s.name();
                assertThat(star.get(s.name())).as("columns of %s", s.name()).isEqualTo(duck.get(twin));
            }
        }
    }

    @Test
    void viewsRunTheSameQueryAsOnDuckDb() {
        Map<String, Statement> duck = byName(relations(DUCKDB));
        for (Statement s : relations(STARROCKS)) {
            if (s.kind().equals("VIEW")) {
                assertThat(s.sql().startsWith("CREATE OR REPLACE VIEW")).as(s.name()).isTrue();
                assertThat(normalized(s.tail())).as("query of %s", s.name())
                        .isEqualTo(normalized(duck.get(s.name()).tail()));
            }
        }
    }

    @Test
    void columnTypesAreTheStarRocksEquivalentsOfDuckDbs() {
        Map<String, Statement> star = byName(relations(STARROCKS));
        for (Statement duck : relations(DUCKDB)) {
            if (!duck.kind().equals("TABLE")) {
                continue;
            }
            // The snapshot table is a materialized view here; its twin for written rows is the backfill table.
            Statement twin = star.get(duck.name().equals(MV) ? BACKFILL : duck.name());
            assertThat(twin.kind()).as(duck.name()).isEqualTo("TABLE");
            for (Column c : duck.columns()) {
                Column s = twin.column(c.name()).orElseThrow();
                assertThat(s.type()).as("type of %s.%s", duck.name(), c.name()).isEqualTo(starRocksType(c.type()));
                if (c.notNull()) {
                    assertThat(s.notNull()).as("%s.%s is NOT NULL on DuckDB", duck.name(), c.name()).isTrue();
                }
            }
        }
    }

    @Test
    void everyTableHasOneKeyModelAndHashBucketsOnItsOwnColumns() {
        for (Statement s : tables(STARROCKS)) {
            assertThat(s.keyModels()).as("key model of %s", s.name()).hasSize(1);
            assertThat(s.hashColumns()).as("DISTRIBUTED BY HASH of %s", s.name()).isNotEmpty();
            assertThat(s.columnNames()).as(s.name()).containsAll(s.hashColumns()).containsAll(s.keyColumns());
            assertThat(s.columnNames().subList(0, s.keyColumns().size()))
                    .as("key columns of %s lead the table", s.name()).isEqualTo(s.keyColumns());
        }
    }

    @Test
    void primaryKeysAreNotNullAndHoldThePartitionAndBucketColumns() {
        for (Statement s : tables(STARROCKS)) {
            if (!s.keyModels().equals(List.of("PRIMARY"))) {
                continue;
            }
            List<String> key = s.keyColumns();
            for (String k : key) {
                assertThat(s.column(k).orElseThrow().notNull()).as("%s.%s is NOT NULL", s.name(), k).isTrue();
            }
            assertThat(key).as("bucket columns of %s are in its key", s.name()).containsAll(s.hashColumns());
            s.dateTruncPartition().ifPresent(p ->
                    assertThat(key).as("partition column of %s is in its key", s.name()).contains(p.get(1)));
            assertThat(s.hasProperty("enable_persistent_index", "true")).as(s.name()).isTrue();
        }
    }

    @Test
    void factsArePartitionedByDay() {
        Map<String, Statement> star = byName(tables(STARROCKS));
        DAILY_FACTS.forEach((table, column) -> assertThat(star.get(table).dateTruncPartition())
                .as("partitioning of %s", table).contains(List.of("day", column)));
        // Duplicate Key tables are exactly the daily facts.
        Set<String> duplicates = tables(STARROCKS).stream()
                .filter(s -> s.keyModels().equals(List.of("DUPLICATE")))
                .map(Statement::name).collect(Collectors.toCollection(TreeSet::new));
        assertThat(duplicates).isSubsetOf(DAILY_FACTS.keySet());
        assertThat(star.get("byoc.cluster_state_history").keyModels()).containsExactly("PRIMARY");
    }

    @Test
    void snapshotTableIsAnAsyncMaterializedViewRefreshedHourly() {
        Statement mv = byName(relations(STARROCKS)).get(MV);
        assertThat(mv.kind()).isEqualTo("MATERIALIZED VIEW");
        assertThat(mv.sql()).startsWith("CREATE MATERIALIZED VIEW IF NOT EXISTS " + MV)
                .contains("REFRESH ASYNC EVERY (INTERVAL 1 HOUR)")
                .contains("PARTITION BY date_trunc('day', snapshot_hour)")
                .contains("percentile_approx(value, 0.95) AS p95_value")
                .contains("max_by(value, ts) AS last_value")
                .contains("FROM metrics.metrics_table")
                .contains("UNION ALL")
                .contains("FROM " + BACKFILL);
        assertThat(new StarRocksDialect().storeManagedSnapshotRefresh()).hasValueSatisfying(sql -> assertThat(sql).contains(MV));
    }

    @Test
    void leaksNoDuckDbOnlySyntax() {
        for (Statement s : STARROCKS) {
            assertThat(s.sql()).as(s.sql())
                    .doesNotContainIgnoringCase("INSERT OR REPLACE")
                    .doesNotContainIgnoringCase("CREATE SCHEMA")
                    .doesNotContainIgnoringCase("quantile_cont")
                    .doesNotContain("::")
                    .doesNotContainPattern(Pattern.compile("(?i)\\bTIMESTAMP\\b"))
                    // a bare VARCHAR is VARCHAR(1) on StarRocks, not an unbounded string
                    .doesNotContainPattern(Pattern.compile("(?i)\\bVARCHAR\\b(?!\\()"));
            assertThat(s.columns()).as(s.name()).extracting(Column::type)
                    .doesNotContain("TIMESTAMP", "INTEGER", "VARCHAR");
        }
    }

    @Test
    void quotesNoIdentifiers() {
        // Property keys and values are single-quoted strings, so no double quote is needed anywhere.
        for (Statement s : STARROCKS) {
            assertThat(s.sql()).as(s.sql()).doesNotContain("`").doesNotContain("\"");
        }
    }

    @Test
    void everyStatementIsIdempotent() {
        Pattern idempotent = Pattern.compile(
                "^CREATE ((DATABASE|TABLE|MATERIALIZED VIEW) IF NOT EXISTS|OR REPLACE VIEW) ");
        for (Statement s : STARROCKS) {
            assertThat(s.sql()).as(s.sql()).containsPattern(idempotent);
        }
    }

    private static String render(List<SchemaMigrator.Migration> migrations) {
        StringBuilder out = new StringBuilder();
        for (SchemaMigrator.Migration m : migrations) {
            out.append("-- ").append(m.version() == 0 ? "bootstrap" : "V%03d__%s".formatted(m.version(), m.name()))
                    .append("\n\n");
            m.statements().forEach(sql -> out.append(sql).append(";\n\n"));
        }
        return out.toString();
    }

    /** Column names per table and view of a migrated DuckDB store, in ordinal order. */
    private static Map<String, List<String>> duckDbColumns() {
        try (TestStore store = new TestStore()) {
            Map<String, List<String>> columns = new LinkedHashMap<>();
            new JdbcTemplate(store.dataSource()).query("""
                    SELECT table_schema || '.' || table_name, column_name
                    FROM information_schema.columns
                    WHERE table_schema IN ('metrics', 'byoc', 'alerts')
                    ORDER BY table_schema, table_name, ordinal_position""",
                    rs -> {
                        columns.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
                    });
            return columns;
        }
    }

    private static String starRocksType(String duckDbType) {
        return switch (duckDbType) {
            case "TIMESTAMP" -> "DATETIME";
            case "INTEGER" -> "INT";
            case "VARCHAR" -> "STRING";
            default -> duckDbType;
        };
    }

    private static String firstSelectList(String sql) {
        var m = Pattern.compile("(?is)\\bAS\\s+SELECT\\s+(.*?)\\s+FROM\\b").matcher(sql);
        assertThat(m.find()).as("a SELECT in %s", sql).isTrue();
        return m.group(1);
    }

    private static List<Statement> statements(String dialect) {
        return new SchemaMigrator(dialect).migrations().stream()
                .flatMap(m -> m.statements().stream())
                .map(DdlText::parse)
                .toList();
    }

    private static List<Statement> relations(List<Statement> all) {
        return all.stream().filter(s -> Set.of("TABLE", "VIEW", "MATERIALIZED VIEW").contains(s.kind())).toList();
    }

    private static List<Statement> tables(List<Statement> all) {
        return all.stream().filter(s -> s.kind().equals("TABLE")).toList();
    }

    /** By name; a later version that creates a relation again (to redefine it) replaces the earlier CREATE. */
    private static Map<String, Statement> byName(List<Statement> all) {
        return all.stream().collect(Collectors.toMap(Statement::name, Function.identity(), (earlier, later) -> later));
    }

    private static String normalized(String sql) {
        return sql.replaceAll("\\s+", " ").strip();
    }
}
