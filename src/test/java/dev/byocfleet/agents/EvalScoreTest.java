package dev.byocfleet.agents;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The eval score's arithmetic and what it reports of the model's tokens and cost. */
class EvalScoreTest {

    private static EvalReport.Row row(String id, String expected, String actual, boolean raised) {
        return new EvalReport.Row(id, "case", expected, actual, List.of(actual), expected.equals(actual),
                expected.equals(actual), raised, true, 0.8, 1.0, 100, null);
    }

    @Test
    void accuraciesFalseAlarmsAndTheModelUsageOfARun() {
        EvalReport r = EvalScore.of("llm", List.of(row("a", "disk_capacity", "disk_capacity", true),
                row("b", "be_oom", "disk_capacity", true), row("c", RootCause.NO_INCIDENT, "be_oom", true),
                row("d", RootCause.NO_INCIDENT, RootCause.NO_INCIDENT, false)), 1234, 0.5);

        assertThat(r.cases()).isEqualTo(4);
        assertThat(r.top1Accuracy()).isEqualTo(0.5);
        assertThat(r.falseAlarmRate()).isEqualTo(0.5);
        assertThat(r.clusterAccuracy()).isEqualTo(1.0);
        assertThat(r.tokens()).isEqualTo(1234);
        assertThat(r.costUsd()).isEqualTo(0.5);
        assertThat(r.markdown()).contains("| mode | llm |").contains("| tokens / cost | 1234 / $0.5000 |");
    }
}
