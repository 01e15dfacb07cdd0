package dev.byocfleet.knowledge;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reciprocal rank fusion (Cormack, Clarke and Büttcher, 2009): a document scores the sum of
 * {@code 1 / (k + rank)} over the rankings it appears in. Only ranks count, so BM25 scores and
 * cosine similarities need no common scale.
 */
final class RankFusion {

    /** The constant of the paper; it damps the weight of the very first ranks. */
    static final int K = 60;

    /** A fused entry with its 1-based rank in each input ranking (null where it is absent). */
    record Fused(String id, double score, List<Integer> ranks) {
    }

    private RankFusion() {
    }

    static List<Fused> fuse(List<List<String>> rankings) {
        Map<String, double[]> scores = new LinkedHashMap<>();
        Map<String, Integer[]> ranks = new HashMap<>();
        for (int r = 0; r < rankings.size(); r++) {
            List<String> ranking = rankings.get(r);
            for (int i = 0; i < ranking.size(); i++) {
                String id = ranking.get(i);
                scores.computeIfAbsent(id, k -> new double[1])[0] += 1.0 / (K + i + 1);
                ranks.computeIfAbsent(id, k -> new Integer[rankings.size()])[r] = i + 1;
            }
        }
        List<Fused> out = new ArrayList<>();
        scores.forEach((id, s) -> out.add(new Fused(id, s[0], java.util.Arrays.asList(ranks.get(id)))));
        // Ties (same ranks in swapped lists) keep the order of first appearance: stable sort.
        out.sort(Comparator.comparingDouble(Fused::score).reversed());
        return out;
    }
}
