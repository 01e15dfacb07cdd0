package dev.byocfleet.risk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.byocfleet.analysis.AnalysisService;
import dev.byocfleet.analysis.Forecast;
import dev.byocfleet.demo.DemoGenerator;
import dev.byocfleet.demo.GenerateOptions;
import dev.byocfleet.demo.Preset;
import dev.byocfleet.health.HealthScore;
import dev.byocfleet.health.HealthService;
import dev.byocfleet.support.GroundTruthFile;
import dev.byocfleet.support.GroundTruthFile.Incident;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The demo preset with its built-in scenarios: the clusters the scenarios drive into trouble in the
 * scored window rank critical or high, the false alarm does not, and the disk fills are forecast to
 * breach inside their true window, at the end of the data and from history cut during the fill.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
        "byoc.demo.preset=none",
        "byoc.metrics.refresh-enabled=false",
        "byoc.health.schedule-enabled=false",
        "byoc.analysis.schedule-enabled=false"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoFleetRiskIT {

    static final LocalDateTime END = LocalDateTime.of(2026, 11, 29, 0, 0);
    static final LocalDateTime AS_OF = END.minusHours(1);
    private static final Path DATA_DIR = tempDir();

    @Autowired
    DemoGenerator generator;
    @Autowired
    HealthService health;
    @Autowired
    AnalysisService analysis;
    @Autowired
    RiskService risk;
    @Autowired
    JdbcTemplate jdbc;

    private List<Incident> incidents;
    private Map<String, String> levels;

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        registry.add("byoc.store.data-dir", DATA_DIR::toString);
    }

    @BeforeAll
    void generateAndScore() {
        generator.generate(new GenerateOptions(Preset.DEMO, 42, END, List.of(), false, null));
        health.recompute(null);
        incidents = GroundTruthFile.read(DATA_DIR.resolve("ground-truth.json"));
        levels = jdbc.queryForList("SELECT cluster_id, risk_level FROM alerts.cluster_risk_snapshots WHERE snapshot_hour = ?",
                AS_OF).stream().collect(Collectors.toMap(r -> (String) r.get("cluster_id"), r -> (String) r.get("risk_level")));
    }

    /** Incidents with trouble in the 24 h the scores cover. */
    private List<Incident> inWindow() {
        return incidents.stream().filter(i -> !i.kind().equals("no_incident"))
                .filter(i -> i.end().isAfter(AS_OF.minusHours(23)) && !i.start().isAfter(AS_OF)).toList();
    }

    @Test
    void clustersDrivenIntoTroubleRankCriticalOrHigh() {
        assertThat(inWindow()).extracting(Incident::scenarioId)
                .contains("demo-disk-tier-s", "demo-compaction-etl", "demo-be-oom", "demo-query-overload",
                        "demo-routine-load-lag", "demo-node-failure", "demo-version-bug");
        for (Incident i : inWindow()) {
            assertThat(levels.get(i.clusterId())).as("%s on %s", i.scenarioId(), i.clusterId()).isIn("critical", "high");
        }
    }

    @Test
    void theFalseAlarmIsNotCriticalOrHighAndMostCriticalClustersHaveRealTrouble() {
        Incident falseAlarm = incidents.stream().filter(i -> i.scenarioId().equals("demo-false-alarm")).findFirst().orElseThrow();
        assertThat(levels.get(falseAlarm.clusterId())).isIn("low", "medium");
        Set<String> trouble = inWindow().stream().map(Incident::clusterId).collect(Collectors.toSet());
        List<String> critical = levels.entrySet().stream().filter(e -> e.getValue().equals("critical")).map(Map.Entry::getKey).toList();
        long real = critical.stream().filter(trouble::contains).count();
        assertThat(real).as("critical clusters with an incident in the window, of %s", critical)
                .isGreaterThanOrEqualTo(Math.round(critical.size() * 0.75));
    }

    @Test
    void diskFillsAreForecastToBreachInsideTheirTrueWindow() {
        List<Incident> fills = incidents.stream().filter(i -> i.kind().equals("disk_capacity")).toList();
        assertThat(fills).extracting(Incident::scenarioId).contains("demo-disk-tier-s", "demo-disk-early");
        for (Incident fill : fills) {
            // from the history up to a third of the way into the incident, before the disk is full
            long hours = Duration.between(fill.start(), fill.end()).toHours();
            LocalDateTime cut = fill.start().plusHours(Math.round(hours * 0.35));
            if (cut.isAfter(AS_OF)) {
                continue;
            }
            analysis.refreshForecasts(cut);
            assertBreachWithin(fill, cut);
        }
        analysis.refreshForecasts(AS_OF);
        for (Incident fill : fills.stream().filter(f -> f.end().isAfter(AS_OF)).toList()) {
            assertBreachWithin(fill, AS_OF);
        }
    }

    @Test
    void aPassTakesTheScoresAndBreachesItStoredFromMemoryWithTheSameRiskAsReadBackFromTheStore() {
        analysis.refreshForecasts(AS_OF);
        health.scoreFleet(AS_OF);
        java.util.Comparator<HealthScore> byCluster = java.util.Comparator.comparing(HealthScore::clusterId);
        List<HealthScore> kept = health.scoresAt(AS_OF).stream().sorted(byCluster).toList();
        Map<String, Forecast> keptBreaches = analysis.nearestBreaches();
        List<RiskAssessment> fromMemory = sorted(risk.assess(AS_OF));

        health.forgetLastPass();
        analysis.forgetLastRefresh();
        assertThat(keptBreaches).isNotEmpty().isEqualTo(analysis.nearestBreaches());
        assertThat(kept).isNotEmpty().isEqualTo(health.scoresAt(AS_OF).stream().sorted(byCluster).toList());
        assertThat(fromMemory).isNotEmpty().isEqualTo(sorted(risk.assess(AS_OF)));
    }

    private static List<RiskAssessment> sorted(List<RiskAssessment> assessments) {
        return assessments.stream().sorted(java.util.Comparator.comparing(RiskAssessment::clusterId)).toList();
    }

    private void assertBreachWithin(Incident fill, LocalDateTime computedAt) {
        Map<String, Object> f = jdbc.queryForMap("SELECT status, breach_at, method FROM alerts.capacity_forecasts "
                + "WHERE cluster_id = ? AND metric_name = 'disk_used_pct' AND computed_at = ?", fill.clusterId(), computedAt);
        assertThat(f.get("status")).as("%s as of %s: %s", fill.scenarioId(), computedAt, f).isIn("breach", "breached");
        LocalDateTime at = ((java.sql.Timestamp) f.get("breach_at")).toLocalDateTime();
        assertThat(at).as("%s as of %s: %s", fill.scenarioId(), computedAt, f)
                .isAfterOrEqualTo(fill.start()).isBeforeOrEqualTo(fill.end());
    }

    private static Path tempDir() {
        try {
            Path dir = Files.createTempDirectory("byoc-demo-risk-");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try (var files = Files.walk(dir)) {
                    files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                } catch (IOException ignored) {
                    // a leftover temp folder is harmless
                }
            }));
            return dir;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
