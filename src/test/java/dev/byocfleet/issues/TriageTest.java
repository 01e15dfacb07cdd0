package dev.byocfleet.issues;

import static dev.byocfleet.issues.IssueAlerts.T0;
import static dev.byocfleet.issues.IssueAlerts.firing;
import static dev.byocfleet.issues.IssueAlerts.resolved;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.byocfleet.api.ConflictException;
import java.util.List;
import org.junit.jupiter.api.Test;

class TriageTest {

    private final GroupingEngine engine = new GroupingEngine(IssueProperties.defaults());
    private final GroupingState state = new GroupingState();
    private final Triage triage = new Triage(state, "op@byoc.test", T0.plusHours(1));

    private IssueState issueOf(String cluster, String name) {
        return state.issues.values().stream().filter(s -> s.groupingKey.equals("cluster=" + cluster + "|alert_name=" + name))
                .findFirst().orElseThrow();
    }

    @Test
    void everyChangeWritesAnEventWithWhoWhenAndNote() {
        engine.apply(state, List.of(firing("c-1", "Data Disk", "be-1", "warning", T0)), T0);
        IssueState issue = issueOf("c-1", "Data Disk");
        triage.acknowledge(issue, "looking");
        triage.assign(issue, "ana@byoc.test", null);
        triage.comment(issue, "volume grows 2%/h");
        triage.severity(issue, "critical", null);
        triage.resolve(issue, "grew the volume");

        assertThat(issue.status).isEqualTo(IssueStatus.RESOLVED);
        assertThat(issue.assignee).isEqualTo("ana@byoc.test");
        assertThat(issue.acknowledgedAt).isEqualTo(T0.plusHours(1));
        assertThat(state.events).extracting(IssueEvent::eventType)
                .containsExactly("opened", "acknowledged", "assigned", "comment", "severity_changed", "resolved");
        assertThat(state.events.subList(1, 6)).allSatisfy(e -> {
            assertThat(e.actor()).isEqualTo("op@byoc.test");
            assertThat(e.createdAt()).isEqualTo(T0.plusHours(1));
        });
        assertThat(state.events.get(3).note()).isEqualTo("volume grows 2%/h");
        assertThat(state.events.getLast().fromStatus()).isEqualTo("acknowledged");
    }

    @Test
    void aManualSeverityIsNotRaisedByLaterAlerts() {
        engine.apply(state, List.of(firing("c-1", "Data Disk", "be-1", "critical", T0)), T0);
        IssueState issue = issueOf("c-1", "Data Disk");
        triage.severity(issue, "warning", "known, harmless");
        engine.apply(state, List.of(firing("c-1", "Data Disk", "be-2", "critical", T0.plusMinutes(3))), T0);
        assertThat(issue.severity).isEqualTo("warning");
    }

    @Test
    void mergeMovesTheAlertsAndLaterAlertsOfTheSourceKeyJoinTheTarget() {
        engine.apply(state, List.of(firing("c-1", "BE Service Suspension", "be-1", "critical", T0),
                firing("c-1", "Backends Status", "be-1", "warning", T0.plusMinutes(1))), T0);
        IssueState target = issueOf("c-1", "BE Service Suspension");
        IssueState source = issueOf("c-1", "Backends Status");

        triage.merge(source, target, "same dead BE");

        assertThat(source.status).isEqualTo(IssueStatus.CLOSED);
        assertThat(source.mergedInto).isEqualTo(target.issueId);
        assertThat(source.alerts).isEmpty();
        assertThat(target.alertCount).isEqualTo(2);
        assertThat(target.firstSeen).isEqualTo(T0);
        assertThat(state.rows.values()).filteredOn(r -> r.alertName().equals("Backends Status"))
                .allSatisfy(r -> assertThat(r.issueId()).isEqualTo(target.issueId));

        engine.apply(state, List.of(firing("c-1", "Backends Status", "be-2", "warning", T0.plusMinutes(5)),
                resolved("c-1", "Backends Status", "be-1", "warning", T0.plusMinutes(1), T0.plusMinutes(6))), T0);
        assertThat(state.issues).hasSize(2);
        assertThat(target.alertCount).isEqualTo(3);
        assertThat(target.firingCount).isEqualTo(2);
        assertThat(state.events).extracting(IssueEvent::eventType).contains("merged_into", "merged");
    }

    @Test
    void mergingIntoItselfOrIntoAClosedIssueIsAConflictAndChangesNothing() {
        engine.apply(state, List.of(firing("c-1", "A", null, "warning", T0), firing("c-1", "B", null, "warning", T0)), T0);
        IssueState a = issueOf("c-1", "A");
        IssueState b = issueOf("c-1", "B");
        assertThatThrownBy(() -> triage.merge(a, a, null)).isInstanceOf(ConflictException.class);
        triage.close(b, null);
        assertThatThrownBy(() -> triage.merge(a, b, null)).isInstanceOf(ConflictException.class);
        assertThat(a.mergedInto).isNull();
        assertThat(a.alerts).hasSize(1);
    }

    @Test
    void linksBothWays() {
        engine.apply(state, List.of(firing("c-1", "A", null, "warning", T0), firing("c-1", "B", null, "warning", T0)), T0);
        triage.link(issueOf("c-1", "A"), issueOf("c-1", "B"), null);
        assertThat(issueOf("c-1", "A").relatedIssues).containsExactly(issueOf("c-1", "B").issueId);
        assertThat(issueOf("c-1", "B").relatedIssues).containsExactly(issueOf("c-1", "A").issueId);
    }
}
