package dev.byocfleet.agents;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Runs the evaluation suite over the shipped cases in rules mode, prints the score table (CI shows
 * it in the test output) and fails below the target top-1 accuracy of 85%. Its own store: the
 * suite regenerates the background fleet.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
        "byoc.demo.preset=none",
        "byoc.metrics.refresh-enabled=false",
        "byoc.health.schedule-enabled=false",
        "byoc.analysis.schedule-enabled=false",
        "byoc.agents.schedule-enabled=false",
        "byoc.knowledge.index-dir=memory",
        "byoc.auth.admin-email=eval-admin@byoc.test",
        "byoc.auth.admin-password=an eval admin password"})
class EvalRunnerIT {

    static final double TARGET_TOP1 = 0.85;
    private static final Path DATA_DIR = dataDir();

    @Autowired
    private EvalRunner runner;

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        registry.add("byoc.store.data-dir", DATA_DIR::toString);
    }

    @Test
    void shippedCasesScoreAtLeastTheTargetInRulesMode() {
        EvalReport report = runner.run(Path.of("eval/cases"));

        System.out.println("\nEvaluation suite (rules mode), eval/cases:\n" + report.markdown());
        assertThat(report.cases()).isGreaterThanOrEqualTo(30);
        assertThat(report.rows()).allSatisfy(r -> assertThat(r.error()).as(r.caseId()).isNull());
        assertThat(report.citationValidity()).isEqualTo(1.0);
        assertThat(report.rows()).extracting(EvalReport.Row::expected).containsAll(RootCause.ALL.stream()
                .filter(c -> !c.equals(RootCause.UNKNOWN)).toList());
        assertThat(report.top1Accuracy()).as("top-1 accuracy").isGreaterThanOrEqualTo(TARGET_TOP1);
    }

    private static Path dataDir() {
        try {
            return Files.createTempDirectory("byoc-eval-");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
