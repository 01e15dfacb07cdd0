package dev.byocfleet.agents;

import static dev.byocfleet.agents.AgentFixture.AT;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SentinelTest {

    private final AgentFixture f = new AgentFixture();
    /** Health scores by the hour they were scored at. */
    private final Map<LocalDateTime, Map<String, Double>> scores = new HashMap<>();
    /** The open issue of an alert (by message id) and of a storm (by cluster), as the issues service would answer. */
    private final Map<String, Long> issueOfAlert = new HashMap<>();
    private final Map<String, Long> issueOfStorm = new HashMap<>();
    private final List<String> lookups = new java.util.ArrayList<>();
    private final Sentinel sentinel = new Sentinel(new SignalRepository(f.client), f.tasks(),
            at -> scores.entrySet().stream().filter(e -> !e.getKey().isAfter(at))
                    .max(Map.Entry.comparingByKey()).map(Map.Entry::getValue).orElse(Map.of()),
            AgentsProperties.defaults(), new Sentinel.AlertIssues() {
                @Override
                public Optional<Long> ofAlert(String messageId, String clusterId, String alertName) {
                    lookups.add(messageId);
                    return Optional.ofNullable(issueOfAlert.get(messageId));
                }

                @Override
                public Optional<Long> ofStorm(String clusterId, LocalDateTime from, LocalDateTime to) {
                    lookups.add(clusterId + " " + from + ".." + to);
                    return Optional.ofNullable(issueOfStorm.get(clusterId));
                }
            });

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void opensATaskForANewCriticalAlert() {
        f.alert("c-b", "BE Service Suspension", "critical", AT.minusMinutes(10), "BE down");

        var run = sentinel.run(AT);

        assertThat(run.created()).singleElement().satisfies(t -> {
            assertThat(t.clusterId()).isEqualTo("c-b");
            assertThat(t.triggerType()).isEqualTo("critical_alert");
            assertThat(t.status()).isEqualTo("pending");
            assertThat(t.cooldownUntil()).isEqualTo(AT.plusHours(6));
        });
    }

    @Test
    void ignoresCriticalAlertsOlderThanTheLookback() {
        f.alert("c-b", "BE Service Suspension", "critical", AT.minusHours(3), "old");

        assertThat(sentinel.run(AT).created()).isEmpty();
    }

    @Test
    void opensATaskForAHealthCliffOfMoreThanFifteenPoints() {
        scores.put(AT.minusHours(6), Map.of("c-b", 90.0, "c-b2", 90.0));
        scores.put(AT, Map.of("c-b", 70.0, "c-b2", 76.0));

        var run = sentinel.run(AT);

        assertThat(run.created()).singleElement().satisfies(t -> {
            assertThat(t.clusterId()).isEqualTo("c-b");
            assertThat(t.triggerType()).isEqualTo("health_cliff");
            assertThat(t.triggerRef()).isEqualTo("score 90 -> 70");
        });
    }

    @Test
    void opensATaskForAnAlertStormOfMoreThanFiveAlertsInAnHour() {
        for (int i = 0; i < 6; i++) {
            f.alert("c-b", "Query Latency Alert " + i, "info", AT.minusMinutes(5 + i * 5), "slow");
        }
        for (int i = 0; i < 5; i++) {
            f.alert("c-b2", "Query Latency Alert " + i, "info", AT.minusMinutes(5 + i * 5), "slow");
        }

        var run = sentinel.run(AT);

        assertThat(run.created()).singleElement().satisfies(t -> {
            assertThat(t.clusterId()).isEqualTo("c-b");
            assertThat(t.triggerType()).isEqualTo("alert_storm");
        });
    }

    @Test
    void opensATaskForAWarningOnlyOnTierAOrSClusters() {
        f.alert("c-s", "BE CPU Alert", "warning", AT.minusMinutes(5), "cpu");
        f.alert("c-a", "BE CPU Alert", "warning", AT.minusMinutes(5), "cpu");
        f.alert("c-b", "BE CPU Alert", "warning", AT.minusMinutes(5), "cpu");

        var run = sentinel.run(AT);

        assertThat(run.created()).extracting(AgentTask::clusterId).containsExactlyInAnyOrder("c-s", "c-a");
        assertThat(run.created()).allSatisfy(t -> assertThat(t.triggerType()).isEqualTo("tier_warning"));
        // priority by tier: S before A
        AgentTask s = run.created().stream().filter(t -> t.clusterId().equals("c-s")).findFirst().orElseThrow();
        AgentTask a = run.created().stream().filter(t -> t.clusterId().equals("c-a")).findFirst().orElseThrow();
        assertThat(s.priority()).isGreaterThan(a.priority());
    }

    @Test
    void keepsOneTaskPerClusterAndTriggerWithinTheCooldown() {
        f.alert("c-b", "BE Service Suspension", "critical", AT.minusMinutes(10), "BE down");
        f.alert("c-b", "Backends Status", "critical", AT.minusMinutes(8), "BE down");
        assertThat(sentinel.run(AT).created()).hasSize(1);

        AgentTask task = f.tasks().pending(10, null).getFirst();
        f.tasks().claim(task.taskId(), AT);
        f.tasks().finish(task.taskId(), AgentTask.DONE, null, AT);
        f.alert("c-b", "BE Service Suspension", "critical", AT.plusMinutes(10), "BE down again");
        var again = sentinel.run(AT.plusMinutes(15));
        assertThat(again.created()).isEmpty();
        assertThat(again.suppressed()).isGreaterThan(0);

        // after the cooldown a new critical alert opens a new task
        f.alert("c-b", "BE Service Suspension", "critical", AT.plusHours(7), "BE down once more");
        assertThat(sentinel.run(AT.plusHours(7).plusMinutes(5)).created()).extracting(AgentTask::clusterId)
                .containsExactly("c-b");
    }

    @Test
    void criticalAlertsOnStrategicClustersComeFirst() {
        f.alert("c-b", "BE Service Suspension", "critical", AT.minusMinutes(10), "down");
        f.alert("c-s", "BE Service Suspension", "critical", AT.minusMinutes(9), "down");
        sentinel.run(AT);

        List<AgentTask> pending = f.tasks().pending(10, null);
        assertThat(pending).extracting(AgentTask::clusterId).containsExactly("c-s", "c-b");
    }

    @Test
    void alertTasksCarryTheOpenIssueOfTheirAlertAndCliffTasksNone() {
        String critical = f.alert("c-b", "BE Service Suspension", "critical", AT.minusMinutes(10), "BE down");
        String warning = f.alert("c-s", "BE CPU Alert", "warning", AT.minusMinutes(5), "cpu");
        issueOfAlert.put(critical, 11L);
        issueOfAlert.put(warning, 12L);
        scores.put(AT.minusHours(6), Map.of("c-b2", 90.0));
        scores.put(AT, Map.of("c-b2", 60.0));

        var run = sentinel.run(AT);

        assertThat(run.created()).extracting(AgentTask::triggerType, AgentTask::clusterId, AgentTask::issueId)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("critical_alert", "c-b", 11L),
                        org.assertj.core.groups.Tuple.tuple("tier_warning", "c-s", 12L),
                        org.assertj.core.groups.Tuple.tuple("health_cliff", "c-b2", null));
        assertThat(f.tasks().pending(10, "c-b")).extracting(AgentTask::issueId).containsExactly(11L);
    }

    @Test
    void aStormTaskCarriesTheNewestOpenIssueOfTheStormHour() {
        for (int i = 0; i < 6; i++) {
            f.alert("c-b", "Query Latency Alert " + i, "info", AT.minusMinutes(5 + i * 5), "slow");
        }
        issueOfStorm.put("c-b", 21L);

        var run = sentinel.run(AT);

        assertThat(run.created()).singleElement().satisfies(t -> {
            assertThat(t.triggerType()).isEqualTo("alert_storm");
            assertThat(t.issueId()).isEqualTo(21L);
        });
        assertThat(lookups).containsExactly("c-b " + AT.minusHours(1) + ".." + AT);
    }

    @Test
    void aTaskWithoutAnOpenIssueHasNoneAndTriggersHeldBackLookNothingUp() {
        f.alert("c-b", "BE Service Suspension", "critical", AT.minusMinutes(10), "BE down");
        assertThat(sentinel.run(AT).created()).singleElement().satisfies(t -> assertThat(t.issueId()).isNull());
        lookups.clear();

        f.alert("c-b", "BE Service Suspension", "critical", AT.minusMinutes(2), "still down");
        assertThat(sentinel.run(AT.plusMinutes(1)).created()).isEmpty();
        assertThat(lookups).isEmpty();
    }
}
