package dev.byocfleet.sqlguard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The guard against the mutation corpus in {@code sqlguard/blocked.jsonl} (every statement must be
 * refused by the rule named beside it) and generated oversized inputs, and the statements in
 * {@code sqlguard/allowed.jsonl} that must pass.
 */
class SqlPolicyTest {

    private static final int ROW_LIMIT = 100;
    private static final SqlPolicy POLICY = new SqlPolicy(new TableAllowList(List.of()), 20_000, 32, 5_000);

    record Case(String category, String sql, String rule) {
        @Override
        public String toString() {
            String s = sql.replace('\n', ' ');
            return category + ": " + (s.length() > 80 ? s.substring(0, 80) + "..." : s);
        }
    }

    static List<Case> blocked() {
        List<Case> cases = new ArrayList<>();
        for (JsonNode n : lines("/sqlguard/blocked.jsonl")) {
            cases.add(new Case(n.get("category").asString(), n.get("sql").asString(), n.get("rule").asString()));
        }
        cases.addAll(generated());
        return cases;
    }

    /** Inputs too large to keep in the corpus file. */
    static List<Case> generated() {
        String deepParens = "SELECT " + "(".repeat(200) + "1" + ")".repeat(200) + " FROM metrics.metric_dictionary";
        String deepSubqueries = "SELECT * FROM " + "(SELECT * FROM ".repeat(60) + "metrics.metric_dictionary"
                + ") t".repeat(60);
        String huge = "SELECT '" + "x".repeat(25_000) + "' FROM metrics.metric_dictionary";
        String manyStatements = "SELECT 1;".repeat(1_000);
        StringBuilder unions = new StringBuilder("SELECT metric_name FROM metrics.metric_dictionary");
        for (int i = 0; i < 300; i++) {
            unions.append(" UNION ALL SELECT metric_name FROM metrics.metric_dictionary");
        }
        unions.append(" UNION ALL SELECT email FROM alerts.users");
        StringBuilder nestedCase = new StringBuilder("SELECT ");
        for (int i = 0; i < 40; i++) {
            nestedCase.append("CASE WHEN (1 = (1");
        }
        nestedCase.append(")) THEN 1 ELSE 0 END".repeat(40)).append(" FROM metrics.metric_dictionary");
        String longInWithSecret = "SELECT * FROM byoc.cluster WHERE cluster_id IN ("
                + String.join(", ", java.util.Collections.nCopies(2_000, "'c-000'"))
                + ") AND cluster_id IN (SELECT user_id FROM alerts.users)";
        return List.of(
                new Case("long_or_deep", deepParens, "too_deep"),
                new Case("long_or_deep", deepSubqueries, "too_deep"),
                new Case("long_or_deep", huge, "too_long"),
                new Case("long_or_deep", manyStatements, "multiple_statements"),
                new Case("long_or_deep", unions.toString(), "table_not_allowed"),
                new Case("long_or_deep", nestedCase.toString(), "too_deep"),
                new Case("long_or_deep", longInWithSecret, "table_not_allowed"));
    }

    static Stream<Arguments> blockedCases() {
        return blocked().stream().map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("blockedCases")
    void refusesTheStatementByItsRuleWithAReason(Case c) {
        SqlVerdict verdict = POLICY.check(c.sql(), ROW_LIMIT);
        assertThat(verdict).as(c.sql()).isInstanceOf(SqlVerdict.Rejected.class);
        SqlVerdict.Rejected rejected = (SqlVerdict.Rejected) verdict;
        assertThat(rejected.rule()).as("rule for %s (%s)", c.sql(), rejected.reason()).isEqualTo(c.rule());
        assertThat(rejected.reason()).isNotBlank();
    }

    @Test
    void blocksTheWholeMutationCorpus() {
        List<Case> cases = blocked();
        Map<String, int[]> byCategory = new TreeMap<>();
        int blocked = 0;
        for (Case c : cases) {
            boolean refused = POLICY.check(c.sql(), ROW_LIMIT) instanceof SqlVerdict.Rejected;
            blocked += refused ? 1 : 0;
            int[] counts = byCategory.computeIfAbsent(c.category(), k -> new int[2]);
            counts[0]++;
            counts[1] += refused ? 1 : 0;
        }
        System.out.printf("SQL guard mutation corpus: %d of %d blocked (%.1f %%)%n", blocked, cases.size(),
                100.0 * blocked / cases.size());
        byCategory.forEach((k, v) -> System.out.printf("  %-14s %3d / %3d%n", k, v[1], v[0]));
        assertThat(cases).hasSizeGreaterThanOrEqualTo(60);
        assertThat(blocked).isEqualTo(cases.size());
    }

    static Stream<String> allowedCases() {
        return lines("/sqlguard/allowed.jsonl").stream().map(n -> n.get("sql").asString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("allowedCases")
    void allowsReadOnlyQueries(String sql) {
        SqlVerdict verdict = POLICY.check(sql, ROW_LIMIT);
        assertThat(verdict).as(() -> sql + " -> " + verdict).isInstanceOf(SqlVerdict.Allowed.class);
    }

    @Test
    void addsALimitWhereThereIsNone() {
        SqlVerdict.Allowed a = allowed("SELECT * FROM byoc.cluster");
        assertThat(a.sql()).isEqualTo("SELECT * FROM byoc.cluster LIMIT 100");
        assertThat(a.rowLimit()).isEqualTo(100);
        assertThat(a.tables()).containsExactly("byoc.cluster");
    }

    @Test
    void clampsALargerLimitAndKeepsASmallerOneAndTheOffset() {
        assertThat(allowed("SELECT * FROM byoc.cluster LIMIT 5000").sql()).endsWith("LIMIT 100");
        SqlVerdict.Allowed small = allowed("SELECT * FROM byoc.cluster LIMIT 10 OFFSET 5");
        assertThat(small.sql()).contains("LIMIT 10").contains("OFFSET 5");
        assertThat(small.rowLimit()).isEqualTo(10);
    }

    @Test
    void turnsFetchFirstIntoALimit() {
        SqlVerdict.Allowed a = allowed("SELECT * FROM byoc.cluster FETCH FIRST 3 ROWS ONLY");
        assertThat(a.sql()).isEqualTo("SELECT * FROM byoc.cluster LIMIT 3");
    }

    @Test
    void limitsAUnionAsAWhole() {
        SqlVerdict.Allowed a = allowed("(SELECT cluster_id FROM byoc.cluster) UNION (SELECT cluster_id FROM byoc.node)");
        assertThat(a.sql()).endsWith("LIMIT 100");
        assertThat(a.tables()).containsExactly("byoc.cluster", "byoc.node");
    }

    @Test
    void runsTheRenderedStatementWithoutComments() {
        SqlVerdict.Allowed a = allowed("SELECT 1 /* note */ FROM metrics.metric_dictionary -- done");
        assertThat(a.sql()).doesNotContain("note").doesNotContain("--");
    }

    @Test
    void cteNamesDoNotCountAsTablesButTheirSourcesDo() {
        SqlVerdict.Allowed a = allowed("WITH hot AS (SELECT cluster_id FROM metrics.amv_hourly_snapshots_v1) "
                + "SELECT * FROM hot");
        assertThat(a.tables()).containsExactly("metrics.amv_hourly_snapshots_v1");
    }

    @Test
    void showDescribeAndExplainCarryNoLimit() {
        assertThat(allowed("SHOW TABLES FROM alerts").rowLimit()).isNull();
        assertThat(allowed("DESCRIBE byoc.node").tables()).containsExactly("byoc.node");
        assertThat(allowed("EXPLAIN SELECT * FROM byoc.node").sql()).doesNotContain("LIMIT");
    }

    @Test
    void extraTablesFromConfigurationBecomeReadableButSecretsNever() {
        SqlPolicy withExtra = new SqlPolicy(new TableAllowList(List.of("alerts.new_feature_table")), 20_000, 32, 5_000);
        assertThat(withExtra.check("SELECT * FROM alerts.new_feature_table", 10)).isInstanceOf(SqlVerdict.Allowed.class);
        for (String secrets : List.of("alerts.users", "alerts.notification_channels", "alerts.chat_mcp_servers")) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> new TableAllowList(List.of(secrets)))
                    .hasMessageContaining("may never be read").hasMessageContaining(secrets);
        }
    }

    private static SqlVerdict.Allowed allowed(String sql) {
        SqlVerdict verdict = POLICY.check(sql, ROW_LIMIT);
        assertThat(verdict).as(String.valueOf(verdict)).isInstanceOf(SqlVerdict.Allowed.class);
        return (SqlVerdict.Allowed) verdict;
    }

    private static List<JsonNode> lines(String resource) {
        try (InputStream in = SqlPolicyTest.class.getResourceAsStream(resource)) {
            JsonMapper mapper = JsonMapper.builder().build();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.isBlank())
                    .map(mapper::readTree)
                    .toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
