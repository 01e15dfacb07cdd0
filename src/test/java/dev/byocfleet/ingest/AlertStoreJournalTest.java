package dev.byocfleet.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.byocfleet.ingest.AlertStore.StoreResult;
import dev.byocfleet.store.DuckDbDialect;
import dev.byocfleet.support.TestStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Webhook batches answered from the alert journal: loaded right after, once, across restarts and outages. */
class AlertStoreJournalTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private final TestStore db = new TestStore();
    private final JdbcTemplate jdbc = new JdbcTemplate(db.dataSource());
    private final Path journalDir = db.dir().resolve("alert-journal");
    private final OutageDataSource switchable = new OutageDataSource(db.dataSource());
    private final List<AlertStore> opened = new ArrayList<>();

    @AfterEach
    void close() {
        opened.forEach(AlertStore::stop);
        db.close();
    }

    private AlertStore open(List<AlertsStoredListener> listeners) {
        return open(listeners, new AlertRepository(JdbcClient.create(switchable), new JdbcTemplate(switchable),
                new DuckDbDialect()));
    }

    private AlertStore open(List<AlertsStoredListener> listeners, AlertRepository repository) {
        AlertStore store = new AlertStore(repository, new TransactionTemplate(new DataSourceTransactionManager(switchable)),
                listeners, AlertJournal.open(journalDir).orElseThrow());
        store.loadJournal();
        opened.add(store);
        return store;
    }

    private static List<NormalizedAlert> alerts(String... ids) {
        return Stream.of(ids).map(id -> TestAlerts.parsed(id, "c-1")).toList();
    }

    private int count(String id) {
        return jdbc.queryForObject("SELECT count(*) FROM alerts.lark_alerts WHERE message_id = ?", Integer.class, id);
    }

    private int rows() {
        return jdbc.queryForObject("SELECT count(*) FROM alerts.lark_alerts", Integer.class);
    }

    private long segments() throws Exception {
        try (Stream<Path> files = Files.list(journalDir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".journal")).count();
        }
    }

    @Test
    void webhookBatchesAreAnsweredFromTheJournalAndLoadedRightAfterOnce() {
        List<String> told = new CopyOnWriteArrayList<>();
        AlertStore store = open(List.of(stored -> stored.forEach(a -> told.add(a.messageId()))));
        assertThat(store.journaled()).isTrue();

        assertThat(store.accept(alerts("a", "b"), "run-1")).isEqualTo(new StoreResult(2, 0, 0, 0));
        assertThat(store.accept(alerts("b", "c"), "run-2")).isEqualTo(new StoreResult(1, 1, 0, 0));
        assertThat(store.awaitListeners(WAIT)).isTrue();
        assertThat(rows()).isEqualTo(3);
        assertThat(told).containsExactly("a", "b", "c");
        assertThat(jdbc.queryForObject("SELECT ingest_run_id FROM alerts.lark_alerts WHERE message_id = 'c'", String.class))
                .isEqualTo("run-2");

        assertThat(store.accept(alerts("a", "b", "c"), "run-3")).isEqualTo(new StoreResult(0, 3, 0, 0));
        assertThat(store.store(alerts("c", "d"), "run-4")).isEqualTo(new StoreResult(1, 1, 0, 0));
        assertThat(rows()).isEqualTo(4);
    }

    /** A repository that counts the existence checks the store asks for. */
    private AlertRepository counting(AtomicInteger checks) {
        return new AlertRepository(JdbcClient.create(switchable), new JdbcTemplate(switchable), new DuckDbDialect()) {
            @Override
            Map<String, String> storedRuns(Collection<String> ids) {
                checks.incrementAndGet();
                return super.storedRuns(ids);
            }
        };
    }

    @Test
    void aRedeliveryOfWebhookRowsIsKnownToBeADuplicateWithoutAskingTheStore() {
        AtomicInteger checks = new AtomicInteger();
        AlertStore store = open(List.of(), counting(checks));
        String run = AlertStore.WEBHOOK_RUNS + "alertmanager-2026112910-test";
        assertThat(store.accept(alerts("a", "b"), run)).isEqualTo(new StoreResult(2, 0, 0, 0));
        assertThat(store.awaitListeners(WAIT)).isTrue();
        assertThat(store.accept(alerts("a", "b"), run)).isEqualTo(new StoreResult(0, 2, 0, 0));
        assertThat(checks).as("no existence query for the webhook's own rows").hasValue(0);

        // rows stored by another path (the evaluation deletes its own) are still checked, and a deleted
        // one is stored again
        assertThat(store.store(alerts("e"), "eval-1")).isEqualTo(new StoreResult(1, 0, 0, 0));
        assertThat(store.accept(alerts("e"), run)).isEqualTo(new StoreResult(0, 1, 0, 0));
        assertThat(checks).hasValue(1);
        jdbc.update("DELETE FROM alerts.lark_alerts WHERE message_id = 'e'");
        assertThat(store.accept(alerts("e"), run)).isEqualTo(new StoreResult(1, 0, 0, 0));
        assertThat(store.awaitListeners(WAIT)).isTrue();
        assertThat(count("e")).isEqualTo(1);
        assertThat(rows()).isEqualTo(3);
    }

    @Test
    void afterARestartAWebhookRowFoundByOneCheckNeedsNoOther() {
        AlertStore before = open(List.of());
        String run = AlertStore.WEBHOOK_RUNS + "grafana-2026112910-test";
        before.accept(alerts("a"), run);
        assertThat(before.awaitListeners(WAIT)).isTrue();
        before.stop();
        opened.remove(before);

        AtomicInteger checks = new AtomicInteger();
        AlertStore after = open(List.of(), counting(checks));
        assertThat(after.accept(alerts("a"), run)).isEqualTo(new StoreResult(0, 1, 0, 0));
        assertThat(after.accept(alerts("a"), run)).isEqualTo(new StoreResult(0, 1, 0, 0));
        assertThat(checks).hasValue(1);
        assertThat(count("a")).isEqualTo(1);
    }

    @Test
    void whatAKilledProcessLeftInTheJournalIsLoadedOnceBeforeTheNextStartTakesWebhooks() throws Exception {
        // the killed process had acknowledged three batches; it had loaded the first one only
        try (AlertJournal left = AlertJournal.open(journalDir).orElseThrow()) {
            left.append(List.of(new AlertJournal.Batch("run-1", alerts("a")), new AlertJournal.Batch("run-2", alerts("b", "c"))));
            left.append(List.of(new AlertJournal.Batch("run-3", alerts("d"))));
        }
        AlertStore before = new AlertStore(new AlertRepository(JdbcClient.create(db.dataSource()), jdbc, new DuckDbDialect()),
                new TransactionTemplate(new DataSourceTransactionManager(db.dataSource())));
        before.store(alerts("a"), "run-1");

        List<String> told = new CopyOnWriteArrayList<>();
        AlertStore restarted = open(List.of(stored -> stored.forEach(a -> told.add(a.messageId()))));
        assertThat(Stream.of("a", "b", "c", "d").mapToInt(this::count)).containsOnly(1);
        assertThat(restarted.awaitListeners(WAIT)).isTrue();
        assertThat(told).as("only what the journal added").containsExactly("b", "c", "d");
        assertThat(segments()).as("loaded segments are gone").isZero();
        assertThat(restarted.accept(alerts("a", "b", "c", "d", "e"), "run-4")).isEqualTo(new StoreResult(1, 4, 0, 0));
        assertThat(restarted.awaitLoaded(WAIT)).isTrue();
        assertThat(rows()).isEqualTo(5);
    }

    @Test
    void whileTheStoreIsDownWebhooksAreRefusedAndNothingIsJournaled() throws Exception {
        AlertStore store = open(List.of());
        store.accept(alerts("a"), "run-1");
        assertThat(store.awaitLoaded(WAIT)).isTrue();

        switchable.down = true;
        assertThatThrownBy(() -> store.accept(alerts("b"), "run-2")).isInstanceOf(DataAccessException.class);
        switchable.down = false;
        store.stop();
        opened.remove(store);
        try (AlertJournal reopened = AlertJournal.open(journalDir).orElseThrow()) {
            assertThat(reopened.recover()).as("nothing refused was journaled").isEmpty();
        }
        assertThat(count("b")).isZero();

        AlertStore back = open(List.of());
        assertThat(back.accept(alerts("b"), "run-2")).isEqualTo(new StoreResult(1, 0, 0, 0));
        assertThat(back.awaitLoaded(WAIT)).isTrue();
        assertThat(count("b")).isOne();
    }

    @Test
    void aJournaledBatchTheStoreRefusesEvenAloneIsKeptAsideAndDoesNotHoldUpLaterWebhooks() throws Exception {
        AlertStore store = open(List.of());
        NormalizedAlert ok = TestAlerts.parsed("bad", null);
        // status is NOT NULL in the store: this alert can never be loaded
        NormalizedAlert bad = new NormalizedAlert(ok.source(), ok.messageId(), null, null, null, "warning", null, null,
                null, null, null, null, null, null, null, null, null, null, ok.receivedAt(), "parsed", null, null);
        assertThat(store.accept(List.of(bad), "run-bad").inserted()).isOne();
        assertThat(store.awaitLoaded(WAIT)).isTrue();
        assertThat(count("bad")).isZero();
        assertThat(Files.readString(journalDir.resolve("rejected.jsonl"))).contains("run-bad").contains("\"bad\"");

        assertThat(store.accept(alerts("after"), "run-ok").inserted()).isOne();
        assertThat(store.awaitLoaded(WAIT)).isTrue();
        assertThat(count("after")).isOne();
        assertThat(segments()).isLessThanOrEqualTo(1);
    }

    @Test
    void concurrentDeliveriesOfTheSameAlertsStoreEachOnceAndCountItOnce() throws Exception {
        AlertStore store = open(List.of());
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<StoreResult>> answers = new ArrayList<>();
            for (int sender = 0; sender < 6; sender++) {
                for (int n = 0; n < 20; n++) {
                    List<NormalizedAlert> batch = alerts("x-" + n, "y-" + n);
                    answers.add(pool.submit(() -> store.accept(batch, "run")));
                }
            }
            int inserted = 0;
            for (Future<StoreResult> f : answers) {
                inserted += f.get().inserted();
            }
            assertThat(inserted).isEqualTo(40);
            assertThat(store.awaitLoaded(WAIT)).isTrue();
            assertThat(rows()).isEqualTo(40);
            assertThat(IntStream.range(0, 20).map(n -> count("x-" + n))).containsOnly(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void webhooksAreRefusedWhileTooManyAcceptedAlertsWaitForTheLoaderAndTakenAgainOnceItCaughtUp() throws Exception {
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        AlertRepository slow = new AlertRepository(JdbcClient.create(switchable), new JdbcTemplate(switchable),
                new DuckDbDialect()) {
            @Override
            void insert(List<NewRow> newRows) {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                super.insert(newRows);
            }
        };
        AlertStore store = new AlertStore(slow, new TransactionTemplate(new DataSourceTransactionManager(switchable)),
                List.of(), AlertJournal.open(journalDir).orElseThrow(), Duration.ZERO, Duration.ZERO, 3, 0, Duration.ZERO);
        store.loadJournal();
        opened.add(store);

        assertThat(store.accept(alerts("a", "b"), "run-1").inserted()).isEqualTo(2);
        assertThat(store.accept(alerts("c", "d"), "run-2").inserted()).isEqualTo(2);
        // four accepted alerts wait for the stuck loader, three may: the next request is refused, nothing kept of it
        assertThatThrownBy(() -> store.accept(alerts("e"), "run-3"))
                .isInstanceOf(AlertStore.BacklogFull.class)
                .hasMessageContaining("4 accepted alerts are still waiting to be loaded")
                .hasMessageContaining("at most 3");
        // a redelivery of accepted alerts is refused as well (the sender retries it later; it stays a duplicate)
        assertThatThrownBy(() -> store.accept(alerts("a"), "run-4")).isInstanceOf(DataAccessException.class);

        release.countDown();
        assertThat(store.awaitLoaded(WAIT)).isTrue();
        assertThat(store.accept(alerts("e", "a"), "run-5")).isEqualTo(new StoreResult(1, 1, 0, 0));
        assertThat(store.awaitLoaded(WAIT)).isTrue();
        assertThat(rows()).isEqualTo(5);
        assertThat(List.of("a", "b", "c", "d", "e")).allSatisfy(id -> assertThat(count(id)).isEqualTo(1));
    }

    @Test
    void aStoreRefusesAMaximumOfUnloadedAlertsBelowOneAndTheDefaultIsAQuarterOfTheHeap() {
        assertThatThrownBy(() -> new AlertStore(null, null, List.of(), null, Duration.ZERO, Duration.ZERO, 0, 0, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("BYOC_WEBHOOK_MAX_UNLOADED");
        assertThat(AlertStore.defaultMaxUnloaded(2L << 30)).isEqualTo(131_072);
        assertThat(AlertStore.defaultMaxUnloaded(64L << 20)).isEqualTo(10_000);
        assertThat(AlertStore.defaultMaxUnloaded(Long.MAX_VALUE)).isEqualTo(Integer.MAX_VALUE);
    }
}
