package dev.byocfleet.agents;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Per-case rows and the suite's totals, with the Markdown table CI prints. */
final class EvalScore {

    private EvalScore() {
    }

    static EvalReport.Row row(String id, String kind, String expected, List<String> mustMention,
                              @Nullable Investigation inv, long startedNanos) {
        long ms = (System.nanoTime() - startedNanos) / 1_000_000;
        if (inv == null) {
            boolean hit = expected.equals(RootCause.NO_INCIDENT);
            return new EvalReport.Row(id, kind, expected, RootCause.NO_INCIDENT, List.of(RootCause.NO_INCIDENT), hit, hit,
                    false, true, null, 1.0, ms, null);
        }
        List<String> top3 = inv.hypotheses().stream().map(Hypothesis::category).distinct().limit(3).toList();
        String text = (inv.summary() + " " + String.join(" ", inv.hypotheses().stream().map(Hypothesis::reasoning).toList()))
                .toLowerCase(Locale.ROOT);
        boolean mentions = mustMention.stream().allMatch(w -> text.contains(w.toLowerCase(Locale.ROOT)));
        Set<String> ids = inv.evidence().stream().map(Evidence::id).collect(java.util.stream.Collectors.toSet());
        long citations = inv.hypotheses().stream().mapToLong(h -> h.evidence().size()).sum();
        long valid = inv.hypotheses().stream().flatMap(h -> h.evidence().stream()).filter(ids::contains).count();
        boolean top1 = expected.equals(inv.rootCause()) && mentions;
        boolean top3Hit = expected.equals(RootCause.NO_INCIDENT) ? expected.equals(inv.rootCause()) : top3.contains(expected);
        return new EvalReport.Row(id, kind, expected, inv.rootCause(), top3, top1, top3Hit, true, mentions,
                inv.confidence(), citations == 0 ? 1.0 : (double) valid / citations, ms, null);
    }

    static EvalReport.Row failed(String id, String kind, String expected, String error, long startedNanos) {
        return new EvalReport.Row(id, kind, expected, "error", List.of(), false, false, false, false, null, 0,
                (System.nanoTime() - startedNanos) / 1_000_000, error);
    }

    static EvalReport of(String mode, List<EvalReport.Row> rows) {
        return of(mode, rows, 0, 0);
    }

    /** With the model tokens and cost the run used ({@code llm_usage} of the investigator; 0 in rules mode). */
    static EvalReport of(String mode, List<EvalReport.Row> rows, long tokens, double costUsd) {
        int n = rows.size();
        List<EvalReport.Row> incidents = rows.stream().filter(r -> !r.expected().equals(RootCause.NO_INCIDENT)).toList();
        List<EvalReport.Row> quiet = rows.stream().filter(r -> r.expected().equals(RootCause.NO_INCIDENT)).toList();
        double top1 = share(rows.stream().filter(EvalReport.Row::top1).count(), n);
        double top3 = share(rows.stream().filter(EvalReport.Row::top3Hit).count(), n);
        double cluster = share(incidents.stream().filter(EvalReport.Row::taskRaised).count(), incidents.size());
        double falseAlarms = share(quiet.stream().filter(r -> !r.actual().equals(RootCause.NO_INCIDENT)).count(), quiet.size());
        double citations = n == 0 ? 0 : round(rows.stream().mapToDouble(EvalReport.Row::citationValidity).average().orElse(0));
        double ms = n == 0 ? 0 : round(rows.stream().mapToLong(EvalReport.Row::millis).average().orElse(0));
        StringBuilder md = new StringBuilder();
        md.append("| metric | value |\n|---|---|\n")
                .append("| mode | ").append(mode).append(" |\n")
                .append("| cases | ").append(n).append(" |\n")
                .append("| top-1 accuracy | ").append(pct(top1)).append(" |\n")
                .append("| top-3 accuracy | ").append(pct(top3)).append(" |\n")
                .append("| cluster accuracy | ").append(pct(cluster)).append(" |\n")
                .append("| false-alarm rate | ").append(pct(falseAlarms)).append(" |\n")
                .append("| evidence-citation validity | ").append(pct(citations)).append(" |\n")
                .append("| time per case | ").append(Math.round(ms)).append(" ms |\n")
                .append("| tokens / cost | ").append(tokens).append(" / $").append(String.format(java.util.Locale.ROOT, "%.4f", costUsd))
                .append(" |\n\n")
                .append("| case | expected | actual | top-3 | ok |\n|---|---|---|---|---|\n");
        rows.forEach(r -> md.append("| ").append(r.caseId()).append(" | ").append(r.expected()).append(" | ").append(r.actual())
                .append(" | ").append(String.join(", ", r.top3())).append(" | ").append(r.top1() ? "yes" : "**no**")
                .append(r.error() == null ? "" : " (" + r.error().replace("|", "/") + ")").append(" |\n"));
        return new EvalReport(mode, n, top1, top3, cluster, falseAlarms, citations, ms, tokens, costUsd, rows, md.toString());
    }

    private static double share(long hits, int of) {
        return of == 0 ? 0 : round((double) hits / of);
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    private static String pct(double v) {
        return Math.round(v * 1000) / 10.0 + "%";
    }
}
