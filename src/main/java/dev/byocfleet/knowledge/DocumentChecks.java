package dev.byocfleet.knowledge;

import dev.byocfleet.api.InvalidParameterException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Checks a {@link KnowledgeDocumentInput} field by field and turns it into a document. */
final class DocumentChecks {

    static final int MAX_ID = 128;
    static final int MAX_TITLE = 512;
    static final int MAX_BODY = 100_000;
    static final int MAX_TAGS = 30;
    static final int MAX_TAG = 64;
    static final int MAX_VERSIONS = 30;
    static final int MAX_SOURCE = 1024;
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,127}");

    private DocumentChecks() {
    }

    /** The document {@code in} describes, as revision {@code revision} by {@code actor}. */
    static KnowledgeDocument document(String docId, KnowledgeDocumentInput in, int revision, LocalDateTime createdAt,
                                      LocalDateTime now, String actor) {
        DocumentKind kind = in.kind() == null || in.kind().isBlank()
                ? fail("kind", "kind is required: one of " + DocumentKind.names()) : DocumentKind.parse(in.kind());
        String title = required("title", in.title(), MAX_TITLE);
        String body = required("body", in.body(), MAX_BODY);
        List<String> tags = tags(in.tags());
        List<String> affected = versions("affected_versions", in.affectedVersions());
        List<String> fixed = versions("fixed_versions", in.fixedVersions());
        affected.forEach(VersionRanges::parseRange);
        fixed.forEach(f -> VersionRanges.parseVersion(f, "fixed_versions"));
        String source = in.source() == null || in.source().isBlank() ? null : in.source().strip();
        if (source != null && source.length() > MAX_SOURCE) {
            fail("source", "source has at most " + MAX_SOURCE + " characters");
        }
        return new KnowledgeDocument(docId, kind, title, body, tags, affected, fixed, source, revision, createdAt, now,
                actor);
    }

    /** The id a new document gets: the one given, else one made from the title. */
    static String newId(KnowledgeDocumentInput in) {
        if (in.docId() != null && !in.docId().isBlank()) {
            return checkId(in.docId());
        }
        String title = required("title", in.title(), MAX_TITLE);
        String slug = title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        slug = slug.length() > 80 ? slug.substring(0, 80).replaceAll("-+$", "") : slug;
        return checkId("kb-" + (slug.isEmpty() ? Integer.toHexString(title.hashCode()) : slug));
    }

    static String checkId(String docId) {
        String id = docId == null ? "" : docId.strip();
        if (!ID.matcher(id).matches()) {
            fail("doc_id", "a document id has 1 to " + MAX_ID + " characters: lower-case letters, digits, '.', '_' "
                    + "and '-', starting with a letter or digit");
        }
        return id;
    }

    private static String required(String field, @Nullable String value, int max) {
        if (value == null || value.isBlank()) {
            fail(field, field + " is required");
        }
        String v = value.strip();
        if (v.length() > max) {
            fail(field, field + " has at most " + max + " characters");
        }
        return v;
    }

    private static List<String> tags(@Nullable List<String> tags) {
        LinkedHashSet<String> out = new LinkedHashSet<>();
        for (String t : tags == null ? List.<String>of() : tags) {
            String tag = t == null ? "" : t.strip().toLowerCase(Locale.ROOT);
            if (tag.isEmpty() || tag.length() > MAX_TAG) {
                fail("tags", "a tag has 1 to " + MAX_TAG + " characters");
            }
            out.add(tag);
        }
        if (out.size() > MAX_TAGS) {
            fail("tags", "at most " + MAX_TAGS + " tags");
        }
        return List.copyOf(out);
    }

    private static List<String> versions(String field, @Nullable List<String> values) {
        List<String> out = new ArrayList<>();
        for (String v : values == null ? List.<String>of() : values) {
            if (v == null || v.isBlank()) {
                fail(field, field + " may not hold empty entries");
            }
            out.add(v.strip());
        }
        if (out.size() > MAX_VERSIONS) {
            fail(field, "at most " + MAX_VERSIONS + " entries in " + field);
        }
        return List.copyOf(out);
    }

    private static <T> T fail(String field, String message) {
        throw new InvalidParameterException(field, message);
    }
}
