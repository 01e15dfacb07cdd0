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

    private final Triage agent = new Triage(state, "agent:investigator", T0.plusHours(2));

    @Test
    void anInvestigationMovesAnOpenOrAcknowledgedIssueToInvestigatingAndNamesTheActorAndInvestigation() {
        engine.apply(state, List.of(firing("c-1", "A", null, "critical", T0), firing("c-1", "B", null, "critical", T0)), T0);
        IssueState open = issueOf("c-1", "A");
        IssueState acked = issueOf("c-1", "B");
        triage.acknowledge(acked, null);

        assertThat(agent.investigationStarted(open, "inv-1", "critical_alert")).isSameAs(open);
        agent.investigationStarted(acked, "inv-2", "critical_alert");

        assertThat(open.status).isEqualTo(IssueStatus.INVESTIGATING);
        assertThat(acked.status).isEqualTo(IssueStatus.INVESTIGATING);
        assertThat(open.acknowledgedAt).as("an agent looking is not a person acknowledging").isNull();
        IssueEvent started = state.events.stream().filter(e -> e.issueId() == open.issueId).toList().getLast();
        assertThat(started.eventType()).isEqualTo("investigating");
        assertThat(started.actor()).isEqualTo("agent:investigator");
        assertThat(started.fromStatus()).isEqualTo("open");
        assertThat(started.toStatus()).isEqualTo("investigating");
        assertThat(started.note()).contains("inv-1");
        assertThat(started.details()).containsEntry("investigation_id", "inv-1").containsEntry("trigger", "critical_alert");
        assertThat(state.events.getLast().fromStatus()).isEqualTo("acknowledged");
    }

    @Test
    void anInvestigationDoesNotReopenUnsilenceOrRestartAnIssueAndOnlyNotesItself() {
        engine.apply(state, List.of(firing("c-1", "R", null, "critical", T0), firing("c-1", "C", null, "critical", T0),
                firing("c-1", "S", null, "critical", T0), firing("c-1", "I", null, "critical", T0)), T0);
        triage.resolve(issueOf("c-1", "R"), null);
        triage.close(issueOf("c-1", "C"), null);
        triage.silence(issueOf("c-1", "S"), T0.plusDays(1), null);
        agent.investigationStarted(issueOf("c-1", "I"), "inv-0", "manual");
        int before = state.events.size();

        for (String name : List.of("R", "C", "S", "I")) {
            IssueState issue = issueOf("c-1", name);
            IssueStatus status = issue.status;
            agent.investigationStarted(issue, "inv-" + name, "critical_alert");
            assertThat(issue.status).isEqualTo(status);
        }

        assertThat(issueOf("c-1", "R").status).isEqualTo(IssueStatus.RESOLVED);
        assertThat(issueOf("c-1", "S").silencedUntil).isEqualTo(T0.plusDays(1));
        assertThat(state.events.subList(before, state.events.size())).hasSize(4).allSatisfy(e -> {
            assertThat(e.eventType()).isEqualTo("investigation_started");
            assertThat(e.fromStatus()).isNull();
            assertThat(e.toStatus()).isNull();
            assertThat(e.actor()).isEqualTo("agent:investigator");
            assertThat(e.details()).containsKey("investigation_id");
        });
        assertThat(state.events.getLast().note()).contains("inv-I").contains("stays investigating");
    }

    @Test
    void anInvestigationOfAMergedIssueGoesToItsTarget() {
        engine.apply(state, List.of(firing("c-1", "A", null, "critical", T0), firing("c-1", "B", null, "critical", T0)), T0);
        IssueState source = issueOf("c-1", "B");
        IssueState target = issueOf("c-1", "A");
        triage.merge(source, target, null);

        assertThat(agent.investigationStarted(source, "inv-m", "manual")).isSameAs(target);
        agent.investigationFinished(source, new InvestigationOutcome("inv-m", false, "capacity", 0.8, true, "Disk full", null));

        assertThat(target.status).isEqualTo(IssueStatus.INVESTIGATING);
        assertThat(source.status).isEqualTo(IssueStatus.CLOSED);
        assertThat(state.events.subList(state.events.size() - 2, state.events.size()))
                .allSatisfy(e -> assertThat(e.issueId()).isEqualTo(target.issueId));
    }

    @Test
    void theResultIsACommentWithCauseConfidenceOneLineOfSummaryEscalationAndTheInvestigation() {
        engine.apply(state, List.of(firing("c-1", "A", null, "critical", T0)), T0);
        IssueState issue = issueOf("c-1", "A");
        agent.investigationStarted(issue, "inv-9", "critical_alert");

        agent.investigationFinished(issue, new InvestigationOutcome("inv-9", false, "capacity", 0.82, true,
                "## **Data disk** on be-1 is full\n\nLonger text that the comment leaves out.", null));

        IssueEvent result = state.events.getLast();
        assertThat(result.eventType()).isEqualTo("comment");
        assertThat(result.actor()).isEqualTo("agent:investigator");
        assertThat(result.note()).isEqualTo("Investigation inv-9: root cause capacity (confidence 82%), escalate yes. "
                + "Data disk on be-1 is full");
        assertThat(result.details()).containsEntry("investigation_id", "inv-9").containsEntry("root_cause", "capacity")
                .containsEntry("confidence", 0.82).containsEntry("escalate", true).containsEntry("result", "done");
        assertThat(issue.status).as("the result leaves the status to people").isEqualTo(IssueStatus.INVESTIGATING);
    }

    @Test
    void aFailedInvestigationSaysItFailed() {
        engine.apply(state, List.of(firing("c-1", "A", null, "critical", T0)), T0);
        IssueState issue = issueOf("c-1", "A");

        agent.investigationFinished(issue, InvestigationOutcome.failure("inv-f", "store unavailable\nat line 2"));

        assertThat(state.events.getLast().note()).isEqualTo("Investigation inv-f failed: store unavailable");
        assertThat(state.events.getLast().details()).containsEntry("result", "failed").containsEntry("investigation_id", "inv-f");
    }

    @Test
    void oneLineKeepsTheFirstLineWithTextShort() {
        assertThat(Triage.oneLine(null)).isEmpty();
        assertThat(Triage.oneLine("\n---\n# Title\nrest")).isEqualTo("Title");
        assertThat(Triage.oneLine("x".repeat(500))).hasSize(240).endsWith("…");
    }
}
