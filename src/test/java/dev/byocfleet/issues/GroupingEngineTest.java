package dev.byocfleet.issues;

import static dev.byocfleet.issues.IssueAlerts.T0;
import static dev.byocfleet.issues.IssueAlerts.firing;
import static dev.byocfleet.issues.IssueAlerts.resolved;
import static org.assertj.core.api.Assertions.assertThat;

import dev.byocfleet.ingest.NormalizedAlert;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

class GroupingEngineTest {

    private final IssueProperties props = new IssueProperties(null, Duration.ofHours(6), Duration.ofHours(24),
            Duration.ofDays(3), 3, false);
    private final GroupingEngine engine = new GroupingEngine(props);
    private final GroupingState state = new GroupingState();

    private void deliver(NormalizedAlert... alerts) {
        for (NormalizedAlert a : alerts) {
            engine.apply(state, List.of(a), T0);
        }
    }

    private List<IssueState> issues() {
        List<IssueState> all = new ArrayList<>(state.issues.values());
        all.sort(Comparator.comparing((IssueState s) -> s.firstSeen));
        return all;
    }

    private List<String> eventTypes(IssueState issue) {
        return state.events.stream().filter(e -> e.issueId() == issue.issueId).map(IssueEvent::eventType).toList();
    }

    @Test
    void groupsFiringAlertsOfOneClusterAndAlertNameIntoOneIssue() {
        deliver(firing("c-1", "Data Disk", "be-1", "warning", T0),
                firing("c-1", "Data Disk", "be-2", "critical", T0.plusMinutes(5)),
                firing("c-1", "BE CPU Alert", "be-1", "warning", T0.plusMinutes(6)),
                firing("c-2", "Data Disk", "be-1", "warning", T0.plusMinutes(7)));

        assertThat(issues()).hasSize(3);
        IssueState disk = issues().getFirst();
        assertThat(disk.groupingKey).isEqualTo("cluster=c-1|alert_name=Data Disk");
        assertThat(disk.alertCount).isEqualTo(2);
        assertThat(disk.firingCount).isEqualTo(2);
        assertThat(disk.severity).as("the highest seen").isEqualTo("critical");
        assertThat(disk.affectedNodes).containsExactly("be-1", "be-2");
        assertThat(disk.fingerprints).hasSize(2);
        assertThat(disk.firstSeen).isEqualTo(T0);
        assertThat(disk.lastSeen).isEqualTo(T0.plusMinutes(5));
        assertThat((String) disk.explanation.get("why_grouped")).contains("cluster + alert name").contains("c-1");
        assertThat(eventTypes(disk)).containsExactly("opened");
    }

    @Test
    void configuredKeyWithNodeSplitsIssuesPerNode() {
        GroupingEngine perNode = new GroupingEngine(new IssueProperties(List.of("cluster", "alert_name", "node"), null,
                null, null, null, false));
        perNode.apply(state, List.of(firing("c-1", "Data Disk", "be-1", "warning", T0),
                firing("c-1", "Data Disk", "be-2", "warning", T0.plusMinutes(1))), T0);
        assertThat(state.issues).hasSize(2);
        assertThat(issues().getFirst().groupingKey).isEqualTo("cluster=c-1|alert_name=Data Disk|node=be-1");
    }

    @Test
    void onlyFiringAlertsOpenIssues() {
        deliver(resolved("c-1", "Data Disk", "be-1", "warning", T0, T0.plusMinutes(10)));
        assertThat(state.issues).isEmpty();
        assertThat(state.pending).hasSize(1);
    }

    @Test
    void resolvesByItselfWhenEveryAlertResolved() {
        deliver(firing("c-1", "Data Disk", "be-1", "warning", T0),
                firing("c-1", "Data Disk", "be-2", "warning", T0.plusMinutes(5)),
                resolved("c-1", "Data Disk", "be-1", "warning", T0, T0.plusMinutes(20)));
        IssueState issue = issues().getFirst();
        assertThat(issue.status).as("one alert still fires").isEqualTo(IssueStatus.OPEN);

        deliver(resolved("c-1", "Data Disk", "be-2", "warning", T0.plusMinutes(5), T0.plusMinutes(30)));
        assertThat(issue.status).isEqualTo(IssueStatus.RESOLVED);
        assertThat(issue.resolvedAt).isEqualTo(T0.plusMinutes(30));
        assertThat(issue.firingCount).isZero();
        assertThat((String) issue.explanation.get("resolved_because")).contains("every alert of the issue resolved");
        assertThat(eventTypes(issue)).containsExactly("opened", "auto_resolved");
    }

    @Test
    void reopensWithinTheWindowAndCountsIt() {
        deliver(firing("c-1", "Data Disk", "be-1", "warning", T0),
                resolved("c-1", "Data Disk", "be-1", "warning", T0, T0.plusMinutes(10)),
                firing("c-1", "Data Disk", "be-1", "warning", T0.plusHours(2)));
        assertThat(issues()).hasSize(1);
        IssueState issue = issues().getFirst();
        assertThat(issue.status).isEqualTo(IssueStatus.OPEN);
        assertThat(issue.reopenCount).isEqualTo(1);
        assertThat(issue.alertCount).isEqualTo(2);
        assertThat((String) issue.explanation.get("reopened_because")).contains("inside the reopen window of 6 h");
        assertThat(eventTypes(issue)).containsExactly("opened", "auto_resolved", "reopened");
    }

    @Test
    void opensANewIssueAfterTheReopenWindow() {
        deliver(firing("c-1", "Data Disk", "be-1", "warning", T0),
                resolved("c-1", "Data Disk", "be-1", "warning", T0, T0.plusMinutes(10)),
                firing("c-1", "Data Disk", "be-1", "warning", T0.plusMinutes(10).plusHours(6).plusSeconds(1)));
        assertThat(issues()).hasSize(2);
        assertThat(issues().getFirst().status).isEqualTo(IssueStatus.RESOLVED);
        assertThat(issues().getFirst().reopenCount).isZero();
        IssueState second = issues().get(1);
        assertThat(second.status).isEqualTo(IssueStatus.OPEN);
        assertThat((String) second.explanation.get("opened_because")).contains("#" + issues().getFirst().issueId)
                .contains("more than 6 h before");
    }

    @Test
    void aClosedIssueNeverTakesAlertsAgain() {
        deliver(firing("c-1", "Data Disk", "be-1", "warning", T0));
        IssueState first = issues().getFirst();
        new Triage(state, "op@x", T0.plusMinutes(1)).close(first, "done");
        deliver(firing("c-1", "Data Disk", "be-2", "warning", T0.plusMinutes(2)));
        assertThat(issues()).hasSize(2);
        assertThat(first.alertCount).isEqualTo(1);
    }

    @Test
    void resolvedBeforeFiringEndsLikeInOrderDelivery() {
        NormalizedAlert fire = firing("c-1", "Data Disk", "be-1", "critical", T0);
        NormalizedAlert done = resolved("c-1", "Data Disk", "be-1", "critical", T0, T0.plusMinutes(15));
        deliver(done, fire);
        IssueState outOfOrder = issues().getFirst();

        GroupingState inOrder = new GroupingState();
        engine.apply(inOrder, List.of(fire), T0);
        engine.apply(inOrder, List.of(done), T0);
        IssueState expected = inOrder.issues.values().iterator().next();

        assertThat(outOfOrder.issueId).isEqualTo(expected.issueId);
        assertThat(outOfOrder.status).isEqualTo(IssueStatus.RESOLVED).isEqualTo(expected.status);
        assertThat(outOfOrder.resolvedAt).isEqualTo(T0.plusMinutes(15)).isEqualTo(expected.resolvedAt);
        assertThat(outOfOrder.firingCount).isZero();
        assertThat(state.pending).isEmpty();
    }

    @Test
    void aLateFiringOfAnEpisodeThatIsOverDoesNotReopen() {
        deliver(firing("c-1", "Data Disk", "be-1", "warning", T0),
                resolved("c-1", "Data Disk", "be-1", "warning", T0, T0.plusMinutes(10)),
                resolved("c-1", "Data Disk", "be-2", "warning", T0.plusMinutes(1), T0.plusMinutes(5)),
                firing("c-1", "Data Disk", "be-2", "warning", T0.plusMinutes(1)));
        IssueState issue = issues().getFirst();
        assertThat(issues()).hasSize(1);
        assertThat(issue.status).isEqualTo(IssueStatus.RESOLVED);
        assertThat(issue.reopenCount).isZero();
        assertThat(issue.alertCount).isEqualTo(2);
    }

    @Test
    void duplicatesChangeNothing() {
        NormalizedAlert fire = firing("c-1", "Data Disk", "be-1", "warning", T0);
        deliver(fire, fire);
        engine.apply(state, List.of(fire, fire), T0);
        IssueState issue = issues().getFirst();
        assertThat(issue.alerts).hasSize(1);
        assertThat(issue.alertCount).isEqualTo(1);
        assertThat(state.events).hasSize(1);
    }

    @Test
    void idsComeFromTheAlertsSoRegroupingGivesTheSameIssues() {
        List<NormalizedAlert> alerts = List.of(firing("c-1", "Data Disk", "be-1", "warning", T0),
                resolved("c-1", "Data Disk", "be-1", "warning", T0, T0.plusMinutes(10)),
                firing("c-1", "Data Disk", "be-1", "warning", T0.plusDays(1)));
        engine.apply(state, alerts, T0);
        GroupingState again = new GroupingState();
        engine.apply(again, alerts.reversed(), T0);
        assertThat(again.issues.keySet()).isEqualTo(state.issues.keySet());
        assertThat(again.events).extracting(IssueEvent::eventId)
                .containsExactlyInAnyOrderElementsOf(state.events.stream().map(IssueEvent::eventId).toList());
    }

    @Test
    void aLateNoticeOfAnEarlierEpisodeJoinsThatIssueWithoutReopeningALaterOne() {
        deliver(firing("c-1", "Loading Failure", "be-1", "warning", T0),
                resolved("c-1", "Loading Failure", "be-1", "warning", T0, T0.plusMinutes(20)),
                firing("c-1", "Loading Failure", "be-1", "warning", T0.plusHours(8)),
                resolved("c-1", "Loading Failure", "be-1", "warning", T0.plusHours(8), T0.plusHours(8).plusMinutes(20)));
        assertThat(issues()).hasSize(2);

        // Another source's copy of the first episode arrives last (the demo loads Lark pages, then webhooks).
        deliver(firing("c-1", "Loading Failure", "be-2", "warning", T0.plusMinutes(10)));

        assertThat(issues()).hasSize(2);
        IssueState first = issues().getFirst();
        IssueState later = issues().getLast();
        assertThat(first.affectedNodes).containsExactly("be-1", "be-2");
        assertThat(first.reopenCount).isZero();
        assertThat(later.affectedNodes).containsExactly("be-1");
        assertThat(later.reopenCount).isZero();
        assertThat(later.status).isEqualTo(IssueStatus.RESOLVED);
        assertThat(eventTypes(later)).doesNotContain("reopened");
    }
}
