package dev.byocfleet.issues;

import static dev.byocfleet.issues.IssueAlerts.T0;
import static dev.byocfleet.issues.IssueAlerts.firing;
import static dev.byocfleet.issues.IssueAlerts.lark;
import static dev.byocfleet.issues.IssueAlerts.otherLabels;
import static dev.byocfleet.issues.IssueAlerts.resolved;
import static org.assertj.core.api.Assertions.assertThat;

import dev.byocfleet.ingest.AlertStore;
import dev.byocfleet.ingest.AlertsStoredListener;
import dev.byocfleet.ingest.NormalizedAlert;
import dev.byocfleet.ingest.TestStores;
import dev.byocfleet.store.DuckDbDialect;
import dev.byocfleet.support.TestStore;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Grouping on the store: alerts grouped as the alert store commits them, and a rebuild that gives the same issues. */
class IssueGroupingTest {

    private final TestStore store = new TestStore();
    private final JdbcTemplate jdbc = new JdbcTemplate(store.dataSource());
    private final IssueGrouping grouping = new IssueGrouping(
            new IssueRepository(JdbcClient.create(store.dataSource()), jdbc, new DuckDbDialect()),
            new TransactionTemplate(new DataSourceTransactionManager(store.dataSource())), IssueProperties.defaults(),
            Clock.fixed(T0.plusHours(3).toInstant(ZoneOffset.UTC), ZoneOffset.UTC));
    private final AlertStore alerts = TestStores.alertStore(store.dataSource(), List.of(grouping));

    @AfterEach
    void close() {
        store.close();
    }

    /** Deliveries as senders make them: out of order, repeated, in batches. */
    private static List<List<NormalizedAlert>> deliveries() {
        return List.of(
                List.of(firing("c-1", "Data Disk", "be-1", "critical", T0),
                        firing("c-1", "Data Disk", "be-2", "warning", T0.plusMinutes(5))),
                // a redelivery, and a resolve that overtook its firing
                List.of(firing("c-1", "Data Disk", "be-1", "critical", T0),
                        resolved("c-1", "BE CPU Alert", "be-1", "warning", T0.plusMinutes(2), T0.plusMinutes(9))),
                List.of(firing("c-1", "BE CPU Alert", "be-1", "warning", T0.plusMinutes(2)),
                        resolved("c-1", "Data Disk", "be-1", "critical", T0, T0.plusMinutes(20)),
                        resolved("c-1", "Data Disk", "be-2", "warning", T0.plusMinutes(5), T0.plusMinutes(25))),
                // reopens the disk issue inside the window; a storm of three issues on c-2 in one hour
                List.of(firing("c-1", "Data Disk", "be-2", "warning", T0.plusHours(1)),
                        firing("c-2", "BE Mem", "be-7", "critical", T0.plusMinutes(10)),
                        firing("c-2", "Memory Alert", "be-7", "critical", T0.plusMinutes(12))),
                List.of(firing("c-2", "BE Service Suspension", "be-7", "critical", T0.plusMinutes(14)),
                        resolved("c-1", "Data Disk", "be-2", "warning", T0.plusHours(1), T0.plusHours(1).plusMinutes(30)),
                        firing("c-1", "Data Disk", "be-1", "critical", T0.plusHours(9))));
    }

    /** Each delivery grouped before the next arrives, then the sweep. */
    private void deliverLive() {
        int run = 0;
        for (List<NormalizedAlert> batch : deliveries()) {
            alerts.store(batch, "run-" + ++run);
            assertThat(alerts.awaitListeners(Duration.ofSeconds(30))).isTrue();
        }
        grouping.sweep(grouping.now());
    }

    private List<Map<String, Object>> snapshot() {
        return List.of(
                Map.of("issues", jdbc.queryForList("""
                        SELECT issue_id, grouping_key, status, severity, first_seen, last_seen, resolved_at, alert_count,
                               firing_count, reopen_count, CAST(related_issues AS VARCHAR) AS related,
                               CAST(affected_nodes AS VARCHAR) AS nodes, CAST(explanation AS VARCHAR) AS why
                        FROM alerts.issues ORDER BY issue_id""")),
                Map.of("alerts", jdbc.queryForList(
                        "SELECT message_id, issue_id, status, instance_key, event_at FROM alerts.issue_alerts ORDER BY message_id")),
                Map.of("events", jdbc.queryForList(
                        "SELECT event_id, issue_id, event_type, created_at, note FROM alerts.issue_events ORDER BY event_id")));
    }

    @Test
    void groupsAlertsAsTheStoreCommitsThem() {
        deliverLive();
        List<Map<String, Object>> issues = jdbc.queryForList(
                "SELECT grouping_key, status, alert_count, reopen_count FROM alerts.issues ORDER BY first_seen, grouping_key");
        assertThat(issues).extracting(r -> r.get("grouping_key") + " " + r.get("status") + " " + r.get("alert_count")
                        + " " + r.get("reopen_count"))
                .containsExactly(
                        "cluster=c-1|alert_name=Data Disk resolved 3 1",
                        "cluster=c-1|alert_name=BE CPU Alert resolved 1 0",
                        "cluster=c-2|alert_name=BE Mem open 1 0",
                        "cluster=c-2|alert_name=Memory Alert open 1 0",
                        "cluster=c-2|alert_name=BE Service Suspension open 1 0",
                        "cluster=c-1|alert_name=Data Disk open 1 0");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM alerts.issue_alerts WHERE issue_id IS NULL", Integer.class))
                .as("no resolve left waiting").isZero();
        assertThat(jdbc.queryForList("SELECT CAST(related_issues AS VARCHAR) FROM alerts.issues WHERE cluster_id = 'c-2'",
                String.class)).as("the storm on c-2 is linked").allSatisfy(r -> assertThat(r.split(",")).hasSize(2));
        assertThat(jdbc.queryForList("SELECT DISTINCT event_type FROM alerts.issue_events", String.class))
                .contains("opened", "auto_resolved", "reopened", "linked");
    }

    @Test
    void deliveriesThatArriveWhileGroupingIsBusyAreGroupedAsIfEachWaited() {
        deliverLive();
        List<Map<String, Object>> oneByOne = snapshot();
        jdbc.update("DELETE FROM alerts.issue_events");
        jdbc.update("DELETE FROM alerts.issue_alerts");
        jdbc.update("DELETE FROM alerts.issues");
        jdbc.update("DELETE FROM alerts.lark_alerts");

        // the first call holds the listener thread until every delivery is stored, so the later ones come in one call
        CountDownLatch allStored = new CountDownLatch(1);
        List<Integer> callSizes = new CopyOnWriteArrayList<>();
        AlertsStoredListener busy = stored -> {
            callSizes.add(stored.size());
            try {
                allStored.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        AlertStore fresh = TestStores.alertStore(store.dataSource(), List.of(busy, grouping));
        int run = 0;
        for (List<NormalizedAlert> batch : deliveries()) {
            assertThat(fresh.store(batch, "run-" + ++run).inserted()).isPositive();
        }
        allStored.countDown();
        assertThat(fresh.awaitListeners(Duration.ofSeconds(30))).isTrue();
        assertThat(callSizes).as("stored alerts handed over per call").hasSizeLessThan(deliveries().size());
        grouping.sweep(grouping.now());
        assertThat(snapshot()).isEqualTo(oneByOne);
    }

    @Test
    void aPassThatLoadsOnlyTheAlertsItTouchesCountsTheIssueAsIfItLoadedThemAll() {
        // one issue with many instances (nodes), grown over many passes; later passes touch one instance each
        for (int n = 0; n < 12; n++) {
            alerts.store(List.of(firing("c-9", "Disk", "be-" + n, n == 5 ? "critical" : "warning", T0.plusMinutes(n))), "grow-" + n);
        }
        awaitGrouping();
        alerts.store(List.of(resolved("c-9", "Disk", "be-3", "warning", T0.plusMinutes(3), T0.plusMinutes(40))), "r-1");
        // a resolve that lost its start time: found through the alert's identity among the issue's alerts
        alerts.store(List.of(resolved("c-9", "Disk", "be-7", "warning", null, T0.plusMinutes(41))), "r-2");
        alerts.store(List.of(firing("c-9", "Disk", "be-3", "warning", T0.plusMinutes(3))), "redelivered");
        awaitGrouping();
        Map<String, Object> issue = jdbc.queryForMap("""
                SELECT alert_count, firing_count, severity, first_seen, last_seen, status,
                       CAST(affected_nodes AS VARCHAR) AS nodes FROM alerts.issues WHERE cluster_id = 'c-9'""");
        assertThat(issue).containsEntry("alert_count", 12).containsEntry("firing_count", 10)
                .containsEntry("severity", "critical").containsEntry("status", "open")
                .containsEntry("first_seen", Timestamp.valueOf(T0)).containsEntry("last_seen", Timestamp.valueOf(T0.plusMinutes(11)));
        assertThat((String) issue.get("nodes")).contains("be-0", "be-11");

        List<Map<String, Object>> live = snapshot();
        grouping.rebuild(T0.minusDays(1), T0.plusDays(1));
        assertThat(snapshot()).as("grouping every alert in one pass from nothing").isEqualTo(live);
    }

    @Test
    void anIssueRowKeepsTheFirstFingerprintsAndNodesOnlyHoweverManyAlertsItTakes() {
        int alertsInIssue = IssueState.MAX_FINGERPRINTS + 30;
        for (int n = 0; n < alertsInIssue; n++) {
            // one pass per alert: the row's sets are added to pass by pass
            alerts.store(List.of(firing("c-8", "Disk", "be-" + n, "warning", T0.plusMinutes(n))), "many-" + n);
            if (n % 20 == 0) {
                awaitGrouping();
            }
        }
        awaitGrouping();
        Map<String, Object> live = jdbc.queryForMap("""
                SELECT alert_count, CAST(json_array_length(fingerprints) AS INTEGER) AS fps, CAST(fingerprints AS VARCHAR) AS f,
                       CAST(affected_nodes AS VARCHAR) AS nodes FROM alerts.issues WHERE cluster_id = 'c-8'""");
        assertThat(live).containsEntry("alert_count", alertsInIssue).containsEntry("fps", IssueState.MAX_FINGERPRINTS);
        List<String> smallest = jdbc.queryForList("""
                SELECT DISTINCT fingerprint FROM alerts.issue_alerts WHERE grouping_key = 'cluster=c-8|alert_name=Disk'
                ORDER BY fingerprint LIMIT 100""", String.class);
        assertThat((String) live.get("f")).contains(smallest.getFirst(), smallest.getLast());

        grouping.rebuild(T0.minusDays(1), T0.plusDays(1));
        assertThat(jdbc.queryForMap("""
                SELECT alert_count, CAST(json_array_length(fingerprints) AS INTEGER) AS fps, CAST(fingerprints AS VARCHAR) AS f,
                       CAST(affected_nodes AS VARCHAR) AS nodes FROM alerts.issues WHERE cluster_id = 'c-8'"""))
                .as("one pass over every alert keeps the same first ones").isEqualTo(live);
    }

    @Test
    void aPassOfManyAlertsWritesTheSameRowsAsManySmallPasses() {
        // live passes of 50 and the rebuild's one pass of them all both go through the store's bulk
        // replace (from BULK_REPLACE_ROWS rows); passesBelowTheBulkReplaceWriteTheSameRowsAsOnePass
        // covers passes that upsert statement by statement
        int n = IssueRepository.BULK_REPLACE_ROWS + 50;
        for (int i = 0; i < n; i += 50) {
            List<NormalizedAlert> part = new java.util.ArrayList<>();
            for (int j = i; j < Math.min(n, i + 50); j++) {
                part.add(firing("c-9", "Disk", "be-" + j, j % 7 == 0 ? "critical" : "warning", T0.plusMinutes(j)));
            }
            alerts.store(part, "small-" + i);
            awaitGrouping();
        }
        List<Map<String, Object>> small = snapshot();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM alerts.issue_alerts WHERE grouping_key LIKE 'cluster=c-9|%'",
                Integer.class)).isEqualTo(n);

        grouping.rebuild(T0.minusDays(1), T0.plusDays(1));
        assertThat(snapshot()).isEqualTo(small);
        assertThat(jdbc.queryForList("SELECT table_name FROM information_schema.tables WHERE table_name LIKE '%_stage_%'"))
                .as("no staging table is left").isEmpty();
    }

    @Test
    void passesBelowTheBulkReplaceWriteTheSameRowsAsOnePass() {
        // passes of a few alerts upsert statement by statement (a power of two of rows or not)
        int n = 3 * (IssueRepository.BULK_REPLACE_ROWS - 1);
        int pass = IssueRepository.BULK_REPLACE_ROWS - 1;
        for (int i = 0; i < n; i += pass) {
            List<NormalizedAlert> part = new java.util.ArrayList<>();
            for (int j = i; j < i + pass; j++) {
                part.add(firing("c-" + j % 5, "Disk " + j % 3, "be-" + j, j % 4 == 0 ? "critical" : "warning",
                        T0.plusMinutes(j)));
            }
            alerts.store(part, "few-" + i);
            awaitGrouping();
        }
        List<Map<String, Object>> few = snapshot();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM alerts.issue_alerts", Integer.class)).isEqualTo(n);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM alerts.issues", Integer.class)).isEqualTo(15);

        grouping.rebuild(T0.minusDays(1), T0.plusDays(1));
        assertThat(snapshot()).isEqualTo(few);
    }

    /** One delivery per list, each grouped before the next. */
    @SafeVarargs
    private void deliver(List<NormalizedAlert>... deliveries) {
        int run = 0;
        for (List<NormalizedAlert> d : deliveries) {
            alerts.store(d, "d-" + ++run);
            awaitGrouping();
        }
    }

    private String counts(String cluster) {
        Map<String, Object> r = jdbc.queryForMap(
                "SELECT status, alert_count, firing_count FROM alerts.issues WHERE cluster_id = ?", cluster);
        return r.get("status") + " " + r.get("alert_count") + " " + r.get("firing_count");
    }

    private List<String> instanceKeys(String cluster) {
        return jdbc.queryForList("""
                SELECT DISTINCT instance_key FROM alerts.issue_alerts WHERE grouping_key LIKE 'cluster=' || ? || '|%'
                ORDER BY 1""", String.class, cluster);
    }

    @Test
    void anAlertFromTheWebhookAndFromTheLarkChannelIsOneAlertOfItsIssueWhicheverCameFirst() {
        NormalizedAlert webhookFirst = firing("c-3", "Disk", "be-1", "warning", T0);
        NormalizedAlert larkFirst = firing("c-4", "Disk", "be-1", "warning", T0);
        deliver(List.of(webhookFirst, lark(larkFirst)), List.of(lark(webhookFirst), larkFirst));
        assertThat(counts("c-3")).isEqualTo("open 1 1");
        assertThat(counts("c-4")).as("the Lark copy's rows moved to the webhook's instance").isEqualTo("open 1 1");
        assertThat(instanceKeys("c-3")).containsExactly(GroupingKeys.instanceKey(webhookFirst));
        assertThat(instanceKeys("c-4")).containsExactly(GroupingKeys.instanceKey(larkFirst));

        // a resolve from either source ends the alert, and with it the issue
        NormalizedAlert end3 = resolved("c-3", "Disk", "be-1", "warning", T0, T0.plusMinutes(30));
        NormalizedAlert end4 = resolved("c-4", "Disk", "be-1", "warning", T0, T0.plusMinutes(30));
        deliver(List.of(lark(end3), end4));
        assertThat(counts("c-3")).isEqualTo("resolved 1 0");
        assertThat(counts("c-4")).isEqualTo("resolved 1 0");
        deliver(List.of(end3, lark(end4)));
        assertThat(counts("c-3")).isEqualTo("resolved 1 0");
        assertThat(counts("c-4")).isEqualTo("resolved 1 0");

        // a rebuild gives the same issues and rows; which of two simultaneous resolves ended an issue
        // (and so its event's id) follows the order of arrival live and the message ids in a rebuild
        List<Map<String, Object>> live = snapshot().subList(0, 2);
        String liveEvents = jdbc.queryForList("SELECT issue_id, event_type, created_at FROM alerts.issue_events ORDER BY ALL")
                .toString();
        grouping.rebuild(T0.minusDays(1), T0.plusDays(1));
        assertThat(snapshot().subList(0, 2)).as("one pass over every alert from nothing").isEqualTo(live);
        assertThat(jdbc.queryForList("SELECT issue_id, event_type, created_at FROM alerts.issue_events ORDER BY ALL"))
                .hasToString(liveEvents);
    }

    @Test
    void aLarkResolveThatCameBeforeAnyFiringJoinsTheWebhookCopyWhenItsFiringArrives() {
        NormalizedAlert firing = firing("c-5", "Disk", "be-1", "warning", T0);
        deliver(List.of(lark(resolved("c-5", "Disk", "be-1", "warning", T0, T0.plusMinutes(10)))), List.of(firing));
        assertThat(counts("c-5")).isEqualTo("resolved 1 0");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM alerts.issue_alerts WHERE issue_id IS NULL", Integer.class))
                .as("no resolve left waiting").isZero();
    }

    @Test
    void twoWebhookAlertsOfOneEpisodeStayTwoAndTheLarkCopyJoinsOneOfThem() {
        NormalizedAlert disk1 = firing("c-6", "Disk", "be-1", "warning", T0);
        NormalizedAlert disk2 = otherLabels(disk1, "mount=/data2");
        deliver(List.of(lark(disk1)), List.of(disk1), List.of(disk2));
        assertThat(counts("c-6")).isEqualTo("open 2 2");
        deliver(List.of(disk2, disk1).stream().map(a -> lark(a)).toList());
        assertThat(counts("c-6")).as("a redelivered Lark card changes nothing").isEqualTo("open 2 2");
    }

    @Test
    void larkAlertsWithoutAWebhookCopyAreCountedAsBefore() {
        deliver(List.of(lark(firing("c-7", "Disk", "be-1", "warning", T0)), lark(firing("c-7", "Disk", "be-2", "warning", T0))),
                List.of(lark(firing("c-7", "Disk", "be-1", "warning", T0.plusMinutes(5)))));
        assertThat(counts("c-7")).isEqualTo("open 3 3");
    }

    private void awaitGrouping() {
        assertThat(alerts.awaitListeners(Duration.ofSeconds(30))).isTrue();
    }

    @Test
    void rebuildGivesTheSameIssuesAsLiveGroupingAndIsIdempotent() {
        deliverLive();
        List<Map<String, Object>> live = snapshot();

        IssueGrouping.RebuildResult first = grouping.rebuild(T0.minusDays(1), T0.plusDays(1));
        assertThat(first.issuesBefore()).isEqualTo(6);
        assertThat(first.issuesAfter()).isEqualTo(6);
        assertThat(snapshot()).isEqualTo(live);

        grouping.rebuild(T0.minusDays(1), T0.plusDays(1));
        assertThat(snapshot()).isEqualTo(live);
    }

    @Test
    void rebuildKeepsWhatOperatorsDid() {
        deliverLive();
        long id = jdbc.queryForObject("SELECT issue_id FROM alerts.issues WHERE grouping_key = 'cluster=c-2|alert_name=BE Mem'",
                Long.class);
        GroupingState state = new GroupingState();
        IssueRepository repo = new IssueRepository(JdbcClient.create(store.dataSource()), jdbc, new DuckDbDialect());
        repo.loadIssues(state, List.of(id));
        Triage triage = new Triage(state, "op@byoc.test", T0.plusHours(2));
        triage.acknowledge(state.issues.get(id), null);
        triage.assign(state.issues.get(id), "ana@byoc.test", null);
        triage.comment(state.issues.get(id), "BE OOM again");
        repo.save(state);

        grouping.rebuild(T0.minusDays(1), T0.plusDays(1));

        Map<String, Object> row = jdbc.queryForMap("SELECT status, assignee FROM alerts.issues WHERE issue_id = ?", id);
        assertThat(row).containsEntry("status", "acknowledged").containsEntry("assignee", "ana@byoc.test");
        assertThat(jdbc.queryForList("SELECT note FROM alerts.issue_events WHERE issue_id = ? AND event_type = 'comment'",
                String.class, id)).containsExactly("BE OOM again");
    }

    @Test
    void aFailedPassIsCaughtUpByTheSweep() {
        AlertStore withoutGrouping = TestStores.alertStore(store.dataSource());
        NormalizedAlert missed = firing("c-3", "Data Disk", "be-1", "warning", T0.plusHours(2));
        withoutGrouping.store(List.of(missed), "run-x");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM alerts.issues", Integer.class)).isZero();
        grouping.sweep(grouping.now());
        assertThat(jdbc.queryForObject("SELECT count(*) FROM alerts.issues WHERE cluster_id = 'c-3'", Integer.class)).isOne();
    }

    @Test
    void theSweepLeavesAlertsReceivedInTheLastMinuteToTheGroupingPassOnItsWay() {
        AlertStore withoutGrouping = TestStores.alertStore(store.dataSource());
        withoutGrouping.store(List.of(firing("c-4", "Data Disk", "be-1", "warning", grouping.now().minusSeconds(20))), "run-y");
        grouping.sweep(grouping.now());
        assertThat(jdbc.queryForObject("SELECT count(*) FROM alerts.issues WHERE cluster_id = 'c-4'", Integer.class)).isZero();
        grouping.sweep(grouping.now().plusMinutes(1));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM alerts.issues WHERE cluster_id = 'c-4'", Integer.class)).isOne();
    }
}
