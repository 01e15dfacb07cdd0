package dev.byocfleet.ingest;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Maps what an alert says about its cluster — a cluster id, a cluster name, a Prometheus job named
 * after the cluster ({@code StarRocks_<name>}), a node's address with or without port, or an FE
 * host — to a {@code cluster_id} of {@code byoc.cluster}. One set-based load into memory, reloaded
 * when older than a minute, so resolution costs no query per alert. Ambiguous names resolve to
 * nothing rather than to a wrong cluster.
 */
@Service
public class ClusterDirectory {

    private static final Duration MAX_AGE = Duration.ofMinutes(1);
    private static final String AMBIGUOUS = "\u0000ambiguous";

    private final ClusterDirectoryRepository repository;
    private volatile Snapshot snapshot;

    record Snapshot(Map<String, String> byKey, Instant loadedAt) {}

    public ClusterDirectory(ClusterDirectoryRepository repository) {
        this.repository = repository;
    }

    /** The cluster id for any one of these references, trying them in order; empty when none is known. */
    public Optional<String> resolve(String... references) {
        Map<String, String> index = current().byKey();
        for (String ref : references) {
            if (ref == null || ref.isBlank()) {
                continue;
            }
            for (String key : keysOf(ref)) {
                String id = index.get(key);
                if (id != null && !id.equals(AMBIGUOUS)) {
                    return Optional.of(id);
                }
            }
        }
        return Optional.empty();
    }

    /** Forces the next lookup to reload (after a fleet is generated or imported). */
    public void invalidate() {
        snapshot = null;
    }

    private Snapshot current() {
        Snapshot s = snapshot;
        if (s == null || s.loadedAt().plus(MAX_AGE).isBefore(Instant.now())) {
            s = load();
            snapshot = s;
        }
        return s;
    }

    private Snapshot load() {
        Map<String, String> index = new HashMap<>();
        for (var c : repository.clusters()) {
            put(index, norm(c.clusterId()), c.clusterId());
            put(index, norm(c.clusterName()), c.clusterId());
        }
        for (var n : repository.liveNodeAddresses()) {
            put(index, norm(n.address()), n.clusterId());
        }
        return new Snapshot(index, Instant.now());
    }

    private static void put(Map<String, String> index, String key, String clusterId) {
        if (key == null || key.isEmpty()) {
            return;
        }
        index.merge(key, clusterId, (old, neu) -> old.equals(neu) ? old : AMBIGUOUS);
    }

    /** The forms a reference is looked up by: as given, without a job prefix, without a port. */
    static java.util.List<String> keysOf(String ref) {
        String r = norm(ref);
        java.util.List<String> keys = new java.util.ArrayList<>();
        keys.add(r);
        if (r.startsWith("starrocks_")) {
            keys.add(r.substring("starrocks_".length()));
        }
        int colon = r.lastIndexOf(':');
        if (colon > 0 && r.substring(colon + 1).chars().allMatch(Character::isDigit)) {
            keys.add(r.substring(0, colon));
        }
        return keys;
    }

    private static String norm(String s) {
        return s == null ? null : s.trim().toLowerCase(Locale.ROOT);
    }
}
