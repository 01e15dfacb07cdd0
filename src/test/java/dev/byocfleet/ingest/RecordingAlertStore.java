package dev.byocfleet.ingest;

import dev.byocfleet.store.DuckDbDialect;
import dev.byocfleet.support.TestStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Journaled {@link AlertStore}s on one test store (DuckDB in a temporary folder) whose loader
 * commits and listener calls are recorded in order, with permits to wait for them, and whose store
 * can fail ({@link #switchable}). Close it after
 * the test: it stops the stores and removes the store.
 */
final class RecordingAlertStore implements AutoCloseable {

    final TestStore db = new TestStore();
    /** Its store; set {@code down} to fail every new connection, as in a store outage. */
    final OutageDataSource switchable = new OutageDataSource(db.dataSource());
    private final List<AlertStore> opened = new ArrayList<>();

    /** Each commit's inserted message ids, in commit order. */
    final List<List<String>> commits = new CopyOnWriteArrayList<>();
    /** One permit per committed row. */
    final Semaphore committed = new Semaphore(0);
    /** Each listener call's message ids, in call order. */
    final List<List<String>> calls = new CopyOnWriteArrayList<>();
    /** One permit per listener call. */
    final Semaphore called = new Semaphore(0);
    /** One permit per alert handed to the listener. */
    final Semaphore calledAlerts = new Semaphore(0);

    /** A store with a journal (its last run's records loaded), its loader and listener recorded here. */
    AlertStore open(Duration loadGather, Duration listenerGather, int maxUnloaded, Duration busyDefer) {
        AlertStore store = new AlertStore(repository(), new TransactionTemplate(new DataSourceTransactionManager(switchable)),
                List.of(listener()), AlertJournal.open(db.dir().resolve("alert-journal")).orElseThrow(), loadGather,
                listenerGather, maxUnloaded, 0, busyDefer);
        store.loadJournal();
        opened.add(store);
        return store;
    }

    /** Stops the store now (its queued loads and listener calls done), not at {@link #close()}. */
    void stop(AlertStore store) {
        store.stop();
        opened.remove(store);
    }

    @Override
    public void close() {
        opened.forEach(AlertStore::stop);
        db.close();
    }

    /** The repository on {@link #db}, recording each insert once it is done. */
    private AlertRepository repository() {
        return new AlertRepository(JdbcClient.create(switchable), new JdbcTemplate(switchable), new DuckDbDialect()) {
            @Override
            void insert(List<NewRow> newRows) {
                super.insert(newRows);
                commits.add(newRows.stream().map(r -> r.alert().messageId()).toList());
                committed.release(newRows.size());
            }
        };
    }

    /** A listener recording each call. */
    private AlertsStoredListener listener() {
        return stored -> {
            calls.add(stored.stream().map(NormalizedAlert::messageId).toList());
            called.release();
            calledAlerts.release(stored.size());
        };
    }
}
