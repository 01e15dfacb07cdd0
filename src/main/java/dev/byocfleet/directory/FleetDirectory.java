package dev.byocfleet.directory;

import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.stream.Collectors;
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

    /**
     * One load of the directory: every cluster (by id, in id order) and every organization with its
     * customer profile (by id).
     */
    public record Snapshot(List<ClusterEntry> clusters, Map<String, ClusterEntry> byId,
                           Map<String, OrganizationEntry> organizationsById, Map<String, String> orgOfAccount) {

        Snapshot(List<ClusterEntry> clusters, List<OrganizationEntry> organizations, Map<String, String> orgOfAccount) {
            this(clusters.stream().sorted(Comparator.comparing(ClusterEntry::clusterId)).toList(), index(clusters),
                    organizations.stream().collect(Collectors.toUnmodifiableMap(
                            OrganizationEntry::orgId, o -> o, (first, second) -> first)),
                    Map.copyOf(orgOfAccount));
        }

        /** The organization id an account belongs to; null when the account is missing or has none. */
        public @Nullable String accountOrg(@Nullable String accountId) {
            return accountId == null ? null : orgOfAccount.get(accountId);
        }

        /** The number of organizations. */
        public long organizations() {
            return organizationsById.size();
        }

        /** The organization with this id and its customer profile; empty when the replica has none. */
        public Optional<OrganizationEntry> organization(@Nullable String orgId) {
            return orgId == null ? Optional.empty() : Optional.ofNullable(organizationsById.get(orgId));
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

    private record Loaded(Snapshot snapshot, String fingerprint) {
    }

    private final DirectoryRepository repository;
    private final Duration recheckInterval;
    private final LongSupplier nanoTime;
    /** The tables' fingerprint, read at most once per recheck interval. */
    private final Supplier<String> fingerprint;
    private final Object lock = new Object();
    private volatile @Nullable Loaded current;

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
        this.recheckInterval = recheckInterval;
        this.nanoTime = nanoTime;
        this.fingerprint = Recent.of(repository::fingerprint, recheckInterval, nanoTime);
    }

    /** The directory as of at most one recheck interval ago; reloads it when the fingerprint changed. */
    public Snapshot snapshot() {
        Loaded loaded = current;
        if (loaded != null && loaded.fingerprint().equals(fingerprint.get())) {
            return loaded.snapshot();
        }
        synchronized (lock) {
            // the newest fingerprint read, by this reader or another meanwhile
            String now = fingerprint.get();
            loaded = current;
            if (loaded != null && loaded.fingerprint().equals(now)) {
                return loaded.snapshot();
            }
            Snapshot snapshot = repository.load();
            current = new Loaded(snapshot, now);
            return snapshot;
        }
    }

    /**
     * Rows read without their cluster's names, each given what it takes from its cluster's entry
     * ({@code named}); a row whose cluster is not in the replica stays as it is, as the store's left
     * joins leave it. Reads the directory only when there are rows.
     */
    public <T> List<T> named(List<T> rows, Function<T, @Nullable String> clusterId, BiFunction<T, ClusterEntry, T> named) {
        if (rows.isEmpty()) {
            return rows;
        }
        Snapshot fleet = snapshot();
        return rows.stream().map(r -> fleet.cluster(clusterId.apply(r)).map(c -> named.apply(r, c)).orElse(r)).toList();
    }

    /**
     * A fingerprint of other tables' content, as the directory takes of its own: per table (name to
     * the columns covered) its row count and the sum of its rows' hashes, in one statement, read
     * anew on every call (wrap it in {@link #recent}). For pages that keep answers in memory beside
     * the directory's: any change of a covered value changes it.
     */
    public Supplier<String> fingerprint(Map<String, List<String>> columnsByTable) {
        String sql = repository.fingerprintSql(columnsByTable);
        return () -> repository.fingerprint(sql);
    }

    /**
     * {@code read} answered again for up to the same recheck interval: for other facts of the store
     * that the pages showing this directory check (table versions), so that they follow at one pace.
     */
    public <T> Supplier<T> recent(Supplier<T> read) {
        return Recent.of(read, recheckInterval, nanoTime);
    }

    /**
     * As {@link #recent}, but a caller that finds the last read too old gets it still while it is read
     * again on {@code background}: for a version whose read is dear (a fingerprint of large tables),
     * so that no request waits for it. A change shows within the interval and that read's time.
     */
    public <T> Supplier<T> recentInBackground(Supplier<T> read, java.util.concurrent.Executor background) {
        return Recent.inBackground(read, recheckInterval, nanoTime, background);
    }
}
