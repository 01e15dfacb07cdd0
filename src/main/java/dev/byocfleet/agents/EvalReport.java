package dev.byocfleet.agents;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The evaluation suite's score. Accuracies are over the cases they apply to: top-1/top-3 over all
 * cases, cluster accuracy over incident cases (a task was raised for the case's cluster), the
 * false-alarm rate over no-incident cases (anything but {@code no_incident} came out), citation
 * validity over all hypotheses (every cited id is an evidence item of the investigation).
 */
public record EvalReport(
        String mode,
        int cases,
        double top1Accuracy,
        double top3Accuracy,
        double clusterAccuracy,
        double falseAlarmRate,
        double citationValidity,
        double meanMillisPerCase,
        long tokens,
        double costUsd,
        List<Row> rows,
        String markdown) {

    /** One case. */
    public record Row(String caseId, String kind, String expected, String actual, List<String> top3, boolean top1,
                      boolean top3Hit, boolean taskRaised, boolean mentions, @Nullable Double confidence,
                      double citationValidity, long millis, @Nullable String error) {}
}
