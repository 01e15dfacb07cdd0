package dev.byocfleet.ingest;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stores normalized alerts exactly once: alerts whose message id is already stored (or repeated in
 * the same batch) are counted as duplicates and not written. Returns only after the new rows are
 * committed, so a caller may acknowledge its sender.
 *
 * <p>Concurrent callers share commits (group commit): each call queues its batch, and whichever
 * caller holds the write lock takes every queued batch into one transaction — one existence check,
 * one bulk insert, one commit — then hands each caller its own counts. A commit costs milliseconds,
 * so this is what lets many small webhook requests through; it also keeps two concurrent deliveries
 * of the same alert from racing each other. If a shared commit fails, each batch is retried alone
 * with every id checked in the store, so one bad batch fails only its own caller.
 *
 * <p>The existence check asks the store only about ids a {@link MessageIdIndex} of stored ids says
 * may be there (redeliveries); new ids cost no query. On a store shared by several server
 * processes (StarRocks replicas) an alert first stored by another process is therefore written
 * again over the same key — still one row — and counted as inserted.
 */
@Service
public class AlertStore {

    /** What one call stored. */
    public record StoreResult(int inserted, int duplicates, int unmapped, int unparsed) {}

    /** Alerts one shared commit takes at most; a larger single batch is committed on its own. */
    static final int MAX_GROUP_ALERTS = 5_000;

    private record Batch(List<NormalizedAlert> alerts, String ingestRunId, CompletableFuture<StoreResult> result) {}

    private final AlertRepository repository;
    private final TransactionTemplate tx;
    private final ConcurrentLinkedQueue<Batch> queue = new ConcurrentLinkedQueue<>();
    private final ReentrantLock writeLock = new ReentrantLock();
    /** Guarded by writeLock. */
    private final MessageIdIndex index = new MessageIdIndex();

    public AlertStore(AlertRepository repository, TransactionTemplate tx) {
        this.repository = repository;
        this.tx = tx;
    }

    public StoreResult store(List<NormalizedAlert> alerts, String ingestRunId) {
        if (alerts.isEmpty()) {
            return new StoreResult(0, 0, 0, 0);
        }
        Batch mine = new Batch(List.copyOf(alerts), ingestRunId, new CompletableFuture<>());
        queue.add(mine);
        writeLock.lock();
        try {
            // Whoever drains a batch completes it before unlocking, so an undone batch is still queued.
            while (!mine.result().isDone()) {
                commitGroup(drain(), false);
            }
        } finally {
            writeLock.unlock();
        }
        try {
            return mine.result().join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
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
        List<String> stored = new ArrayList<>();
        try {
            if (!index.loaded()) {
                repository.forEachMessageId(index::add);
                index.markLoaded();
            }
            List<StoreResult> results = tx.execute(status -> write(group, checkEveryId, stored));
            stored.forEach(index::add);
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

    /** One transaction for the whole group: what is stored already, or claimed by an earlier batch, is a duplicate. */
    private List<StoreResult> write(List<Batch> group, boolean checkEveryId, List<String> stored) {
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
            stored.addAll(fresh.keySet());
            int unmapped = (int) fresh.values().stream().filter(a -> a.parsed() && a.clusterId() == null).count();
            int unparsed = (int) fresh.values().stream().filter(a -> !a.parsed()).count();
            results.add(new StoreResult(fresh.size(), b.alerts().size() - fresh.size(), unmapped, unparsed));
        }
        repository.insert(rows);
        return results;
    }
}
