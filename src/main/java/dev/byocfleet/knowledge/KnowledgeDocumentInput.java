package dev.byocfleet.knowledge;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A document to create, replace or import. The service checks every field and reports the first
 * bad one by its JSON name.
 *
 * @param docId optional on create (derived from the title); ignored on update (the path names it)
 */
public record KnowledgeDocumentInput(
        @Nullable String docId,
        @Nullable String kind,
        @Nullable String title,
        @Nullable String body,
        @Nullable List<String> tags,
        @Nullable List<String> affectedVersions,
        @Nullable List<String> fixedVersions,
        @Nullable String source) {
}
