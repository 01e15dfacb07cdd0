package dev.byocfleet.ingest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stores normalized alerts exactly once: alerts whose message id is already stored (or repeated in
 * the same batch) are counted as duplicates and not written. Returns only after the new rows are
 * committed, so a caller may acknowledge its sender.
 */
@Service
public class AlertStore {

    /** What one call stored. */
    public record StoreResult(int inserted, int duplicates, int unmapped, int unparsed) {}

    private final AlertRepository repository;
    private final TransactionTemplate tx;

    public AlertStore(AlertRepository repository, TransactionTemplate tx) {
        this.repository = repository;
        this.tx = tx;
    }

    public StoreResult store(List<NormalizedAlert> alerts, String ingestRunId) {
        Map<String, NormalizedAlert> unique = new LinkedHashMap<>();
        for (NormalizedAlert a : alerts) {
            unique.putIfAbsent(a.messageId(), a);
        }
        return tx.execute(status -> {
            Set<String> existing = repository.existingMessageIds(unique.keySet());
            List<NormalizedAlert> fresh = new ArrayList<>();
            for (NormalizedAlert a : unique.values()) {
                if (!existing.contains(a.messageId())) {
                    fresh.add(a);
                }
            }
            repository.insert(fresh, ingestRunId);
            int unmapped = (int) fresh.stream().filter(a -> a.parsed() && a.clusterId() == null).count();
            int unparsed = (int) fresh.stream().filter(a -> !a.parsed()).count();
            return new StoreResult(fresh.size(), alerts.size() - fresh.size(), unmapped, unparsed);
        });
    }
}
