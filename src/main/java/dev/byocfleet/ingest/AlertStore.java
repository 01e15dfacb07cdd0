package dev.byocfleet.ingest;

import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stores normalized alerts exactly once: alerts whose message id is already stored (or repeated in
 * the same batch) are counted as duplicates and not written. Returns only after the new rows are
 * committed, so a caller may acknowledge its sender.
 *
 * <p>Concurrent callers share commits (group commit): each call queues its batch and waits; one
 * writer thread takes every queued batch into one transaction — one existence check, one bulk
 * insert, one commit — then hands each caller its own counts. A commit costs milliseconds,
 * so this is what lets many small webhook requests through; it also keeps two concurrent deliveries
 * of the same alert from racing each other. If a shared commit fails, each batch is retried alone
 * with every id checked in the store, so one bad batch fails only its own caller.
 *
 * <p>The existence check asks the store only about ids a {@link MessageIdIndex} of stored ids says
 * may be there (redeliveries); new ids cost no query. On a store shared by several server
 * processes (StarRocks replicas) an alert first stored by another process is therefore written
 * again over the same key — still one row — and counted as inserted.
 *
 * <p>{@link AlertsStoredListener}s (issue grouping) are told after the callers are answered, on a
 * thread of their own, so a webhook's answer never waits for grouping. What several commits stored
 * while a listener was busy is handed over in one call, in commit order, so a listener's per-call
 * cost is shared by many commits. Batch paths that want the listeners' work done before they go on
 * (the Lark pipeline, the demo and the evaluation) call {@link #awaitListeners()}. Alerts that never reach the
 * listeners (a backlog over {@link #MAX_LISTENER_BACKLOG}, a stop) stay stored, and the issue sweep
 * groups them.
 */
@Service
public class AlertStore {

    /** What one call stored. */
    public record StoreResult(int inserted, int duplicates, int unmapped, int unparsed) {}

    /** Alerts one shared commit takes at most; a larger single batch is committed on its own. */
    static final int MAX_GROUP_ALERTS = 5_000;
    /** How long the idle writer sleeps before looking at the queue again (a new batch wakes it at once). */
    private static final long IDLE_PARK_NANOS = 100_000_000L;
    private static final long IDLE_EXIT_NANOS = 1_000_000_000L;
    static final long MAX_GATHER_NANOS = 4_000_000L;
    private static final long GATHER_STEP_NANOS = 300_000L;
    private static final int MAX_GATHER_BATCHES = 64;

    /** Stored alerts handed to the listeners in one call at most. */
    static final int MAX_LISTENER_CALL = 5_000;
    /** How long a batch path waits for the listeners ({@link #awaitListeners()}); the sweep groups what is left. */
    static final Duration BATCH_WAIT = Duration.ofMinutes(2);
    /** Stored alerts waiting for the listeners beyond which new ones are left to the issue sweep. */
    static final int MAX_LISTENER_BACKLOG = 200_000;

    private record Batch(List<NormalizedAlert> alerts, String ingestRunId, CompletableFuture<StoreResult> result) {}

    private static final Logger log = LoggerFactory.getLogger(AlertStore.class);

    private final AlertRepository repository;
    private final TransactionTemplate tx;
    private final List<AlertsStoredListener> listeners;
    private final ConcurrentLinkedQueue<Batch> queue = new ConcurrentLinkedQueue<>();
    /** Only the writer thread touches it. */
    private final MessageIdIndex index = new MessageIdIndex();
    private volatile Thread writer;
    /** Stored alerts in commit order, waiting for the listeners. */
    private final ConcurrentLinkedQueue<List<NormalizedAlert>> toNotify = new ConcurrentLinkedQueue<>();
    private final AtomicInteger backlog = new AtomicInteger();
    private volatile boolean stopping;
    /** One platform thread: listeners write to the store through native calls, in commit order. */
    private final ExecutorService notifier =
            Executors.newSingleThreadExecutor(Thread.ofPlatform().name("alert-listeners").daemon().factory());

    AlertStore(AlertRepository repository, TransactionTemplate tx) {
        this(repository, tx, List.of());
    }

    @Autowired
    AlertStore(AlertRepository repository, TransactionTemplate tx, List<AlertsStoredListener> listeners) {
        this.repository = repository;
        this.tx = tx;
        this.listeners = List.copyOf(listeners);
    }

    public StoreResult store(List<NormalizedAlert> alerts, String ingestRunId) {
        if (alerts.isEmpty()) {
            return new StoreResult(0, 0, 0, 0);
        }
        Batch mine = new Batch(List.copyOf(alerts), ingestRunId, new CompletableFuture<>());
        queue.add(mine);
        startWriter();
        Thread w = writer;
        if (w != null) {
            LockSupport.unpark(w);
        }
        try {
            return mine.result().join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    /**
     * The one thread that writes: a platform thread, so the store's native calls never hold one of
     * the few carrier threads the request handlers' virtual threads run on. It ends after a second
     * with nothing to do and is started again by the next batch.
     */
    private synchronized void startWriter() {
        if (writer == null) {
            writer = Thread.ofPlatform().name("alert-store-writer").daemon().start(this::writeLoop);
        }
    }

    /** Ends the writer if nothing is queued; a batch queued before this check is seen, one after starts a new writer. */
    private synchronized boolean stopWriterIfIdle() {
        if (queue.isEmpty()) {
            writer = null;
            return true;
        }
        return false;
    }

    private void writeLoop() {
        long lastWriteNanos = 0;
        long idleSince = System.nanoTime();
        while (true) {
            if (queue.isEmpty()) {
                if (System.nanoTime() - idleSince > IDLE_EXIT_NANOS && stopWriterIfIdle()) {
                    return;
                }
                LockSupport.parkNanos(this, IDLE_PARK_NANOS);
                continue;
            }
            gather(lastWriteNanos);
            List<Batch> group = drain();
            long start = System.nanoTime();
            try {
                commitGroup(group, false);
            } catch (RuntimeException | Error e) {
                group.forEach(b -> b.result().completeExceptionally(e));
            }
            lastWriteNanos = System.nanoTime() - start;
            idleSince = System.nanoTime();
        }
    }

    /**
     * Waits a little for more batches before a commit (as PostgreSQL's commit_delay does): callers
     * answered by the last commit are usually about to send their next batch, and a commit costs
     * about as much for one batch as for ten. The wait is a quarter of the last commit's time and at
     * most {@link #MAX_GATHER_NANOS}, so a fast store waits next to nothing.
     */
    private void gather(long lastWriteNanos) {
        long deadline = System.nanoTime() + Math.min(MAX_GATHER_NANOS, lastWriteNanos / 4);
        while (System.nanoTime() < deadline && queue.size() < MAX_GATHER_BATCHES) {
            LockSupport.parkNanos(GATHER_STEP_NANOS);
        }
    }

    private List<Batch> drain() {
        List<Batch> group = new ArrayList<>();
        int size = 0;
        Batch next;
        while ((next = queue.peek()) != null && (group.isEmpty() || size + next.alerts().size() <= MAX_GROUP_ALERTS)) {
            group.add(queue.poll());
            size += next.alerts().size();
        }
        return group;
    }

    private void commitGroup(List<Batch> group, boolean checkEveryId) {
        List<NormalizedAlert> stored = new ArrayList<>();
        try {
            if (!index.loaded()) {
                repository.forEachMessageId(index::add);
                index.markLoaded();
            }
            List<StoreResult> results = tx.execute(status -> write(group, checkEveryId, stored));
            stored.forEach(a -> index.add(a.messageId()));
            notifyListeners(stored);
            for (int i = 0; i < group.size(); i++) {
                group.get(i).result().complete(results.get(i));
            }
        } catch (RuntimeException e) {
            if (group.size() == 1 && checkEveryId) {
                group.getFirst().result().completeExceptionally(e);
                return;
            }
            for (Batch b : group) {
                commitGroup(List.of(b), true);
            }
        }
    }

    /** After the commit, before the callers are answered: queues the stored alerts for the listeners. */
    private void notifyListeners(List<NormalizedAlert> stored) {
        if (stored.isEmpty() || listeners.isEmpty()) {
            return;
        }
        if (backlog.addAndGet(stored.size()) > MAX_LISTENER_BACKLOG) {
            backlog.addAndGet(-stored.size());
            log.warn("{} stored alerts not handed to the listeners: {} are still waiting; the issue sweep groups them",
                    stored.size(), backlog.get());
            return;
        }
        toNotify.add(stored);
        try {
            notifier.execute(this::drainListeners);
        } catch (RejectedExecutionException e) {
            log.warn("{} stored alerts not handed to the listeners: stopping; the issue sweep groups them", stored.size());
        }
    }

    /**
     * Hands what is queued to the listeners in one call (up to {@link #MAX_LISTENER_CALL} alerts, so a
     * call stays short; the rest goes in the next); a failing listener is logged, the alerts stay stored.
     */
    private void drainListeners() {
        List<NormalizedAlert> all = new ArrayList<>();
        List<NormalizedAlert> next;
        while (all.size() < MAX_LISTENER_CALL && (next = toNotify.poll()) != null) {
            all.addAll(next);
        }
        if (all.isEmpty()) {
            return;
        }
        backlog.addAndGet(-all.size());
        if (!toNotify.isEmpty()) {
            try {
                notifier.execute(this::drainListeners);
            } catch (RejectedExecutionException e) {
                // stopping: what is left stays stored for the sweep
            }
        }
        if (stopping) {
            return;
        }
        for (AlertsStoredListener l : listeners) {
            try {
                l.alertsStored(all);
            } catch (RuntimeException e) {
                log.error("{} failed on {} stored alerts; they stay stored", l.getClass().getSimpleName(), all.size(), e);
            }
        }
    }

    /** {@link #awaitListeners(Duration)} for a batch path: at most {@link #BATCH_WAIT}. */
    public boolean awaitListeners() {
        return awaitListeners(BATCH_WAIT);
    }

    /**
     * Waits until the listeners have been told about every alert stored before this call; true when
     * they were within {@code timeout}.
     */
    public boolean awaitListeners(Duration timeout) {
        try {
            notifier.submit(() -> { }).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException | RejectedExecutionException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException e) {
            return false;
        }
    }

    /**
     * Lets the listeners finish what is queued for a few seconds so a normal stop leaves little to the
     * sweep; then the call under way ends and the rest is left (stored, grouped after the restart).
     */
    @PreDestroy
    void stopListeners() {
        notifier.shutdown();
        try {
            if (!notifier.awaitTermination(10, TimeUnit.SECONDS)) {
                stopping = true;
                log.warn("stopping with {} stored alerts not yet grouped; the issue sweep groups them after the restart",
                        backlog.get());
                notifier.awaitTermination(20, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One transaction for the whole group: what is stored already, or claimed by an earlier batch, is a duplicate. */
    private List<StoreResult> write(List<Batch> group, boolean checkEveryId, List<NormalizedAlert> stored) {
        Set<String> maybeStored = new HashSet<>();
        for (Batch b : group) {
            for (NormalizedAlert a : b.alerts()) {
                if (checkEveryId || index.mightContain(a.messageId())) {
                    maybeStored.add(a.messageId());
                }
            }
        }
        Set<String> claimed = new HashSet<>(maybeStored.isEmpty() ? Set.of() : repository.existingMessageIds(maybeStored));
        List<AlertRepository.NewRow> rows = new ArrayList<>();
        List<StoreResult> results = new ArrayList<>(group.size());
        for (Batch b : group) {
            Map<String, NormalizedAlert> fresh = new LinkedHashMap<>();
            for (NormalizedAlert a : b.alerts()) {
                if (claimed.add(a.messageId())) {
                    fresh.put(a.messageId(), a);
                }
            }
            fresh.values().forEach(a -> rows.add(new AlertRepository.NewRow(a, b.ingestRunId())));
            stored.addAll(fresh.values());
            int unmapped = (int) fresh.values().stream().filter(a -> a.parsed() && a.clusterId() == null).count();
            int unparsed = (int) fresh.values().stream().filter(a -> !a.parsed()).count();
            results.add(new StoreResult(fresh.size(), b.alerts().size() - fresh.size(), unmapped, unparsed));
        }
        repository.insert(rows);
        return results;
    }
}
