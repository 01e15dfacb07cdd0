package dev.byocfleet.issues.ai;

import dev.byocfleet.knowledge.SentenceEmbeddings;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Finds patterns across clusters: two issues on different clusters belong together when they are
 * alike (same alert family, or titles whose embeddings are close), overlap in time, and share a
 * StarRocks version, or region and instance type. Connected issues form a group; groups that span
 * two or more clusters are kept.
 */
final class PatternGrouping {

    /** Cosine similarity above which two issue texts count as alike across families. */
    static final double SIMILAR = 0.85;
    static final Duration NEAR = Duration.ofHours(6);

    /** One group before it is summarized. */
    record Group(String id, AlertFamily family, List<PatternCandidate> members, Map<String, String> shared,
                 Map<String, Object> evidence) {

        LocalDateTime firstSeen() {
            return members.stream().map(PatternCandidate::firstSeen).filter(Objects::nonNull).min(Comparator.naturalOrder()).orElse(null);
        }

        LocalDateTime lastSeen() {
            return members.stream().map(m -> m.lastSeen() != null ? m.lastSeen() : m.firstSeen()).filter(Objects::nonNull)
                    .max(Comparator.naturalOrder()).orElse(null);
        }

        List<String> clusters() {
            return members.stream().map(m -> m.clusterName() != null ? m.clusterName() : m.clusterId()).distinct().sorted().toList();
        }
    }

    private final Function<List<String>, List<float[]>> embed;

    PatternGrouping(Function<List<String>, List<float[]>> embed) {
        this.embed = embed;
    }

    List<Group> group(List<PatternCandidate> candidates) {
        int n = candidates.size();
        List<String> texts = candidates.stream().map(PatternCandidate::text).distinct().toList();
        Map<String, float[]> vectors = new LinkedHashMap<>();
        List<float[]> embedded = texts.isEmpty() ? List.of() : embed.apply(texts);
        for (int i = 0; i < texts.size(); i++) {
            vectors.put(texts.get(i), embedded.get(i));
        }
        int[] parent = new int[n];
        for (int i = 0; i < n; i++) {
            parent[i] = i;
        }
        Map<String, Double> bestSimilarity = new TreeMap<>();
        for (int i = 0; i < n; i++) {
            PatternCandidate a = candidates.get(i);
            for (int j = i + 1; j < n; j++) {
                PatternCandidate b = candidates.get(j);
                if (Objects.equals(a.clusterId(), b.clusterId()) || !near(a, b) || !sharesEnough(a, b)) {
                    continue;
                }
                boolean sameFamily = AlertFamily.of(a.alertName()) == AlertFamily.of(b.alertName())
                        && AlertFamily.of(a.alertName()) != AlertFamily.OTHER;
                double sim = SentenceEmbeddings.cosine(vectors.get(a.text()), vectors.get(b.text()));
                if (sameFamily || sim >= SIMILAR) {
                    union(parent, i, j);
                    bestSimilarity.merge(a.issueId() + "-" + b.issueId(), sim, Math::max);
                }
            }
        }
        Map<Integer, List<PatternCandidate>> components = new TreeMap<>();
        for (int i = 0; i < n; i++) {
            components.computeIfAbsent(find(parent, i), k -> new ArrayList<>()).add(candidates.get(i));
        }
        List<Group> groups = new ArrayList<>();
        for (List<PatternCandidate> members : components.values()) {
            if (members.stream().map(PatternCandidate::clusterId).distinct().count() < 2) {
                continue;
            }
            members.sort(Comparator.comparing(PatternCandidate::firstSeen, Comparator.nullsLast(Comparator.naturalOrder()))
                    .thenComparing(PatternCandidate::issueId));
            AlertFamily family = dominantFamily(members);
            Map<String, String> shared = shared(members);
            Map<String, Object> evidence = new LinkedHashMap<>();
            evidence.put("rule", "same alert family or title similarity >= " + SIMILAR + ", within " + NEAR.toHours()
                    + " h, on different clusters sharing a version, or region and instance type");
            evidence.put("pairs", bestSimilarity.entrySet().stream()
                    .filter(e -> members.stream().anyMatch(m -> e.getKey().startsWith(m.issueId() + "-")))
                    .limit(20).map(e -> Map.of("issues", e.getKey(), "title_similarity", Math.round(e.getValue() * 1000) / 1000.0))
                    .toList());
            evidence.put("alert_names", members.stream().map(PatternCandidate::alertName).distinct().sorted().toList());
            Group draft = new Group(null, family, members, shared, evidence);
            groups.add(new Group(stableId(family, shared, draft.firstSeen()), family, members, shared, evidence));
        }
        return groups;
    }

    private static boolean near(PatternCandidate a, PatternCandidate b) {
        if (a.firstSeen() == null || b.firstSeen() == null) {
            return false;
        }
        LocalDateTime aEnd = a.lastSeen() != null ? a.lastSeen() : a.firstSeen();
        LocalDateTime bEnd = b.lastSeen() != null ? b.lastSeen() : b.firstSeen();
        return !a.firstSeen().isAfter(bEnd.plus(NEAR)) && !b.firstSeen().isAfter(aEnd.plus(NEAR));
    }

    /** The same version, or the same region and instance type. */
    private static boolean sharesEnough(PatternCandidate a, PatternCandidate b) {
        boolean version = a.version() != null && a.version().equals(b.version());
        boolean region = a.region() != null && a.region().equals(b.region());
        boolean instance = a.instanceType() != null && a.instanceType().equals(b.instanceType());
        return version || (region && instance);
    }

    private static Map<String, String> shared(List<PatternCandidate> members) {
        Map<String, String> out = new TreeMap<>();
        put(out, "version", members.stream().map(PatternCandidate::version).toList());
        put(out, "region", members.stream().map(PatternCandidate::region).toList());
        put(out, "instance_type", members.stream().map(PatternCandidate::instanceType).toList());
        return out;
    }

    private static void put(Map<String, String> out, String key, List<String> values) {
        TreeSet<String> distinct = new TreeSet<>();
        for (String v : values) {
            if (v == null) {
                return;
            }
            distinct.add(v);
        }
        if (distinct.size() == 1) {
            out.put(key, distinct.first());
        }
    }

    private static AlertFamily dominantFamily(List<PatternCandidate> members) {
        Map<AlertFamily, Long> counts = new TreeMap<>();
        members.forEach(m -> counts.merge(AlertFamily.of(m.alertName()), 1L, Long::sum));
        return counts.entrySet().stream().max(Map.Entry.<AlertFamily, Long>comparingByValue()
                .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder()))).orElseThrow().getKey();
    }

    /** From the pattern (family, shared attributes, first day), not from the members' ids: the group keeps it as it grows. */
    static String stableId(AlertFamily family, Map<String, String> shared, LocalDateTime firstSeen) {
        String key = family.wire() + "|" + shared + "|" + (firstSeen == null ? "-" : firstSeen.toLocalDate());
        try {
            return "ai-" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(key.getBytes(StandardCharsets.UTF_8))).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    private static void union(int[] parent, int a, int b) {
        int ra = find(parent, a);
        int rb = find(parent, b);
        if (ra != rb) {
            parent[Math.max(ra, rb)] = Math.min(ra, rb);
        }
    }
}
