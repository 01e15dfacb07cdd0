package dev.byocfleet.agents;

import static org.assertj.core.api.Assertions.assertThat;

import dev.byocfleet.agents.PatrolReport.Changes;
import dev.byocfleet.agents.PatrolReport.Findings;
import dev.byocfleet.agents.PatrolReport.Pattern;
import dev.byocfleet.agents.PatrolReport.ProblemCluster;
import dev.byocfleet.agents.PatrolReport.Progress;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PatrolMarkdownTest {

    private static final LocalDateTime AT = LocalDateTime.of(2026, 11, 29, 6, 0);
    private static final Findings FINDINGS = new Findings(new Progress(8, 8, "done"), "test",
            Map.of("critical", 1), 71.5, 80.0, List.of(), List.of(), List.of(), 120.4, 2, null);

    @Test
    void rendersTroubledClustersPatternsAndChangesWithAlertTextKeptOnOneLine() {
        String md = PatrolMarkdown.render(AT, FINDINGS,
                List.of(new ProblemCluster("c-1", "prod-one", "S", "critical", 40.0, List.of("disk 95% full", "BE down"))),
                List.of(new Pattern("BE down | now\n## injected heading", "version", "3.3.7", 3, List.of("c-1", "c-2", "c-3"))),
                new Changes("p-0", AT.minusHours(12), Map.of("critical", 1), List.of("c-1"), List.of("c-9"), -3.5));

        assertThat(md).startsWith("## Fleet patrol 2026-11-29T06:00 UTC")
                .contains("### Clusters in trouble (1)", "**prod-one** (critical, tier S): disk 95% full; BE down",
                        "with version 3.3.7", "2 idle cluster(s), $120 a week",
                        "- new in trouble: [c-1]", "- recovered: [c-9]", "- average score change: -3.5")
                .contains("- BE down \\| now ## injected heading on 3 clusters")
                .doesNotContain("\n## injected");
    }

    @Test
    void firstPatrolSaysThereIsNothingToCompareAndTheHeadingShowsWholeSeconds() {
        String md = PatrolMarkdown.render(AT.plusSeconds(7).plusNanos(591_107_463), FINDINGS, List.of(), List.of(),
                new Changes(null, null, Map.of(), List.of(), List.of(), null));
        assertThat(md).startsWith("## Fleet patrol 2026-11-29T06:00:07 UTC\n")
                .contains("### Clusters in trouble (0)", "First patrol: nothing to compare with.");
    }

    @Test
    void cardTurnsHeadingsIntoBoldLinesAndCapsTheText() {
        String card = PatrolMarkdown.card("## Title\n### Section\n- item\n" + "x".repeat(5_000));
        assertThat(card).startsWith("**Title**\n**Section**\n- item\n").doesNotContain("#")
                .hasSize(PatrolMarkdown.CARD_CHARS + 2).endsWith("\n…");
    }
}
