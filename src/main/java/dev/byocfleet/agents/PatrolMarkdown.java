package dev.byocfleet.agents;

import dev.byocfleet.agents.PatrolReport.Changes;
import dev.byocfleet.agents.PatrolReport.Findings;
import dev.byocfleet.agents.PatrolReport.Pattern;
import dev.byocfleet.agents.PatrolReport.ProblemCluster;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.Collectors;

/** The Patrol report as Markdown, and the shorter text of its Lark card. */
final class PatrolMarkdown {

    static final int CARD_CHARS = 3_000;

    private PatrolMarkdown() {
    }

    static String render(LocalDateTime at, Findings f, List<ProblemCluster> problems, List<Pattern> patterns, Changes changes) {
        StringBuilder md = new StringBuilder();
        md.append("## Fleet patrol ").append(at.truncatedTo(ChronoUnit.SECONDS)).append(" UTC\n\n");
        md.append("_Rules mode: deterministic scan, no LLM._\n\n");
        md.append("**Risk:** ").append(f.riskCounts().entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", "))).append("\n\n");
        md.append("**Health:** average ").append(f.averageScore()).append(", median ").append(f.medianScore()).append("\n\n");
        md.append("### Clusters in trouble (").append(problems.size()).append(")\n");
        problems.forEach(p -> md.append("- **").append(Remediation.escape(String.valueOf(p.clusterName()))).append("** (")
                .append(p.riskLevel()).append(", tier ").append(p.tier()).append("): ")
                .append(Remediation.escape(String.join("; ", p.reasons()))).append("\n"));
        if (!patterns.isEmpty()) {
            md.append("\n### Cross-cluster patterns\n");
            patterns.stream().limit(10).forEach(p -> md.append("- ").append(Remediation.escape(p.alertName())).append(" on ")
                    .append(p.clusters()).append(" clusters with ").append(p.dimension()).append(" ")
                    .append(Remediation.escape(p.value())).append("\n"));
        }
        if (!f.capacityBreaches().isEmpty()) {
            md.append("\n### Capacity breaches within 14 days\n");
            f.capacityBreaches().stream().limit(10).forEach(b -> md.append("- ").append(b.clusterId()).append(": ")
                    .append(b.metric()).append(" in ").append(b.daysToBreach() == null ? "?" : Math.round(b.daysToBreach()))
                    .append(" days\n"));
        }
        md.append("\n**Idle spend:** ").append(f.idleClusters()).append(" idle cluster(s), $")
                .append(f.idleUsdPerWeek() == null ? 0 : Math.round(f.idleUsdPerWeek())).append(" a week\n");
        md.append("\n### Since the previous patrol\n");
        if (changes.previousReportId() == null) {
            md.append("First patrol: nothing to compare with.\n");
        } else {
            md.append("- risk counts: ").append(changes.riskCountDelta()).append("\n");
            md.append("- new in trouble: ").append(changes.newProblemClusters()).append("\n");
            md.append("- recovered: ").append(changes.recoveredClusters()).append("\n");
            md.append("- average score change: ").append(changes.averageScoreDelta()).append("\n");
        }
        return md.toString();
    }

    /** Lark's lark_md has no headings or tables: headings become bold lines, and the text is capped. */
    static String card(String markdown) {
        String text = markdown.lines().map(l -> l.startsWith("#") ? "**" + l.replaceFirst("^#+\\s*", "") + "**" : l)
                .collect(Collectors.joining("\n"));
        return text.length() <= CARD_CHARS ? text : text.substring(0, CARD_CHARS) + "\n…";
    }
}
