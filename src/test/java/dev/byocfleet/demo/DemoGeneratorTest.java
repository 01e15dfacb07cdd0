package dev.byocfleet.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

class DemoGeneratorTest {

    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    /** count and an order-independent hash of every row; doubles rounded so summation order cannot matter. */
    static Map<String, String> checksums(JdbcTemplate jdbc) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String table : DemoGenerator.TABLES) {
            String[] parts = table.split("\\.");
            List<Map<String, Object>> cols = jdbc.queryForList("""
                    SELECT column_name, data_type FROM information_schema.columns
                    WHERE table_schema = ? AND table_name = ? ORDER BY ordinal_position""", parts[0], parts[1]);
            String expr = cols.stream().map(c -> {
                String name = (String) c.get("column_name");
                return "DOUBLE".equals(c.get("data_type")) ? "round(" + name + ", 6)" : name;
            }).collect(Collectors.joining(", "));
            // rollup bookkeeping records when the refresh ran: not part of the fleet's content
            if (table.equals("metrics.rollup_state")) {
                expr = "rollup_name, watermark, hours_refreshed, rows_written";
            }
            // alerts arrive through a loader run whose id is random; every other column comes from the files
            if (table.equals("alerts.lark_alerts")) {
                expr = cols.stream().map(c -> (String) c.get("column_name")).filter(c -> !c.equals("ingest_run_id"))
                        .collect(Collectors.joining(", "));
            }
            out.put(table, jdbc.queryForObject(
                    "SELECT count(*) || ':' || coalesce(sum(hash(" + expr + ")), 0) FROM " + table, String.class));
        }
        return out;
    }

    @Test
    void sameSeedGivesIdenticalTablesAndFiles() throws Exception {
        try (DemoFixture a = DemoFixture.tiny(7, null); DemoFixture b = DemoFixture.tiny(7, null)) {
            Map<String, String> sumsA = checksums(a.jdbc);
            assertThat(sumsA).isEqualTo(checksums(b.jdbc));
            assertThat(sumsA.get("byoc.cluster")).startsWith("10:");
            assertThat(Files.readString(a.report.groundTruth())).isEqualTo(Files.readString(b.report.groundTruth()));
            try (var files = Files.walk(a.report.alertFiles())) {
                for (var f : files.filter(Files::isRegularFile).toList()) {
                    var twin = b.report.alertFiles().resolve(a.report.alertFiles().relativize(f));
                    assertThat(Files.readAllBytes(twin)).as(f.toString()).isEqualTo(Files.readAllBytes(f));
                }
            }
        }
    }

    @Test
    void differentSeedGivesADifferentFleet() {
        try (DemoFixture a = DemoFixture.tiny(7, null); DemoFixture b = DemoFixture.tiny(8, null)) {
            assertThat(checksums(a.jdbc).get("byoc.cluster")).isNotEqualTo(checksums(b.jdbc).get("byoc.cluster"));
        }
    }

    @Test
    void fillsEveryControlPlaneTableAndRollsRawSamplesUp() {
        try (DemoFixture f = DemoFixture.tiny(42, null)) {
            for (String table : DemoGenerator.TABLES) {
                if (table.equals("byoc.autoscaling_policy")) {
                    continue; // only clusters that autoscaled have one
                }
                assertThat(f.jdbc.queryForObject("SELECT count(*) FROM " + table, Long.class)).as(table).isPositive();
            }
            // the newest hours come from the application's rollup of raw samples
            Long rawHours = f.jdbc.queryForObject(
                    "SELECT count(DISTINCT date_trunc('hour', ts)) FROM metrics.metrics_table", Long.class);
            assertThat(rawHours).isEqualTo((long) Preset.TINY.rawHours());
            Long mismatched = f.jdbc.queryForObject("""
                    SELECT count(*) FROM (
                      SELECT cluster_id, metric_name, date_trunc('hour', ts) AS h, count(*) AS n, avg(value) AS a
                      FROM metrics.metrics_table GROUP BY cluster_id, metric_name, date_trunc('hour', ts)) r
                    LEFT JOIN metrics.amv_hourly_snapshots_v1 s
                      ON s.cluster_id = r.cluster_id AND s.metric_name = r.metric_name AND s.snapshot_hour = r.h
                    WHERE s.sample_count IS NULL OR s.sample_count <> r.n OR abs(s.avg_value - r.a) > 1e-9""", Long.class);
            assertThat(mismatched).isZero();
            // every (cluster, metric, hour) appears once
            Long duplicates = f.jdbc.queryForObject("""
                    SELECT count(*) FROM (SELECT cluster_id, metric_name, snapshot_hour FROM metrics.amv_hourly_snapshots_v1
                    GROUP BY cluster_id, metric_name, snapshot_hour HAVING count(*) > 1) d""", Long.class);
            assertThat(duplicates).isZero();
        }
    }

    @Test
    void snapshotHistoryLiesInTimeOrderADayAtATimeAsTheRollupWouldAppendIt() {
        try (DemoFixture f = DemoFixture.tiny(42, null)) {
            // in storage order (rowid), no row is from an earlier day than a row before it
            Integer backwards = f.jdbc.queryForObject("""
                    SELECT count(*) FROM (
                      SELECT date_trunc('day', snapshot_hour) AS d,
                             max(date_trunc('day', snapshot_hour)) OVER (ORDER BY rowid ROWS BETWEEN UNBOUNDED PRECEDING
                                                                         AND 1 PRECEDING) AS latest_before
                      FROM metrics.amv_hourly_snapshots_v1) WHERE d < latest_before""", Integer.class);
            assertThat(f.jdbc.queryForObject("SELECT count(DISTINCT date_trunc('day', snapshot_hour)) FROM metrics.amv_hourly_snapshots_v1",
                    Integer.class)).isGreaterThan(2);
            assertThat(backwards).isZero();
        }
    }

    @Test
    void billingMatchesNodeCountsAndUptime() {
        try (DemoFixture f = DemoFixture.tiny(42, null)) {
            Long wrong = f.jdbc.queryForObject("""
                    SELECT count(*) FROM byoc.bill_detail
                    WHERE abs(ccu_usage - node_count * ccu_rate * uptime_hours) > 0.00001
                       OR ccu_usage_after_discount > ccu_usage OR uptime_hours > 1""", Long.class);
            assertThat(wrong).isZero();
            Long weeklyOff = f.jdbc.queryForObject("""
                    SELECT count(*) FROM byoc.ccu_weekly_rollup w
                    JOIN (SELECT cluster_id, CAST(date_trunc('week', bill_date) AS DATE) AS wk, sum(ccu_usage) AS ccu
                          FROM byoc.bill_detail GROUP BY cluster_id, date_trunc('week', bill_date)) b
                      ON b.cluster_id = w.cluster_id AND b.wk = w.week_start
                    WHERE abs(b.ccu - w.ccu_usage) > 0.01""", Long.class);
            assertThat(weeklyOff).isZero();
            // no bill while a cluster is released
            Long afterRelease = f.jdbc.queryForObject("""
                    SELECT count(*) FROM byoc.bill_detail b JOIN byoc.cluster c ON c.cluster_id = b.cluster_id
                    WHERE c.released_at IS NOT NULL AND b.bill_date + make_time(b.bill_hour, 0, 0) > c.released_at""",
                    Long.class);
            assertThat(afterRelease).isZero();
        }
    }

    @Test
    void groundTruthStaysOutOfTheStore() throws Exception {
        String yaml = """
                scenarios:
                  - id: secret-truth-marker
                    kind: disk_capacity
                    start: -20h
                    duration: 10h
                    intensity: 0.9
                """;
        try (DemoFixture f = DemoFixture.tiny(42, yaml)) {
            assertThat(Files.readString(f.report.groundTruth())).contains("secret-truth-marker", "disk_capacity");
            assertThat(f.jdbc.queryForObject(
                    "SELECT count(*) FROM alerts.lark_alerts WHERE raw_payload LIKE '%secret-truth%' "
                            + "OR labels::VARCHAR LIKE '%secret-truth%' OR summary LIKE '%secret-truth%'", Long.class))
                    .isZero();
            try (var files = Files.walk(f.report.alertFiles())) {
                for (var file : files.filter(Files::isRegularFile).toList()) {
                    assertThat(Files.readString(file)).as(file.toString()).doesNotContain("secret-truth-marker");
                }
            }
        }
    }

    @Test
    void alertsArriveThroughTheLarkLoaderOneRowPerAlertOfEachMessage() {
        try (DemoFixture f = DemoFixture.tiny(42, null)) {
            var plan = DemoGenerator.plan(new GenerateOptions(Preset.TINY, 42, DemoFixture.END, List.of(), false, null));
            var messages = new AlertPayloads(plan.fleet(), 42, DemoGenerator.CHAT_ID).larkMessages(plan.alerts());
            long announced = messages.stream().mapToLong(m -> m.alerts().size()).sum();
            Map<String, Object> run = f.jdbc.queryForMap("SELECT * FROM alerts.ingest_runs WHERE kind = 'lark_loader'");
            assertThat(run).containsEntry("kind", "lark_loader").containsEntry("status", "succeeded")
                    .containsEntry("requested_by", "demo-generator");
            Long parsed = f.jdbc.queryForObject("SELECT count(*) FROM alerts.lark_alerts WHERE parse_status = 'parsed' "
                    + "AND source = 'lark_mcp' AND ingest_run_id = ? AND cluster_id IS NOT NULL", Long.class, run.get("run_id"));
            assertThat(parsed).isEqualTo(announced);
            assertThat(((Number) run.get("alerts_inserted")).longValue()).isEqualTo(
                    f.jdbc.queryForObject("SELECT count(*) FROM alerts.lark_alerts WHERE source = 'lark_mcp'", Long.class));
            // what is not parsed is a card 2.0 placeholder, and received_at is the message's create_time
            assertThat(f.jdbc.queryForList("SELECT DISTINCT parse_error FROM alerts.lark_alerts WHERE parse_status <> 'parsed' AND source = 'lark_mcp'",
                    String.class)).allMatch(e -> e.contains("upgrade placeholder"));
            assertThat(f.jdbc.queryForObject("SELECT count(*) FROM alerts.lark_alerts WHERE source = 'lark_mcp' AND epoch_ms(received_at) <> "
                    + "CAST(json_extract_string(raw_payload, '$.create_time') AS BIGINT)", Long.class)).isZero();
        }
    }

    @Test
    void webhookBodiesArriveThroughTheWebhookIntakeOnceAndAReplayAddsNothing() {
        try (DemoFixture f = DemoFixture.tiny(42, null)) {
            var plan = DemoGenerator.plan(new GenerateOptions(Preset.TINY, 42, DemoFixture.END, List.of(), false, null));
            // one row per (source, alert, status, start), however many notifications repeated it
            Set<String> expected = new HashSet<>();
            for (String source : List.of("alertmanager", "grafana")) {
                for (var n : WebhookBodies.notifications(plan.alerts(), source)) {
                    n.firing().forEach(a -> expected.add(source + "|" + a.fingerprint() + "|firing|" + SECONDS.format(a.startsAt())));
                    n.resolved().forEach(a -> expected.add(source + "|" + a.fingerprint() + "|resolved|" + SECONDS.format(a.startsAt())));
                }
            }
            String rows = """
                    SELECT source || '|' || fingerprint || '|' || status || '|' || strftime(starts_at, '%Y-%m-%dT%H:%M:%S')
                    FROM alerts.lark_alerts WHERE source IN ('alertmanager', 'grafana')""";
            assertThat(expected).isNotEmpty();
            assertThat(f.jdbc.queryForList(rows, String.class)).doesNotHaveDuplicates()
                    .containsExactlyInAnyOrderElementsOf(expected);
            assertThat(f.report.rowsPerTable()).containsEntry("alerts.lark_alerts (from webhooks)", (long) expected.size());
            // parsed and mapped like a live delivery, received when the sender sent it, not at generation time
            assertThat(f.jdbc.queryForObject("""
                    SELECT count(*) FROM alerts.lark_alerts WHERE source IN ('alertmanager', 'grafana')
                      AND (parse_status <> 'parsed' OR cluster_id IS NULL OR received_at < starts_at
                           OR received_at > ?)""", Long.class, DemoFixture.END.plusMinutes(1))).isZero();

            var again = f.generator.replayWebhooks(f.report.alertFiles(), plan.alerts());
            assertThat(again.inserted()).isZero();
            assertThat(again.duplicates()).isPositive();
            assertThat(f.jdbc.queryForObject("SELECT count(*) FROM alerts.lark_alerts WHERE source IN "
                    + "('alertmanager', 'grafana')", Long.class)).isEqualTo(expected.size());
        }
    }

    @Test
    void refusesAStoreThatHoldsAFleetUnlessReplacing() {
        try (DemoFixture f = DemoFixture.tiny(42, null)) {
            var again = new GenerateOptions(Preset.TINY, 42, DemoFixture.END, List.of(), false, null);
            assertThatThrownBy(() -> f.generator.generate(again)).hasMessageContaining("--replace");
            f.generator.generate(new GenerateOptions(Preset.TINY, 43, DemoFixture.END, List.of(), true, null));
            assertThat(f.jdbc.queryForObject("SELECT count(*) FROM byoc.cluster", Long.class)).isEqualTo(10L);
        }
    }

    @Test
    void scenarioTargetingNoClusterIsRejectedWithItsName() {
        String yaml = """
                - id: impossible
                  kind: be_oom
                  target: { region: mars-north-1 }
                  start: -10h
                  duration: 2h
                """;
        assertThatThrownBy(() -> DemoFixture.tiny(42, yaml)).hasMessageContaining("impossible")
                .hasMessageContaining("no cluster matches");
    }
}
