package dev.byocfleet.issues;

import static dev.byocfleet.issues.IssueAlerts.T0;
import static dev.byocfleet.issues.IssueAlerts.firing;
import static dev.byocfleet.issues.IssueAlerts.resolved;
import static org.assertj.core.api.Assertions.assertThat;

import dev.byocfleet.ingest.NormalizedAlert;
import dev.byocfleet.store.DuckDbDialect;
import dev.byocfleet.support.TestStore;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The index of issue_alerts' keys: a pass asks the store only about keys that may have rows, and an
 * alert grouped before changes nothing however it comes back (same pass, a later pass, another
 * process, another instance key under the same message id).
 */
class IssueAlertIndexTest {

    private final TestStore store = new TestStore();
    private final JdbcTemplate jdbc = new JdbcTemplate(store.dataSource());
    private final IssueGrouping grouping = grouping();

    @AfterEach
    void close() {
        store.close();
    }

    /** Grouping as a (new) server process makes it, with an index of its own that starts empty. */
    private IssueGrouping grouping() {
        return new IssueGrouping(new IssueRepository(JdbcClient.create(store.dataSource()), jdbc, new DuckDbDialect()),
                new TransactionTemplate(new DataSourceTransactionManager(store.dataSource())), IssueProperties.defaults(),
                Clock.fixed(T0.plusHours(3).toInstant(ZoneOffset.UTC), ZoneOffset.UTC));
    }

    private List<Map<String, Object>> snapshot() {
        return List.of(
                Map.of("issues", jdbc.queryForList("""
                        SELECT issue_id, status, alert_count, firing_count, reopen_count, last_seen, resolved_at,
                               CAST(explanation AS VARCHAR) AS why FROM alerts.issues ORDER BY issue_id""")),
                Map.of("alerts", jdbc.queryForList(
                        "SELECT message_id, issue_id, status, instance_key, event_at FROM alerts.issue_alerts ORDER BY message_id")),
                Map.of("events", jdbc.queryForList(
                        "SELECT event_id, issue_id, event_type, note FROM alerts.issue_events ORDER BY event_id")));
    }

    /** The same message id with another start time: another instance key, as a re-read Lark card can give. */
    private static NormalizedAlert sameIdOtherInstance(NormalizedAlert a) {
        return new NormalizedAlert(a.source(), a.messageId(), a.sourceMessageId(), a.alertId(), a.status(), a.severity(),
                a.alertName(), a.clusterId(), a.clusterRef(), a.node(), a.summary(), a.description(), a.labels(),
                a.annotations(), a.startsAt().plusMinutes(7), a.endsAt(), a.fingerprint(), a.generatorUrl(), a.receivedAt(),
                a.parseStatus(), a.parseError(), a.rawPayload());
    }

    private static List<NormalizedAlert> grouped() {
        return List.of(firing("c-1", "Data Disk", "be-1", "critical", T0),
                firing("c-1", "Data Disk", "be-2", "warning", T0.plusMinutes(5)),
                resolved("c-1", "Data Disk", "be-2", "warning", T0.plusMinutes(5), T0.plusMinutes(20)),
                firing("c-2", "BE Mem", "be-7", "critical", T0.plusMinutes(10)));
    }

    @Test
    void saysNoRowOnlyForKeysItWasNeverGiven() {
        IssueAlertIndex index = new IssueAlertIndex();
        assertThat(index.messageIdsThatMayHaveRows(List.of("m-1", "m-2"))).isEmpty();
        assertThat(index.instanceKeysThatMayHaveRows(List.of("fp@2026-11-20T08:00"))).isEmpty();
        List<String> ids = new ArrayList<>();
        List<String> instances = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            ids.add(IssueAlerts.sha("m-" + i));
            instances.add("fp-" + i + "@" + T0.plusSeconds(i));
            index.add(ids.getLast(), instances.getLast());
        }
        assertThat(index.messageIdsThatMayHaveRows(ids)).isEqualTo(ids);
        assertThat(index.instanceKeysThatMayHaveRows(instances)).isEqualTo(instances);
        // a message id is not an instance key: the two are kept apart
        assertThat(index.instanceKeysThatMayHaveRows(ids.subList(0, 100))).isEmpty();
        assertThat(index.messageIdsThatMayHaveRows(List.of(IssueAlerts.sha("m-x"), "fp-1@" + T0))).isEmpty();
    }

    @Test
    void aPassThatSeesTheSameMessageIdTwiceGroupsItOnce() {
        NormalizedAlert a = firing("c-1", "Data Disk", "be-1", "critical", T0);
        grouping.group(List.of(a, a, sameIdOtherInstance(a)));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM alerts.issue_alerts", Integer.class)).isOne();
        assertThat(jdbc.queryForMap("SELECT alert_count, firing_count FROM alerts.issues"))
                .containsEntry("alert_count", 1).containsEntry("firing_count", 1);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM alerts.issue_events", Integer.class)).isOne();
    }

    @Test
    void anAlertGroupedInAnEarlierPassChangesNothingAgainEvenUnderAnotherInstanceKey() {
        grouping.group(grouped());
        List<Map<String, Object>> before = snapshot();
        for (NormalizedAlert a : grouped()) {
            grouping.group(List.of(a));
            grouping.group(List.of(sameIdOtherInstance(a)));
        }
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void anAlertGroupedBeforeThisProcessStartedChangesNothing() {
        grouping.group(grouped());
        List<Map<String, Object>> before = snapshot();
        // a new process: its index starts empty and is filled from the table
        IssueGrouping restarted = grouping();
        restarted.group(grouped());
        restarted.group(grouped().stream().map(IssueAlertIndexTest::sameIdOtherInstance).toList());
        assertThat(snapshot()).isEqualTo(before);
        // and what the new process groups, it knows
        NormalizedAlert later = firing("c-1", "Data Disk", "be-3", "warning", T0.plusMinutes(30));
        restarted.group(List.of(later));
        List<Map<String, Object>> withLater = snapshot();
        restarted.group(List.of(later, sameIdOtherInstance(later)));
        assertThat(snapshot()).isEqualTo(withLater);
    }

    @Test
    void rowsDeletedBehindItsBackAreGroupedAgain() {
        grouping.group(grouped());
        List<Map<String, Object>> first = snapshot();
        jdbc.update("DELETE FROM alerts.issue_events");
        jdbc.update("DELETE FROM alerts.issue_alerts");
        jdbc.update("DELETE FROM alerts.issues");
        // the index still has their keys: each is asked, found missing, and grouped as new
        grouping.group(grouped());
        assertThat(snapshot()).isEqualTo(first);
    }
}
