package dev.byocfleet.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.byocfleet.ingest.AlertStore.StoreResult;
import dev.byocfleet.store.DuckDbDialect;
import dev.byocfleet.support.TestStore;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

class AlertStoreTest {

    private final TestStore db = new TestStore();
    private final JdbcTemplate jdbc = new JdbcTemplate(db.dataSource());
    private final AlertStore store = new AlertStore(
            new AlertRepository(JdbcClient.create(db.dataSource()), jdbc, new DuckDbDialect()),
            new TransactionTemplate(new DataSourceTransactionManager(db.dataSource())));

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void anAnnouncedRequestCountsAsArrivedOnceItsBatchIsQueuedOrTheRequestEnds() {
        AlertStore.Arrival stored = store.arrival();
        AlertStore.Arrival refused = store.arrival();
        AlertStore.Arrival empty = store.arrival();
        assertThat(store.arriving()).isEqualTo(3);

        assertThat(store.accept(List.of(TestAlerts.parsed("a", "c-1")), "run-1", stored).inserted()).isEqualTo(1);
        assertThat(store.arriving()).as("its batch was queued").isEqualTo(2);
        stored.close();
        refused.close();
        refused.close();
        assertThat(store.arriving()).as("each request counted off once").isEqualTo(1);
        assertThat(store.accept(List.of(), "run-2", empty).inserted()).isZero();
        assertThat(store.arriving()).as("a body without alerts has nothing to queue").isZero();
        empty.close();
        assertThat(store.arriving()).isZero();
    }

    @Test
    void callersAreAnsweredWithoutWaitingForTheListenersWhichGetOnlyNewAlertsInCommitOrder() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        List<String> told = new CopyOnWriteArrayList<>();
        AlertsStoredListener slow = stored -> {
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            stored.forEach(a -> told.add(a.messageId()));
        };
        AlertStore withListener = TestStores.alertStore(db.dataSource(), List.of(slow));

        assertThat(withListener.store(List.of(TestAlerts.parsed("a", "c-1"), TestAlerts.parsed("b", "c-1")), "run-1").inserted())
                .isEqualTo(2);
        assertThat(withListener.store(List.of(TestAlerts.parsed("b", "c-1"), TestAlerts.parsed("c", "c-1")), "run-2").inserted())
                .as("answered while the listener is still busy with the first batch").isEqualTo(1);
        assertThat(count()).isEqualTo(3);
        assertThat(withListener.awaitListeners(Duration.ofMillis(50))).as("the listener is still held").isFalse();
        assertThat(told).isEmpty();

        release.countDown();
        assertThat(withListener.awaitListeners(Duration.ofSeconds(30))).isTrue();
        assertThat(told).containsExactly("a", "b", "c");
    }

    @Test
    void aFailingListenerLeavesTheAlertsStoredAndTheNextCallsStillArrive() {
        List<String> told = new CopyOnWriteArrayList<>();
        AlertsStoredListener failsOnce = stored -> {
            if (stored.stream().anyMatch(a -> a.messageId().equals("a"))) {
                throw new IllegalStateException("a listener bug");
            }
            stored.forEach(a -> told.add(a.messageId()));
        };
        AlertStore withListener = TestStores.alertStore(db.dataSource(), List.of(failsOnce));
        withListener.store(List.of(TestAlerts.parsed("a", "c-1")), "run-1");
        assertThat(withListener.awaitListeners(Duration.ofSeconds(30))).isTrue();
        withListener.store(List.of(TestAlerts.parsed("b", "c-1")), "run-2");
        assertThat(withListener.awaitListeners(Duration.ofSeconds(30))).isTrue();
        assertThat(count()).isEqualTo(2);
        assertThat(told).containsExactly("b");
    }

    @Test
    void storesNewAlertsAndCountsThoseWithoutAClusterAndThoseNotParsed() {
        StoreResult r = store.store(List.of(TestAlerts.parsed("a", "c-1"), TestAlerts.parsed("b", null),
                TestAlerts.unparsed("c")), "run-1");
        assertThat(r).isEqualTo(new StoreResult(3, 0, 1, 1));
        assertThat(count()).isEqualTo(3);
    }

    @Test
    void anIdRepeatedWithinOneBatchIsStoredOnceAndCountedAsDuplicate() {
        StoreResult r = store.store(List.of(TestAlerts.parsed("a", "c-1"), TestAlerts.parsed("a", "c-1"),
                TestAlerts.parsed("b", null), TestAlerts.parsed("a", "c-2")), "run-1");
        assertThat(r).isEqualTo(new StoreResult(2, 2, 1, 0));
        assertThat(count()).isEqualTo(2);
        assertThat(jdbc.queryForObject("SELECT cluster_id FROM alerts.lark_alerts WHERE message_id = 'a'", String.class))
                .isEqualTo("c-1");
    }

    @Test
    void aRedeliveryAddsNothingAndCountsEveryAlertAsDuplicate() {
        List<NormalizedAlert> batch = List.of(TestAlerts.parsed("a", "c-1"), TestAlerts.parsed("b", null));
        assertThat(store.store(batch, "run-1")).isEqualTo(new StoreResult(2, 0, 1, 0));
        assertThat(store.store(batch, "run-2")).isEqualTo(new StoreResult(0, 2, 0, 0));
        assertThat(store.store(List.of(TestAlerts.parsed("b", null), TestAlerts.parsed("c", "c-1")), "run-3"))
                .isEqualTo(new StoreResult(1, 1, 0, 0));
        assertThat(count()).isEqualTo(3);
    }

    @Test
    void anEmptyBatchStoresNothing() {
        assertThat(store.store(List.of(), "run-1")).isEqualTo(new StoreResult(0, 0, 0, 0));
    }

    @Test
    void rowsAreCommittedWhenStoreReturns() throws Exception {
        store.store(List.of(TestAlerts.parsed("a", "c-1")), "run-1");
        // a connection of its own sees only committed rows
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM alerts.lark_alerts")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(1);
        }
    }

    @Test
    void concurrentDeliveriesOfTheSameAlertsStoreEachAlertOnce() throws Exception {
        List<NormalizedAlert> batch = IntStream.range(0, 50).mapToObj(i -> TestAlerts.parsed("m-" + i, "c-1")).toList();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<StoreResult>> calls = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                calls.add(() -> store.store(batch, "run"));
            }
            int inserted = 0;
            int duplicates = 0;
            for (Future<StoreResult> f : pool.invokeAll(calls)) {
                inserted += f.get().inserted();
                duplicates += f.get().duplicates();
            }
            assertThat(inserted).isEqualTo(50);
            assertThat(duplicates).isEqualTo(15 * 50);
            assertThat(count()).isEqualTo(50);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aBatchTheStoreRefusesFailsOnlyItsOwnCaller() throws Exception {
        // status is NOT NULL: this batch cannot be written, the others sharing its commit can
        NormalizedAlert bad = TestAlerts.parsed("bad", null);
        bad = new NormalizedAlert(bad.source(), bad.messageId(), null, null, null, "warning", null, null, null, null,
                null, null, null, null, null, null, null, null, bad.receivedAt(), "parsed", null, null);
        List<NormalizedAlert> badBatch = List.of(bad);
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<StoreResult>> good = new ArrayList<>();
            List<Future<StoreResult>> failing = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                int n = i;
                good.add(pool.submit(() -> store.store(List.of(TestAlerts.parsed("g-" + n, "c-1")), "run")));
                failing.add(pool.submit(() -> store.store(badBatch, "run")));
            }
            for (Future<StoreResult> f : good) {
                assertThat(f.get().inserted()).isEqualTo(1);
            }
            for (Future<StoreResult> f : failing) {
                assertThatThrownBy(f::get).hasCauseInstanceOf(DataAccessException.class);
            }
            assertThat(count()).isEqualTo(30);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anAlertStoredBehindTheStoresBackIsFoundWhenTheInsertFailsAndCountedAsDuplicate() {
        store.store(List.of(TestAlerts.parsed("a", "c-1")), "run-1");
        jdbc.update("INSERT INTO alerts.lark_alerts (message_id, source, status, severity, received_at, parse_status) "
                + "VALUES ('b', 'lark', 'firing', 'info', TIMESTAMP '2026-11-29 00:00:00', 'parsed')");
        assertThat(store.store(List.of(TestAlerts.parsed("b", null), TestAlerts.parsed("c", null)), "run-2"))
                .isEqualTo(new StoreResult(1, 1, 1, 0));
        assertThat(jdbc.queryForObject("SELECT source FROM alerts.lark_alerts WHERE message_id = 'b'", String.class))
                .isEqualTo("lark");
        assertThat(count()).isEqualTo(3);
    }

    @Test
    void anAlertDeletedBehindTheStoresBackIsStoredAgainNotTakenForADuplicate() {
        store.store(List.of(TestAlerts.parsed("a", "c-1")), "run-1");
        jdbc.update("DELETE FROM alerts.lark_alerts");
        assertThat(store.store(List.of(TestAlerts.parsed("a", "c-1")), "run-2")).isEqualTo(new StoreResult(1, 0, 0, 0));
        assertThat(count()).isEqualTo(1);
    }

    @Test
    void alertsStoredBeforeTheServerStartedAreDuplicates() {
        store.store(List.of(TestAlerts.parsed("a", "c-1")), "run-1");
        AlertStore restarted = new AlertStore(
                new AlertRepository(JdbcClient.create(db.dataSource()), jdbc, new DuckDbDialect()),
                new TransactionTemplate(new DataSourceTransactionManager(db.dataSource())));
        assertThat(restarted.store(List.of(TestAlerts.parsed("a", "c-1"), TestAlerts.parsed("b", "c-1")), "run-2"))
                .isEqualTo(new StoreResult(1, 1, 0, 0));
    }

    @Test
    void theWriterThatEndsWhenIdleIsStartedAgainByTheNextBatch() throws Exception {
        assertThat(store.store(List.of(TestAlerts.parsed("a", "c-1")), "run-1").inserted()).isEqualTo(1);
        Thread.sleep(1_500); // longer than the writer stays idle
        assertThat(store.store(List.of(TestAlerts.parsed("b", "c-1")), "run-2").inserted()).isEqualTo(1);
        assertThat(count()).isEqualTo(2);
    }

    private int count() {
        return jdbc.queryForObject("SELECT count(*) FROM alerts.lark_alerts", Integer.class);
    }
}
