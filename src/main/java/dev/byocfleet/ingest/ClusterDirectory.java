package dev.byocfleet.ingest;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
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
    /** A reference the directory does not know, as remembered. */
    private static final String NONE = "";
    /** References remembered per load at most; past it the memory starts over. */
    static final int MAX_REMEMBERED = 50_000;

    private final ClusterDirectoryRepository repository;
    private volatile Snapshot snapshot;

    /**
     * One load; {@code remembered} holds what each reference seen since resolved to (a webhook's
     * alerts repeat a few cluster, job and instance labels thousands of times).
     */
    record Snapshot(Map<String, String> byKey, Instant loadedAt, Map<String, String> remembered) {}

    public ClusterDirectory(ClusterDirectoryRepository repository) {
        this.repository = repository;
    }

    /** The cluster id for any one of these references, trying them in order; empty when none is known. */
    public Optional<String> resolve(String... references) {
        Snapshot s = current();
        for (String ref : references) {
            if (ref == null) {
                continue;
            }
            String id = s.remembered().get(ref);
            if (id == null) {
                id = lookUp(s.byKey(), ref);
                if (s.remembered().size() >= MAX_REMEMBERED) {
                    s.remembered().clear();
                }
                s.remembered().put(ref, id);
            }
            if (!id.equals(NONE)) {
                return Optional.of(id);
            }
        }
        return Optional.empty();
    }

    private static String lookUp(Map<String, String> index, String ref) {
        if (ref.isBlank()) {
            return NONE;
        }
        for (String key : keysOf(ref)) {
            String id = index.get(key);
            if (id != null && !id.equals(AMBIGUOUS)) {
                return id;
            }
        }
        return NONE;
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
        return new Snapshot(index, Instant.now(), new ConcurrentHashMap<>());
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
        if (colon > 0 && digitsAfter(r, colon)) {
            keys.add(r.substring(0, colon));
        }
        return keys;
    }

    private static boolean digitsAfter(String s, int at) {
        for (int i = at + 1; i < s.length(); i++) {
            if (!Character.isDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static String norm(String s) {
        return s == null ? null : s.trim().toLowerCase(Locale.ROOT);
    }
}
