package dev.byocfleet.knowledge;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The answer to a search: what was asked, the hits best first, and how long it took.
 *
 * @param indexSynced false until the index has first been brought level with the table after a start;
 *                    hits may be missing until then
 */
public record KnowledgeSearchResult(
        @Nullable String query,
        SearchMode mode,
        @Nullable DocumentKind kind,
        @Nullable String version,
        int limit,
        List<KnowledgeHit> hits,
        boolean indexSynced,
        long tookMs) {
}
