package dev.byocfleet.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.byocfleet.ingest.AlertStore.StoreResult;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Under sustained intake the loader's commits and the listener calls are spaced by their gather
 * times and take what queued meanwhile; after a quiet spell, a wait for them, or a stop, nothing
 * gathers. The gather times here are ten minutes, far beyond any wait of a test, so a load or call
 * that happens did not wait for its gather time to pass.
 */
class AlertStoreGatherTest {

    private static final Duration LONG = Duration.ofMinutes(10);
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final RecordingAlertStore recorded = new RecordingAlertStore();
    private final JdbcTemplate jdbc = new JdbcTemplate(recorded.db.dataSource());
    private final List<List<String>> commits = recorded.commits;
    private final Semaphore committed = recorded.committed;
    private final List<List<String>> calls = recorded.calls;
    private final Semaphore called = recorded.called;

    @AfterEach
    void close() {
        recorded.close();
    }

    private AlertStore open(Duration loadGather, Duration listenerGather) {
        return recorded.open(loadGather, listenerGather, AlertStore.MAX_UNLOADED, Duration.ZERO);
    }

    private static List<NormalizedAlert> alerts(String... ids) {
        return Stream.of(ids).map(id -> TestAlerts.parsed(id, "c-1")).toList();
    }

    private int rows() {
        return jdbc.queryForObject("SELECT count(*) FROM alerts.lark_alerts", Integer.class);
    }

    private static void await(Semaphore s, int permits) throws InterruptedException {
        assertThat(s.tryAcquire(permits, WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void anIsolatedAlertIsLoadedAndGroupedAtOnceAndLaterOnesOfManyRequestsInOneTransaction() throws Exception {
        AlertStore store = open(LONG, LONG);

        assertThat(store.accept(alerts("a"), "run-1")).isEqualTo(new StoreResult(1, 0, 0, 0));
        await(committed, 1);
        await(called, 1);
        assertThat(commits).containsExactly(List.of("a"));
        assertThat(calls).containsExactly(List.of("a"));

        // right after that commit, three more requests: answered at once, loaded together
        assertThat(store.accept(alerts("b"), "run-2")).isEqualTo(new StoreResult(1, 0, 0, 0));
        assertThat(store.accept(alerts("c", "d"), "run-3")).isEqualTo(new StoreResult(2, 0, 0, 0));
        assertThat(store.accept(alerts("e", "b"), "run-4")).isEqualTo(new StoreResult(1, 1, 0, 0));
        assertThat(commits).as("the loader gathers").hasSize(1);

        assertThat(store.awaitListeners(WAIT)).isTrue();
        assertThat(commits).containsExactly(List.of("a"), List.of("b", "c", "d", "e"));
        assertThat(calls).containsExactly(List.of("a"), List.of("b", "c", "d", "e"));
        assertThat(rows()).isEqualTo(5);
    }

    @Test
    void listenerCallsGatherWhatSeveralCommitsStored() throws Exception {
        AlertStore store = open(Duration.ZERO, LONG);

        store.accept(alerts("a"), "run-1");
        await(called, 1);
        store.accept(alerts("b"), "run-2");
        store.accept(alerts("c"), "run-3");
        await(committed, 3);
        // the loader does not wait, but may still take b and c in one commit when both are queued
        assertThat(commits.stream().flatMap(List::stream)).containsExactly("a", "b", "c");
        assertThat(calls).as("the listeners gather").containsExactly(List.of("a"));
        // a row is counted when inserted, before its commit queues it for the listeners: wait for both queued
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (store.commitsQueuedForListeners() < (commits.size() - 1) && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }

        assertThat(store.awaitListeners(WAIT)).isTrue();
        assertThat(calls).containsExactly(List.of("a"), List.of("b", "c"));
    }

    @Test
    void withoutGatheringEveryCommitIsLoadedAndToldOnItsOwn() throws Exception {
        AlertStore store = open(Duration.ZERO, Duration.ZERO);

        store.accept(alerts("a"), "run-1");
        await(called, 1);
        store.accept(alerts("b"), "run-2");
        await(called, 1);
        assertThat(commits).containsExactly(List.of("a"), List.of("b"));
        assertThat(calls).containsExactly(List.of("a"), List.of("b"));
    }

    @Test
    void aStopLoadsAndHandsOverEverythingQueued() throws Exception {
        AlertStore store = open(LONG, LONG);
        store.accept(alerts("a"), "run-1");
        await(called, 1);
        store.accept(alerts("b"), "run-2");
        store.accept(alerts("c"), "run-3");

        recorded.stop(store);

        assertThat(rows()).isEqualTo(3);
        assertThat(commits).containsExactly(List.of("a"), List.of("b", "c"));
        assertThat(calls).containsExactly(List.of("a"), List.of("b", "c"));
        AlertJournal reopened = AlertJournal.open(recorded.db.dir().resolve("alert-journal")).orElseThrow();
        try {
            assertThat(reopened.recover()).as("nothing is left in the journal").isEmpty();
        } finally {
            reopened.close();
        }
    }

    @Test
    void aCallerWaitingForTheCommitIsNotKeptWaitingByTheGather() {
        AlertStore store = open(LONG, LONG);
        store.accept(alerts("a"), "run-1");
        assertThat(store.awaitLoaded(WAIT)).isTrue();

        assertThat(store.store(alerts("b", "a"), "run-2")).isEqualTo(new StoreResult(1, 1, 0, 0));
        assertThat(rows()).isEqualTo(2);
    }
}
