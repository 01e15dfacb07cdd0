package dev.byocfleet.knowledge;

import java.time.LocalDateTime;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One document of the Knowledge Lake ({@code alerts.knowledge_documents}).
 *
 * @param affectedVersions StarRocks version ranges the document applies to: {@code *} (all),
 *                         {@code 3.3} (every 3.3.x), {@code 3.3.2}, {@code >=3.3.0 <3.3.4},
 *                         {@code 3.3.0-3.3.3}, {@code <3.1}; empty means not version-specific
 * @param fixedVersions    releases that carry the fix; a fix in {@code 3.3.4} clears 3.3.4 and later
 *                         3.3 patches even where an affected range would include them
 * @param revision         starts at 1 and grows with every change
 */
public record KnowledgeDocument(
        String docId,
        DocumentKind kind,
        String title,
        String body,
        List<String> tags,
        List<String> affectedVersions,
        List<String> fixedVersions,
        @Nullable String source,
        int revision,
        LocalDateTime createdAt,
        LocalDateTime updatedAt,
        @Nullable String updatedBy) {
}
