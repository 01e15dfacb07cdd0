package dev.byocfleet.directory;

import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The control-plane replica's clusters in memory with what every page shows next to a cluster:
 * names, organization, tier, live node counts. The fleet list and summary, and the issue and alert
 * lists, read it instead of joining four small tables in the store on every request (a join builds
 * a hash table over each of them per query: most of those requests' store time at seed scale).
 *
 * <p>Freshness: the replica is written from outside and has no change marks, so the directory
 * compares a fingerprint of the tables' content (row counts and sums of row hashes of every column
 * it keeps, one cheap statement) and reloads when it differs, in place updates included. It asks
 * at most once per {@code byoc.directory.recheck-interval} (default 1 s; 0 asks on every read):
 * a change of the replica shows within that interval. The fingerprint is read before the tables,
 * so a change landing during a load is caught by the next check, never kept.
 */
@Component
public class FleetDirectory {

    /** A node that still exists: not terminated and not decommissioned (alive or dead); alias {@code n}. */
    public static final String LIVE_NODE = "n.terminated_at IS NULL AND coalesce(lower(n.state), '') <> 'decommissioned'";

    /** One load of the directory: every cluster (by id, in id order) and the number of organizations. */
    public record Snapshot(List<ClusterEntry> clusters, long organizations, Map<String, ClusterEntry> byId) {

        Snapshot(List<ClusterEntry> clusters, long organizations) {
            this(clusters.stream().sorted(Comparator.comparing(ClusterEntry::clusterId)).toList(), organizations,
                    index(clusters));
        }

        private static Map<String, ClusterEntry> index(List<ClusterEntry> clusters) {
            Map<String, ClusterEntry> byId = new HashMap<>(clusters.size() * 2);
            clusters.forEach(c -> byId.put(c.clusterId(), c));
            return Map.copyOf(byId);
        }

        public Optional<ClusterEntry> cluster(@Nullable String clusterId) {
            return clusterId == null ? Optional.empty() : Optional.ofNullable(byId.get(clusterId));
        }
    }

    private record Checked(Snapshot snapshot, String fingerprint, long checkedAtNanos) {
    }

    private final DirectoryRepository repository;
    private final long recheckNanos;
    private final LongSupplier nanoTime;
    private final Object lock = new Object();
    private volatile @Nullable Checked current;

    @Autowired
    FleetDirectory(DirectoryRepository repository,
                   @Value("${byoc.directory.recheck-interval:1s}") Duration recheckInterval) {
        this(repository, recheckInterval, System::nanoTime);
    }

    FleetDirectory(DirectoryRepository repository, Duration recheckInterval, LongSupplier nanoTime) {
        if (recheckInterval.isNegative()) {
            throw new IllegalArgumentException("byoc.directory.recheck-interval must not be negative: " + recheckInterval);
        }
        this.repository = repository;
        this.recheckNanos = recheckInterval.toNanos();
        this.nanoTime = nanoTime;
    }

    /** The directory as of at most one recheck interval ago; checks the fingerprint (and reloads) when due. */
    public Snapshot snapshot() {
        Checked checked = current;
        if (checked != null && !due(checked)) {
            return checked.snapshot();
        }
        synchronized (lock) {
            checked = current;
            if (checked != null && !due(checked)) {
                return checked.snapshot();
            }
            String fingerprint = repository.fingerprint();
            Snapshot snapshot = checked != null && checked.fingerprint().equals(fingerprint)
                    ? checked.snapshot() : repository.load();
            current = new Checked(snapshot, fingerprint, nanoTime.getAsLong());
            return snapshot;
        }
    }

    private boolean due(Checked checked) {
        return recheckNanos == 0 || nanoTime.getAsLong() - checked.checkedAtNanos() >= recheckNanos;
    }
}
