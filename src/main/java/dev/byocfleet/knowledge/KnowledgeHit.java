package dev.byocfleet.knowledge;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One search result.
 *
 * @param snippet    the passage that matched best (the embedding match; else the opening of the body)
 * @param score      the fused score (RRF) in hybrid mode, else the BM25 score or cosine similarity
 * @param bm25Rank   1-based rank in the BM25 ranking, null when absent from it
 * @param vectorRank 1-based rank in the vector ranking, null when absent from it
 */
public record KnowledgeHit(
        String docId,
        DocumentKind kind,
        String title,
        List<String> tags,
        List<String> affectedVersions,
        List<String> fixedVersions,
        @Nullable String source,
        String snippet,
        double score,
        @Nullable Integer bm25Rank,
        @Nullable Integer vectorRank) {
}
