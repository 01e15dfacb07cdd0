package dev.byocfleet.issues;

import static dev.byocfleet.issues.IssueAlerts.T0;
import static dev.byocfleet.issues.IssueAlerts.firing;
import static dev.byocfleet.issues.IssueAlerts.resolved;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class LifecycleTest {

    private final IssueProperties props = new IssueProperties(null, Duration.ofHours(6), Duration.ofHours(24),
            Duration.ofDays(3), 3, false);
    private final GroupingEngine engine = new GroupingEngine(props);
    private final Lifecycle lifecycle = new Lifecycle(props);
    private final GroupingState state = new GroupingState();

    private IssueState fire() {
        engine.apply(state, List.of(firing("c-1", "Data Disk", "be-1", "critical", T0)), T0);
        return state.issues.values().iterator().next();
    }

    @Test
    void resolvesAfterTheTtlWithNoFiringAlert() {
        IssueState issue = fire();
        assertThat(lifecycle.sweep(state, T0.plusHours(23))).isEmpty();
        assertThat(issue.status).isEqualTo(IssueStatus.OPEN);

        assertThat(lifecycle.sweep(state, T0.plusHours(25))).containsExactly(issue.issueId);
        assertThat(issue.status).isEqualTo(IssueStatus.RESOLVED);
        assertThat(issue.resolvedAt).as("when the TTL ran out").isEqualTo(T0.plusHours(24));
        assertThat((String) issue.explanation.get("resolved_because")).contains("no firing alert for 24 h");
        assertThat(state.events.getLast().eventType()).isEqualTo("auto_resolved");
    }

    @Test
    void aNewFiringAlertPostponesTheTtl() {
        IssueState issue = fire();
        engine.apply(state, List.of(firing("c-1", "Data Disk", "be-2", "critical", T0.plusHours(20))), T0);
        lifecycle.sweep(state, T0.plusHours(30));
        assertThat(issue.status).isEqualTo(IssueStatus.OPEN);
    }

    @Test
    void silenceEndsAtItsTimeAndTheIssueGoesBackToWhereItWas() {
        IssueState issue = fire();
        Triage triage = new Triage(state, "op@x", T0.plusMinutes(1));
        triage.acknowledge(issue, null);
        triage.silence(issue, T0.plusHours(2), "maintenance");
        assertThat(issue.status).isEqualTo(IssueStatus.SILENCED);

        lifecycle.sweep(state, T0.plusHours(1));
        assertThat(issue.status).isEqualTo(IssueStatus.SILENCED);
        lifecycle.sweep(state, T0.plusHours(2));
        assertThat(issue.status).isEqualTo(IssueStatus.ACKNOWLEDGED);
        assertThat(issue.silencedUntil).isNull();
        assertThat(state.events.getLast().eventType()).isEqualTo("silence_expired");
    }

    @Test
    void aSilencedIssueStillTakesItsAlertsAndResolves() {
        IssueState issue = fire();
        new Triage(state, "op@x", T0.plusMinutes(1)).silence(issue, T0.plusDays(1), null);
        engine.apply(state, List.of(resolved("c-1", "Data Disk", "be-1", "critical", T0, T0.plusMinutes(30))), T0);
        assertThat(issue.status).isEqualTo(IssueStatus.RESOLVED);
        assertThat(issue.silencedUntil).isNull();
    }

    @Test
    void closesAfterTheQuietPeriod() {
        IssueState issue = fire();
        engine.apply(state, List.of(resolved("c-1", "Data Disk", "be-1", "critical", T0, T0.plusMinutes(30))), T0);
        lifecycle.sweep(state, T0.plusDays(3));
        assertThat(issue.status).isEqualTo(IssueStatus.RESOLVED);
        lifecycle.sweep(state, T0.plusMinutes(30).plusDays(3));
        assertThat(issue.status).isEqualTo(IssueStatus.CLOSED);
        assertThat(issue.closedAt).isEqualTo(T0.plusMinutes(30).plusDays(3));
    }
}
