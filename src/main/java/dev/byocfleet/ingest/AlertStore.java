package dev.byocfleet.ingest;

import dev.byocfleet.store.StoreAvailability;
import dev.byocfleet.store.StoreProperties;
import jakarta.annotation.PreDestroy;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
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
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stores normalized alerts exactly once: alerts whose message id is already stored (or repeated in
 * the same batch) are counted as duplicates and not written.
 *
 * <p>Two ways in. {@link #store} returns after the new rows are committed to the store (the Lark
 * pipeline, the demo, the evaluation). {@link #accept} (webhooks) returns once the new alerts are
 * durable: with an {@link AlertJournal} (the embedded DuckDB store) that is when they are forced into
 * the journal, and the store loads them right after; without one (StarRocks) it is the store's commit,
 * as for {@link #store}. Either way the sender may be acknowledged.
 *
 * <p>Concurrent callers share the work (group commit). One writer thread takes every queued batch,
 * decides which alerts are new — one existence query for the ids a {@link MessageIdIndex} of stored
 * ids says may be stored (redeliveries), none for new ids, and the ids accepted but not yet loaded are
 * known in memory — appends the new alerts of webhook batches to the journal with one fsync, answers
 * those callers and hands everything to one loader thread. The loader commits whatever has queued in
 * one transaction (one bulk insert), answers the {@link #store} callers and records the ids as
 * stored. A store transaction costs milliseconds of CPU however few rows it holds, so the fewer the
 * better. If a shared commit fails, each {@link #store} batch is retried alone with every id checked,
 * so one bad batch fails only its own caller; journaled alerts stay in the journal and are loaded
 * again until the store takes them, and meanwhile webhooks are refused (503) so senders retry. They
 * are refused the same way while more than {@code max-unloaded} accepted alerts wait for the loader.
 * The loader and the listeners can run at a lower CPU priority ({@link ThreadNice}; off unless
 * configured), so that in a burst the senders are answered first and loading and grouping catch up after.
 *
 * <p>On a store shared by several server processes (StarRocks replicas) an alert first stored by
 * another process is written again over the same key — still one row — and counted as inserted.
 *
 * <p>{@link AlertsStoredListener}s (issue grouping) are told after the alerts are loaded, on a
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
    private static final int MAX_GATHER_BATCHES = 64;
    /** Pauses between load attempts while the store fails, doubling up to the maximum. */
    private static final long FIRST_RETRY_MILLIS = 100;
    private static final long MAX_RETRY_MILLIS = 5_000;
    /** How long after a commit the loader lets journaled alerts gather before the next (see {@link #gatherLoads()}). */
    static final Duration LOAD_GATHER = Duration.ofMillis(250);
    /** How long after a listener call the next one lets stored alerts gather (see {@link #gatherForListeners()}). */
    static final Duration LISTENER_GATHER = Duration.ofSeconds(1);
    /**
     * Webhook intake counts as busy while the writer took (did not refuse) a group this recently: loading and
     * grouping then wait (up to the busy defer, see {@link #gatherLoads()}) so that the senders are
     * answered first.
     */
    static final long BUSY_WINDOW_NANOS = 50_000_000L;
    /** How often a gathering thread looks again whether it may go on. */
    private static final long GATHER_POLL_NANOS = 2_000_000L;
    /** How long a stop waits for queued loads before leaving them to the journal. */
    private static final Duration STOP_LOADING = Duration.ofSeconds(10);

    /**
     * Stored alerts handed to the listeners in one call at most, and the backlog at which a listener
     * gather ends early. A grouping pass loads and writes its issues however many alerts it holds:
     * 20,000 took 22–33 % less of the grouping thread's CPU than 5,000 (300,000 webhook alerts in
     * requests of 100, two runs each).
     */
    static final int MAX_LISTENER_CALL = 20_000;
    /** How long a batch path waits for the listeners ({@link #awaitListeners()}); the sweep groups what is left. */
    static final Duration BATCH_WAIT = Duration.ofMinutes(2);
    /** Stored alerts waiting for the listeners beyond which new ones are left to the issue sweep. */
    static final int MAX_LISTENER_BACKLOG = 200_000;
    /** Journaled alerts that may wait for the loader in a store made without a configured limit (tests). */
    static final int MAX_UNLOADED = 100_000;
    /** Heap an accepted alert holds until it is loaded, rounded up (its payload, labels and fields). */
    static final long UNLOADED_ALERT_BYTES = 4_096;

    /**
     * The default of {@code byoc.webhooks.max-unloaded}: as many alerts as a quarter of the heap holds,
     * at least 10,000 (131,072 with a 2 GB heap). A burst larger than that is refused, not lost.
     */
    static int defaultMaxUnloaded(long maxHeapBytes) {
        return (int) Math.min(Integer.MAX_VALUE, Math.max(10_000, maxHeapBytes / 4 / UNLOADED_ALERT_BYTES));
    }

    /**
     * A webhook batch refused while more than {@code max-unloaded} accepted alerts wait for the loader:
     * the store is up and catching up, and the sender should deliver again a little later.
     */
    public static final class BacklogFull extends DataAccessResourceFailureException {
        public BacklogFull(String message) {
            super(message);
        }
    }

    /** A caller's batch; {@code journaled} when it is answered once its new alerts are in the journal. */
    private record Batch(List<NormalizedAlert> alerts, String ingestRunId, boolean journaled,
                         CompletableFuture<StoreResult> result) {}

    /** Ids a load committed (the store has them now), and those of them it inserted as webhook rows. */
    private record Done(List<String> ids, List<String> webhookRows) {}

    /** How every webhook ingestion run id starts ({@code webhook-<source>-<hour>-<instance>}). */
    public static final String WEBHOOK_RUNS = "webhook-";

    /**
     * New alerts on their way into the store: from a caller's batch ({@code waiting} is its answer when
     * it waits for the commit, null when it was answered already) or from the journal after a restart
     * ({@code recovered}: the store may have them already). {@code received} is the whole batch they
     * were picked from; {@code segment} is the journal segment holding them, or -1.
     */
    private record Load(List<NormalizedAlert> alerts, List<NormalizedAlert> received, String ingestRunId,
                        long segment, boolean recovered, StoreResult result, CompletableFuture<StoreResult> waiting) {

        /** The whole batch again, every id to be checked: a waiting caller's batch retried alone. */
        Load alone() {
            return new Load(received, received, ingestRunId, segment, true, result, waiting);
        }

        /** The same alerts with every id to be checked against the store (the store may have some). */
        Load checked() {
            return new Load(alerts, received, ingestRunId, segment, true, result, waiting);
        }

        /** Queued for the loader: in {@code segment} of the journal (or -1), answered after the commit when {@code waiting}. */
        Load queued(long inSegment, CompletableFuture<StoreResult> answer) {
            return new Load(alerts, received, ingestRunId, inSegment, recovered, result, answer);
        }

        Load answered(StoreResult actual) {
            return new Load(alerts, received, ingestRunId, segment, recovered, actual, waiting);
        }
    }

    private static final Logger log = LoggerFactory.getLogger(AlertStore.class);

    private final AlertRepository repository;
    private final TransactionTemplate tx;
    private final List<AlertsStoredListener> listeners;
    private final AlertJournal journal;
    private final ConcurrentLinkedQueue<Batch> queue = new ConcurrentLinkedQueue<>();
    /** Webhook requests announced by {@link #arrival()} and not yet queued or ended. */
    private final AtomicInteger arriving = new AtomicInteger();
    /** Only the writer thread touches it. */
    private final MessageIdIndex index = new MessageIdIndex();
    /**
     * Ids in the journal and not yet loaded: duplicates for any later batch, since the loader keeps
     * trying until the store has them. Only the writer thread touches it. (A {@link #store} batch's
     * ids in flight are not here: its commit may still fail, and then a later batch must store them.)
     */
    private final Set<String> pending = new HashSet<>();
    /** Ids the loader stored, for the writer to move from {@link #pending} to the index. */
    private final ConcurrentLinkedQueue<Done> done = new ConcurrentLinkedQueue<>();
    private volatile Thread writer;
    private final ConcurrentLinkedQueue<Load> loads = new ConcurrentLinkedQueue<>();
    private final AtomicLong loadsQueued = new AtomicLong();
    private final AtomicLong loadsFinished = new AtomicLong();
    private final Object loadProgress = new Object();
    /** Set while journaled alerts cannot be loaded: webhooks are refused until a load succeeds. */
    private volatile String loadFailure;
    /** False until the journal left by the last run is loaded (webhooks are refused until then). */
    private volatile boolean journalReady;
    /** One platform thread: the loader holds store connections through native calls. */
    private final ExecutorService loader;
    /** Stored alerts in commit order, waiting for the listeners. */
    private final ConcurrentLinkedQueue<List<NormalizedAlert>> toNotify = new ConcurrentLinkedQueue<>();
    private final AtomicInteger backlog = new AtomicInteger();
    private volatile boolean stopping;
    /** Set when a stop gives up on the queued loads. */
    private volatile boolean closing;
    /** One platform thread: listeners write to the store through native calls, in commit order. */
    private final ExecutorService notifier;
    /** Journaled alerts not yet loaded from which webhooks are refused (503), so a backlog cannot grow without end. */
    private final int maxUnloaded;
    /** Whether the last group found {@link #maxUnloaded} reached (only the writer thread touches it): logged when it changes. */
    private boolean backlogFull;
    /** The least time from the end of one commit of journaled alerts to the start of the next; zero: none. */
    private final long loadGatherNanos;
    /** The least time from the end of one listener call to the start of the next; zero: none. */
    private final long listenerGatherNanos;
    /**
     * While webhooks keep arriving, the longest the loader, and the listeners, wait from the moment
     * they have work before taking what queued meanwhile; zero: they do not wait for the intake (see
     * {@link #gatherLoads()}).
     */
    private final long busyDeferNanos;
    /** See {@link #BUSY_WINDOW_NANOS}; tests lengthen it so that a slow test machine does not look idle. */
    private volatile long busyWindowNanos = BUSY_WINDOW_NANOS;
    /** When the writer last took a group of webhook batches (System.nanoTime), or 0: see {@link #BUSY_WINDOW_NANOS}. */
    private volatile long lastIntake;
    /** Journaled alerts not yet loaded, as the writer last counted them ({@link #pending}'s size). */
    private volatile int unloaded;
    /** Loads in {@link #loads} whose caller waits for their commit: no gathering while there is one. */
    private final AtomicInteger callersQueued = new AtomicInteger();
    /**
     * Since when the loader has had loads it has not caught up with (System.nanoTime; 0: caught up; only
     * the loader thread touches it): the busy defer counts from here, so after it the loader takes
     * everything queued before waiting again.
     */
    private long loadsWaitSince;
    /** As {@link #loadsWaitSince}, for the listeners' backlog (only the listener thread touches it). */
    private long listenersWaitSince;
    /** When the loader's last commit ended (only the loader thread touches it). */
    private long lastLoadEnd;
    /** When the last listener call ended (only the listener thread touches it). */
    private long lastListenerEnd;
    /**
     * Callers waiting in {@link #awaitLoaded} or {@link #awaitListeners}, plus one once a stop began:
     * while above zero nothing gathers, so they are not kept waiting.
     */
    private final AtomicInteger hurry = new AtomicInteger();

    AlertStore(AlertRepository repository, TransactionTemplate tx) {
        this(repository, tx, List.of());
    }

    AlertStore(AlertRepository repository, TransactionTemplate tx, List<AlertsStoredListener> listeners) {
        this(repository, tx, listeners, null);
    }

    /** With a journal (may be null); {@link #loadJournal()} then loads the records the last run left in it. */
    AlertStore(AlertRepository repository, TransactionTemplate tx, List<AlertsStoredListener> listeners,
               AlertJournal journal) {
        this(repository, tx, listeners, journal, LOAD_GATHER, LISTENER_GATHER);
    }

    /**
     * With the least times between two commits of journaled alerts ({@code loadGather}) and between
     * two listener calls ({@code listenerGather}); {@link Duration#ZERO} turns either off.
     */
    AlertStore(AlertRepository repository, TransactionTemplate tx, List<AlertsStoredListener> listeners,
               AlertJournal journal, Duration loadGather, Duration listenerGather) {
        this(repository, tx, listeners, journal, loadGather, listenerGather, MAX_UNLOADED, 0, Duration.ZERO);
    }

    /**
     * Also with the most journaled alerts that may wait for the loader before webhooks are refused
     * ({@code maxUnloaded}), the nice value of the loader and listener threads ({@code backgroundNice},
     * 0: unchanged; see {@link ThreadNice}), and how long loading and grouping may wait while webhooks
     * keep arriving ({@code busyDefer}, {@link Duration#ZERO}: not at all; see {@link #gatherLoads()}).
     */
    AlertStore(AlertRepository repository, TransactionTemplate tx, List<AlertsStoredListener> listeners,
               AlertJournal journal, Duration loadGather, Duration listenerGather, int maxUnloaded, int backgroundNice,
               Duration busyDefer) {
        if (maxUnloaded < 1) {
            throw new IllegalArgumentException("byoc.webhooks.max-unloaded (BYOC_WEBHOOK_MAX_UNLOADED) must be at least 1"
                    + " (0: a quarter of the heap's worth), not " + maxUnloaded);
        }
        this.maxUnloaded = maxUnloaded;
        this.loader = Executors.newSingleThreadExecutor(
                ThreadNice.lowered(Thread.ofPlatform().name("alert-store-loader").daemon().factory(), backgroundNice));
        this.notifier = Executors.newSingleThreadExecutor(
                ThreadNice.lowered(Thread.ofPlatform().name("alert-listeners").daemon().factory(), backgroundNice));
        this.repository = repository;
        this.tx = tx;
        this.listeners = List.copyOf(listeners);
        this.journal = journal;
        this.loadGatherNanos = Math.max(0, loadGather.toNanos());
        this.listenerGatherNanos = Math.max(0, listenerGather.toNanos());
        this.busyDeferNanos = Math.max(0, busyDefer.toNanos());
        long now = System.nanoTime();
        this.lastLoadEnd = now - loadGatherNanos;
        this.lastListenerEnd = now - listenerGatherNanos;
    }

    @Autowired
    AlertStore(AlertRepository repository, TransactionTemplate tx, List<AlertsStoredListener> listeners,
               StoreProperties storeProps, ObjectProvider<StoreAvailability> availability,
               @Value("${byoc.webhooks.journal-enabled:true}") boolean journalEnabled,
               @Value("${byoc.webhooks.journal-fsync-interval:0ms}") Duration journalFsyncInterval,
               @Value("${byoc.webhooks.load-gather:250ms}") Duration loadGather,
               @Value("${byoc.webhooks.listener-gather:1s}") Duration listenerGather,
               @Value("${byoc.webhooks.max-unloaded:0}") int maxUnloaded,
               @Value("${byoc.webhooks.background-nice:0}") int backgroundNice,
               @Value("${byoc.webhooks.busy-defer:3s}") Duration busyDefer) {
        this(repository, tx, listeners, journalEnabled && "duckdb".equals(storeProps.kind())
                ? AlertJournal.open(journalDir(storeProps.duckdbPath()), journalFsyncInterval).orElse(null) : null,
                loadGather, listenerGather, maxUnloaded == 0 ? defaultMaxUnloaded(Runtime.getRuntime().maxMemory()) : maxUnloaded,
                backgroundNice, busyDefer);
        if (journal != null) {
            StoreAvailability store = availability.getIfAvailable();
            if (store == null) {
                loadJournal();
            } else {
                store.whenAvailable("loading the alert journal left by the last run", this::loadJournal);
            }
        }
    }

    /** The journal's folder: next to the DuckDB file it feeds ({@code byoc-fleet.duckdb.alert-journal}). */
    static Path journalDir(Path duckdbFile) {
        return duckdbFile.resolveSibling(duckdbFile.getFileName() + ".alert-journal");
    }

    /** Stores the alerts and returns after they are committed to the store. */
    public StoreResult store(List<NormalizedAlert> alerts, String ingestRunId) {
        return submit(alerts, ingestRunId, false, null);
    }

    /**
     * Takes the alerts of a webhook request and returns once they are durable: in the journal when
     * there is one (the store loads them right after), else committed to the store. Refused with a
     * store failure (the sender retries) while the store is down or the last run's journal is loading.
     */
    public StoreResult accept(List<NormalizedAlert> alerts, String ingestRunId) {
        return accept(alerts, ingestRunId, null);
    }

    /** As {@link #accept(List, String)}, for a request announced by {@link #arrival()} (null: none). */
    public StoreResult accept(List<NormalizedAlert> alerts, String ingestRunId, Arrival arrival) {
        return submit(alerts, ingestRunId, journal != null, arrival);
    }

    /**
     * Announces a webhook request whose body is still being read and checked on its way to
     * {@link #accept}: while any is, the writer waits a little for it before taking a group, so one
     * journal write answers both. It counts as arrived once its batch is queued; close it when the
     * request ends either way (a refused request never gets there).
     */
    public Arrival arrival() {
        arriving.incrementAndGet();
        return new Arrival();
    }

    /** Webhook requests announced by {@link #arrival()} and not yet queued or ended: none once requests are over. */
    public int arriving() {
        return arriving.get();
    }

    /** A webhook request on its way to {@link #accept}; see {@link #arrival()}. One request thread uses it. */
    public final class Arrival implements AutoCloseable {
        private boolean pending = true;

        private Arrival() {}

        private void arrived() {
            if (pending) {
                pending = false;
                arriving.decrementAndGet();
                Thread w = writer;
                if (w != null) {
                    LockSupport.unpark(w);
                }
            }
        }

        @Override
        public void close() {
            arrived();
        }
    }

    /** Whether webhooks are answered from the journal (see {@link AlertJournal}). */
    public boolean journaled() {
        return journal != null;
    }

    private StoreResult submit(List<NormalizedAlert> alerts, String ingestRunId, boolean journaled, Arrival arrival) {
        if (alerts.isEmpty()) {
            if (arrival != null) {
                arrival.arrived();
            }
            return new StoreResult(0, 0, 0, 0);
        }
        Batch mine = new Batch(List.copyOf(alerts), ingestRunId, journaled, new CompletableFuture<>());
        queue.add(mine);
        startWriter();
        if (arrival != null) {
            arrival.arrived();
        }
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
     * The one thread that decides what is new: a platform thread, so the store's native calls never
     * hold one of the few carrier threads the request handlers' virtual threads run on. It ends after
     * a second with nothing to do and is started again by the next batch.
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
            List<Batch> group = nextGroup(queue, Batch::alerts);
            long start = System.nanoTime();
            try {
                take(group);
            } catch (RuntimeException | Error e) {
                group.forEach(b -> b.result().completeExceptionally(e));
            }
            lastWriteNanos = System.nanoTime() - start;
            idleSince = System.nanoTime();
        }
    }

    /**
     * Waits a little for more batches before taking a group, as PostgreSQL's commit_delay waits only
     * while other transactions are active: only while webhook requests that have arrived are still on
     * their way to {@link #accept} (see {@link #arrival()}), and at most a quarter of the last group's
     * time and {@link #MAX_GATHER_NANOS}. Each such request wakes the writer once it is queued or
     * ends, so the wait stops as soon as nobody else is coming. (It used to wait out its whole time
     * in steps of 0.3 ms whoever was coming: ~0.3 ms added to every group, a third of a redelivered
     * alert's answer time.)
     */
    private void gather(long lastWriteNanos) {
        long deadline = System.nanoTime() + Math.min(MAX_GATHER_NANOS, lastWriteNanos / 4);
        long left;
        while (arriving.get() > 0 && queue.size() < MAX_GATHER_BATCHES && (left = deadline - System.nanoTime()) > 0) {
            LockSupport.parkNanos(this, left);
        }
    }

    /**
     * Takes from the head of {@code queue} what one group holds: at least one item, then items while
     * their alerts stay within {@link #MAX_GROUP_ALERTS}.
     */
    private static <T> List<T> nextGroup(ConcurrentLinkedQueue<T> queue, Function<T, List<NormalizedAlert>> alerts) {
        List<T> group = new ArrayList<>();
        int size = 0;
        T next;
        while ((next = queue.peek()) != null && (group.isEmpty() || size + alerts.apply(next).size() <= MAX_GROUP_ALERTS)) {
            group.add(queue.poll());
            size += alerts.apply(next).size();
        }
        return group;
    }

    /**
     * One group on the writer thread: decides what is new, journals and answers the webhook batches,
     * and queues every batch's new alerts for the loader. A journaled batch is refused (a store
     * failure, so the sender retries) while the store is down: the journal would take it, but an
     * outage must reach the senders.
     */
    private void take(List<Batch> group) {
        applyDone();
        if (!index.loaded()) {
            repository.forEachMessageId(index::add);
            index.markLoaded();
        }
        List<Batch> journaled = group.stream().filter(Batch::journaled).toList();
        if (!journaled.isEmpty()) {
            boolean full = pending.size() >= maxUnloaded;
            if (full != backlogFull) {
                backlogFull = full;
                if (full) {
                    log.warn("webhooks are refused (503) while {} accepted alerts wait to be loaded into the store"
                            + " (BYOC_WEBHOOK_MAX_UNLOADED is {})", pending.size(), maxUnloaded);
                } else {
                    log.info("webhooks are taken again: {} accepted alerts wait to be loaded", pending.size());
                }
            }
            DataAccessResourceFailureException refusal = !journalReady
                    ? new DataAccessResourceFailureException("the alert journal left by the last run is still being loaded")
                    : loadFailure != null
                    ? new DataAccessResourceFailureException("alerts cannot be loaded into the store (" + loadFailure + ")")
                    : full ? new BacklogFull(pending.size() + " accepted alerts are still waiting to be loaded"
                            + " into the store (at most " + maxUnloaded + " may wait)") : null;
            if (refusal != null) {
                journaled.forEach(b -> b.result().completeExceptionally(refusal));
                group = group.stream().filter(b -> !b.journaled()).toList();
                if (group.isEmpty()) {
                    return;
                }
            } else {
                repository.probe();
                // busy only with requests taken: refused ones (a store outage, a backlog) must not hold the loader back
                lastIntake = System.nanoTime();
            }
        }
        List<Load> next = select(group);
        List<AlertJournal.Batch> records = new ArrayList<>();
        for (int i = 0; i < group.size(); i++) {
            if (group.get(i).journaled() && !next.get(i).alerts().isEmpty()) {
                records.add(new AlertJournal.Batch(group.get(i).ingestRunId(), next.get(i).alerts()));
            }
        }
        long segment = -1;
        if (!records.isEmpty()) {
            try {
                segment = journal.append(records);
            } catch (UncheckedIOException e) {
                throw new DataAccessResourceFailureException(e.getMessage(), e);
            }
        }
        for (int i = 0; i < group.size(); i++) {
            Batch b = group.get(i);
            Load l = next.get(i);
            if (b.journaled()) {
                if (!l.alerts().isEmpty()) {
                    l.alerts().forEach(a -> pending.add(a.messageId()));
                    enqueue(l.queued(segment, null));
                }
                b.result().complete(l.result());
            } else {
                // answered after the commit, even with nothing new: if the batch that claimed its alerts
                // fails, it is checked again alone
                enqueue(l.queued(-1, b.result()));
            }
        }
        unloaded = pending.size();
    }

    /** Ids the loader stored since the last group: they join the index and leave pending. */
    private void applyDone() {
        Done d;
        while ((d = done.poll()) != null) {
            for (String id : d.ids()) {
                index.add(id);
                pending.remove(id);
            }
            d.webhookRows().forEach(index::addCertain);
        }
        unloaded = pending.size();
    }

    /** Each batch's new alerts and counts: what is stored, accepted, or claimed by an earlier batch is a duplicate. */
    private List<Load> select(List<Batch> group) {
        Set<String> maybeStored = new HashSet<>();
        // ids known to be stored: those the index is certain of, then those the store has
        Set<String> claimed = new HashSet<>();
        for (Batch b : group) {
            for (NormalizedAlert a : b.alerts()) {
                if (pending.contains(a.messageId())) {
                    continue;
                }
                if (index.certainlyStored(a.messageId())) {
                    claimed.add(a.messageId());
                } else if (index.mightContain(a.messageId())) {
                    maybeStored.add(a.messageId());
                }
            }
        }
        Map<String, String> storedRuns = maybeStored.isEmpty() ? Map.of() : repository.storedRuns(maybeStored);
        storedRuns.forEach((id, run) -> {
            if (run != null && run.startsWith(WEBHOOK_RUNS)) {
                index.addCertain(id);
            }
        });
        claimed.addAll(storedRuns.keySet());
        List<Load> result = new ArrayList<>(group.size());
        for (Batch b : group) {
            Map<String, NormalizedAlert> fresh = new LinkedHashMap<>();
            for (NormalizedAlert a : b.alerts()) {
                if (!pending.contains(a.messageId()) && claimed.add(a.messageId())) {
                    fresh.put(a.messageId(), a);
                }
            }
            result.add(new Load(List.copyOf(fresh.values()), b.alerts(), b.ingestRunId(), -1, false,
                    counts(fresh.values(), b.alerts().size()), null));
        }
        return result;
    }

    private static StoreResult counts(Collection<NormalizedAlert> fresh, int received) {
        int unmapped = (int) fresh.stream().filter(a -> a.parsed() && a.clusterId() == null).count();
        int unparsed = (int) fresh.stream().filter(a -> !a.parsed()).count();
        return new StoreResult(fresh.size(), received - fresh.size(), unmapped, unparsed);
    }

    private void enqueue(Load load) {
        loadsQueued.incrementAndGet();
        if (load.waiting() != null) {
            callersQueued.incrementAndGet();
        }
        loads.add(load);
        try {
            loader.execute(this::loadQueued);
        } catch (RejectedExecutionException e) {
            // stopping: a journaled load stays in the journal; a waiting caller is told
            finished(List.of(load), false, new DataAccessResourceFailureException("the server is stopping"));
        }
    }

    /**
     * On the loader thread: commits what is queued, a group of up to {@link #MAX_GROUP_ALERTS} alerts
     * at a time. While the store fails, journaled loads are retried with growing pauses (webhooks are
     * refused meanwhile); a waiting caller's batch is retried alone with every id checked, then fails.
     */
    private void loadQueued() {
        long pause = FIRST_RETRY_MILLIS;
        while (!loads.isEmpty()) {
            gatherLoads();
            List<Load> group = nextGroup(loads, Load::alerts);
            group.forEach(l -> {
                if (l.waiting() != null) {
                    callersQueued.decrementAndGet();
                }
            });
            if (loads.isEmpty()) {
                loadsWaitSince = 0; // caught up: the next load's wait starts afresh
            }
            RuntimeException failure = tryLoad(group);
            lastLoadEnd = System.nanoTime();
            if (failure == null) {
                loadFailure = null;
                pause = FIRST_RETRY_MILLIS;
                continue;
            }
            List<Load> kept = new ArrayList<>();
            for (Load l : group) {
                if (l.waiting() == null) {
                    kept.add(l);
                } else {
                    RuntimeException alone = tryLoad(List.of(l.alone()));
                    if (alone != null) {
                        finished(List.of(l), false, alone);
                    }
                }
            }
            if (kept.isEmpty() || (reachable() && rejectPoison(kept))) {
                continue;
            }
            loadFailure = failure.getMessage();
            log.warn("{} journaled alerts could not be loaded into the store ({}); retrying in {} ms, webhooks are "
                    + "refused meanwhile", kept.stream().mapToInt(l -> l.alerts().size()).sum(), failure.getMessage(), pause);
            if (closing || !sleep(pause)) {
                return;
            }
            pause = Math.min(MAX_RETRY_MILLIS, pause * 2);
            // back at the head of the queue, in their order, each with every id checked
            List<Load> rest = new ArrayList<>(kept.stream().map(Load::checked).toList());
            Load r;
            while ((r = loads.poll()) != null) {
                rest.add(r);
            }
            loads.addAll(rest);
        }
    }

    /**
     * When only journaled alerts are queued (nobody waits for this commit) and the last commit ended
     * less than the load gather time ago, waits until that time has passed: each store commit costs
     * milliseconds of CPU and forces the store's log to disk however few rows it holds, so under
     * sustained intake one commit takes many requests' alerts, while an alert arriving after a quiet
     * spell is loaded at once. Ends early once a fifth of a group is queued, or someone waits
     * ({@link #awaitLoaded}, a stop).
     * <p>
     * While webhooks keep arriving (see {@link #BUSY_WINDOW_NANOS}) it waits longer, up to the busy
     * defer from the moment it had loads to do (then it takes everything queued before it waits again),
     * and whatever is queued: on a machine of few cores the store's
     * appends and the issue grouping after them would otherwise take the cores the request handlers
     * need, and in a burst the senders are the ones with timeouts. The accepted alerts are safe in the
     * journal meanwhile; the wait ends early once half of {@code maxUnloaded} wait (so the intake is
     * never refused for it), when the intake pauses, or someone waits.
     */
    private void gatherLoads() {
        long deadline = lastLoadEnd + loadGatherNanos;
        if (loadsWaitSince == 0) {
            loadsWaitSince = System.nanoTime();
        }
        while (hurry.get() == 0 && !closing && callersQueued.get() == 0) {
            long now = System.nanoTime();
            if (deferring(loadsWaitSince, now) && unloaded < maxUnloaded / 2) {
                LockSupport.parkNanos(GATHER_POLL_NANOS);
                continue;
            }
            if (now - deadline >= 0) {
                return;
            }
            int queued = 0;
            for (Load l : loads) {
                queued += l.alerts().size();
            }
            if (queued >= MAX_GROUP_ALERTS / 5) {
                return;
            }
            LockSupport.parkNanos(Math.min(GATHER_POLL_NANOS, deadline - System.nanoTime()));
        }
    }

    /**
     * Whether a thread that has had work since {@code waitSince} still waits for the intake: within the
     * busy defer, and the writer took webhook batches within the last {@link #BUSY_WINDOW_NANOS}.
     */
    private boolean deferring(long waitSince, long now) {
        long last = lastIntake;
        return now - waitSince < busyDeferNanos && last != 0 && now - last < busyWindowNanos;
    }

    /** Sets how recently the intake must have taken a group to count as busy ({@link #BUSY_WINDOW_NANOS}). */
    AlertStore busyWindow(Duration window) {
        busyWindowNanos = window.toNanos();
        return this;
    }

    private boolean reachable() {
        try {
            repository.probe();
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /**
     * The store is up but refused a group of journaled loads: each is tried alone, and one the store
     * refuses even alone is taken out of the journal's way into its rejected file (kept for an operator,
     * logged as an error) so that it cannot hold up every later webhook. True when all were dealt with.
     */
    private boolean rejectPoison(List<Load> kept) {
        for (Load l : kept) {
            RuntimeException failure = tryLoad(List.of(l.checked()));
            if (failure != null) {
                if (!reachable()) {
                    return false;
                }
                journal.reject(new AlertJournal.Batch(l.ingestRunId(), l.alerts()), failure.getMessage());
                journal.loaded(l.segment(), 1);
                progress(1);
            }
        }
        loadFailure = null;
        return true;
    }

    /** One transaction for the group; null when it committed, else the failure (nothing was written). */
    private RuntimeException tryLoad(List<Load> group) {
        List<List<NormalizedAlert>> stored = new ArrayList<>();
        try {
            tx.executeWithoutResult(status -> write(group, stored));
        } catch (RuntimeException e) {
            return e;
        }
        List<String> webhookRows = new ArrayList<>();
        for (int i = 0; i < group.size(); i++) {
            if (group.get(i).segment() >= 0) {
                stored.get(i).forEach(a -> webhookRows.add(a.messageId()));
            }
        }
        done.add(new Done(group.stream().flatMap(l -> l.alerts().stream()).map(NormalizedAlert::messageId).toList(),
                webhookRows));
        notifyListeners(stored.stream().flatMap(List::stream).toList());
        List<Load> answered = new ArrayList<>(group.size());
        for (int i = 0; i < group.size(); i++) {
            Load l = group.get(i);
            answered.add(l.answered(counts(stored.get(i), l.received().size())));
        }
        finished(answered, true, null);
        return null;
    }

    /** Answers waiting callers, counts journal records as loaded, and lets {@link #awaitLoaded} waiters go. */
    private void finished(List<Load> group, boolean stored, RuntimeException failure) {
        for (Load l : group) {
            if (l.waiting() != null) {
                if (stored) {
                    l.waiting().complete(l.result());
                } else {
                    l.waiting().completeExceptionally(failure);
                }
            }
            if (stored && l.segment() >= 0) {
                journal.loaded(l.segment(), 1);
            }
        }
        progress(group.size());
    }

    private void progress(int loadsDone) {
        loadsFinished.addAndGet(loadsDone);
        synchronized (loadProgress) {
            loadProgress.notifyAll();
        }
    }

    /**
     * Inserts the group's alerts; when a load is recovered or retried (the store may have some of its
     * alerts), every id is checked and those the store has are left out. {@code stored} gets, per
     * load, the alerts it wrote.
     */
    private void write(List<Load> group, List<List<NormalizedAlert>> stored) {
        Set<String> present = Set.of();
        if (group.stream().anyMatch(Load::recovered)) {
            Set<String> ids = new HashSet<>();
            group.forEach(l -> l.alerts().forEach(a -> ids.add(a.messageId())));
            present = repository.existingMessageIds(ids);
        }
        List<AlertRepository.NewRow> rows = new ArrayList<>();
        Set<String> seen = new HashSet<>(present);
        for (Load l : group) {
            List<NormalizedAlert> mine = new ArrayList<>();
            for (NormalizedAlert a : l.alerts()) {
                if (seen.add(a.messageId())) {
                    rows.add(new AlertRepository.NewRow(a, l.ingestRunId()));
                    mine.add(a);
                }
            }
            stored.add(mine);
        }
        repository.insert(rows);
    }

    /**
     * Loads the records a crash or a stop left in the journal (the store may have some already) before
     * any webhook is taken. When the store keeps refusing them (three tries), their segments are set
     * aside under a new name, kept for an operator, and webhooks are taken again.
     */
    void loadJournal() {
        List<AlertJournal.Recovered> recovered = journal.recover();
        if (!recovered.isEmpty()) {
            int alerts = recovered.stream().mapToInt(r -> r.batch().alerts().size()).sum();
            log.info("loading {} alerts ({} webhook batches) from the alert journal left by the last run", alerts,
                    recovered.size());
            List<Load> group = new ArrayList<>();
            int size = 0;
            for (AlertJournal.Recovered r : recovered) {
                group.add(new Load(r.batch().alerts(), r.batch().alerts(), r.batch().ingestRunId(), r.segment(), true,
                        counts(r.batch().alerts(), r.batch().alerts().size()), null));
                size += r.batch().alerts().size();
                if (size >= MAX_GROUP_ALERTS) {
                    loadRecovered(group);
                    group = new ArrayList<>();
                    size = 0;
                }
            }
            loadRecovered(group);
        }
        journalReady = true;
    }

    private void loadRecovered(List<Load> group) {
        if (group.isEmpty()) {
            return;
        }
        loadsQueued.addAndGet(group.size());
        RuntimeException failure = null;
        long pause = FIRST_RETRY_MILLIS;
        for (int attempt = 0; attempt < 3; attempt++) {
            failure = tryLoad(group);
            if (failure == null || !sleep(pause)) {
                break;
            }
            pause *= 4;
        }
        if (failure != null) {
            String reason = failure.getMessage();
            group.stream().map(Load::segment).distinct().forEach(segment -> journal.setAside(segment, reason));
            progress(group.size());
        }
    }

    private static boolean sleep(long millis) {
        try {
            Thread.sleep(millis);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Waits until every alert accepted before this call is loaded into the store (or given up); true
     * when that happened within {@code timeout}.
     */
    public boolean awaitLoaded(Duration timeout) {
        hurry.incrementAndGet();
        try {
            return awaitLoaded(loadsQueued.get(), System.nanoTime() + timeout.toNanos());
        } finally {
            hurry.decrementAndGet();
        }
    }

    private boolean awaitLoaded(long target, long deadline) {
        synchronized (loadProgress) {
            while (loadsFinished.get() < target) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                try {
                    loadProgress.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        }
        return true;
    }

    /** How many commits' alerts wait for the listeners (for tests). */
    int commitsQueuedForListeners() {
        return toNotify.size();
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
        if (toNotify.isEmpty()) {
            return;
        }
        gatherForListeners();
        List<NormalizedAlert> all = new ArrayList<>();
        List<NormalizedAlert> next;
        while (all.size() < MAX_LISTENER_CALL && (next = toNotify.poll()) != null) {
            all.addAll(next);
        }
        if (all.isEmpty()) {
            return;
        }
        backlog.addAndGet(-all.size());
        if (toNotify.isEmpty()) {
            listenersWaitSince = 0; // caught up: the next call's wait starts afresh
        } else {
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
        lastListenerEnd = System.nanoTime();
    }

    /**
     * When the last listener call ended less than the listener gather time ago, waits until that time
     * has passed so that the next call takes what several commits stored: a grouping pass costs
     * its statements and its transaction however few alerts it holds. An alert stored after a quiet
     * spell goes to the listeners at once. Ends early once a full call's worth is waiting, or someone
     * waits ({@link #awaitListeners}, a stop). While webhooks keep arriving it waits as the loader does
     * (see {@link #gatherLoads()}), up to the busy defer from the moment it had alerts to hand over,
     * and while under a quarter of {@link #MAX_LISTENER_BACKLOG} wait.
     */
    private void gatherForListeners() {
        long deadline = lastListenerEnd + listenerGatherNanos;
        if (listenersWaitSince == 0) {
            listenersWaitSince = System.nanoTime();
        }
        while (hurry.get() == 0 && !stopping) {
            long now = System.nanoTime();
            boolean deferring = deferring(listenersWaitSince, now) && backlog.get() < MAX_LISTENER_BACKLOG / 4;
            if (!deferring && (now - deadline >= 0 || backlog.get() >= MAX_LISTENER_CALL)) {
                return;
            }
            LockSupport.parkNanos(deferring ? GATHER_POLL_NANOS : Math.min(GATHER_POLL_NANOS, deadline - now));
        }
    }

    /** {@link #awaitListeners(Duration)} for a batch path: at most {@link #BATCH_WAIT}. */
    public boolean awaitListeners() {
        return awaitListeners(BATCH_WAIT);
    }

    /**
     * Waits until every alert accepted before this call is loaded into the store and the listeners
     * have been told about it; true when that happened within {@code timeout}.
     */
    public boolean awaitListeners(Duration timeout) {
        hurry.incrementAndGet();
        try {
            long deadline = System.nanoTime() + timeout.toNanos();
            return awaitLoaded(loadsQueued.get(), deadline) && awaitNotifier(deadline);
        } finally {
            hurry.decrementAndGet();
        }
    }

    /** Waits until the listener calls queued before this one ran. */
    private boolean awaitNotifier(long deadline) {
        try {
            notifier.submit(() -> { }).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
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
     * Loads what is queued for a few seconds (what is left stays in the journal and is loaded at the
     * next start), closes the journal, then lets the listeners finish what is queued for a few seconds
     * so a normal stop leaves little to the sweep; then the call under way ends and the rest is left
     * (stored, grouped after the restart).
     */
    @PreDestroy
    void stop() {
        hurry.incrementAndGet();
        loader.shutdown();
        try {
            if (!loader.awaitTermination(STOP_LOADING.toMillis(), TimeUnit.MILLISECONDS)) {
                closing = true;
                loader.shutdownNow();
                loader.awaitTermination(STOP_LOADING.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (journal != null) {
            int left = journal.unloadedRecords();
            if (left > 0) {
                log.warn("stopping with {} webhook batches not yet loaded into the store; they stay in the alert "
                        + "journal and are loaded at the next start", left);
            }
            journal.close();
        }
        stopListeners();
    }

    private void stopListeners() {
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
}
