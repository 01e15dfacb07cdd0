package dev.byocfleet.knowledge;

import dev.byocfleet.knowledge.VersionRanges.Interval;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.IntRange;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * How a knowledge document is laid out in Lucene: one parent entry (BM25 fields and what a hit
 * shows) and one entry per passage (its text and vector). Both carry the kind and the version
 * intervals, so {@link #filter} works inside either search.
 */
final class KnowledgeEntries {

    static final String ID = "id";
    static final String TYPE = "type";
    static final String KIND = "kind";
    static final String TITLE = "title";
    static final String BODY = "body";
    static final String TAGS = "tags";
    static final String PASSAGE = "passage";
    static final String VECTOR = "vector";
    static final String VERSIONS = "versions";
    static final String VERSIONED = "versioned";
    static final String REVISION = "revision";
    static final String META = "meta";
    static final String SUMMARY = "summary";
    static final String PARENT = "doc";
    static final String CHUNK = "chunk";
    private static final int SUMMARY_CHARS = 320;
    /** Written into the index: an index laid out otherwise is rebuilt (v2: every entry has ID doc values). */
    static final String LAYOUT = "v2-id-doc-values";

    /** What a hit shows, stored on the parent entry. */
    record Meta(DocumentKind kind, String title, List<String> tags, List<String> affected, List<String> fixed,
                @Nullable String source) {
    }

    private KnowledgeEntries() {
    }

    /** The parent entry and one entry per passage, {@code vectors} in passage order. */
    static List<Document> entries(KnowledgeDocument d, List<String> passages, List<float[]> vectors, JsonMapper json) {
        List<Interval> versions = VersionRanges.effective(d.affectedVersions(), d.fixedVersions());
        boolean versioned = !d.affectedVersions().isEmpty();
        List<Document> out = new ArrayList<>();
        Document parent = common(d, PARENT, versions, versioned);
        parent.add(new StoredField(REVISION, d.revision()));
        parent.add(new TextField(TITLE, d.title(), Field.Store.NO));
        parent.add(new TextField(BODY, d.body(), Field.Store.NO));
        parent.add(new TextField(TAGS, String.join(" ", d.tags()), Field.Store.NO));
        parent.add(new StoredField(META, json.writeValueAsString(new Meta(d.kind(), d.title(), d.tags(),
                d.affectedVersions(), d.fixedVersions(), d.source()))));
        String body = d.body().strip();
        parent.add(new StoredField(SUMMARY, body.length() <= SUMMARY_CHARS ? body : body.substring(0, SUMMARY_CHARS) + "…"));
        out.add(parent);
        for (int i = 0; i < passages.size(); i++) {
            Document chunk = common(d, CHUNK, versions, versioned);
            chunk.add(new StoredField(PASSAGE, passages.get(i)));
            chunk.add(new KnnFloatVectorField(VECTOR, vectors.get(i), VectorSimilarityFunction.COSINE));
            out.add(chunk);
        }
        return out;
    }

    /** {@code query} over entries of {@code type} that pass the filters. */
    static Query filtered(Query query, String type, KnowledgeIndex.Filter filter) {
        return new BooleanQuery.Builder().add(query, Occur.MUST).add(filter(type, filter), Occur.FILTER).build();
    }

    /** Entries of {@code type} that pass the kind and version filters. */
    static Query filter(String type, KnowledgeIndex.Filter filter) {
        BooleanQuery.Builder b = new BooleanQuery.Builder().add(new TermQuery(new Term(TYPE, type)), Occur.FILTER);
        if (filter.kind() != null) {
            b.add(new TermQuery(new Term(KIND, filter.kind().apiName())), Occur.FILTER);
        }
        if (filter.version() != null) {
            // A document without versions is not version-specific: it applies to every release.
            Query versions = new BooleanQuery.Builder()
                    .add(IntRange.newIntersectsQuery(VERSIONS, new int[] {filter.version().low()},
                            new int[] {filter.version().high()}), Occur.SHOULD)
                    .add(new TermQuery(new Term(VERSIONED, "false")), Occur.SHOULD)
                    .build();
            b.add(versions, Occur.FILTER);
        }
        return b.build();
    }

    private static Document common(KnowledgeDocument d, String type, List<Interval> versions, boolean versioned) {
        Document doc = new Document();
        doc.add(new StringField(ID, d.docId(), Field.Store.YES));
        doc.add(new SortedDocValuesField(ID, new BytesRef(d.docId())));
        doc.add(new StringField(TYPE, type, Field.Store.NO));
        doc.add(new StringField(KIND, d.kind().apiName(), Field.Store.NO));
        doc.add(new StringField(VERSIONED, Boolean.toString(versioned), Field.Store.NO));
        for (Interval v : versions) {
            doc.add(new IntRange(VERSIONS, new int[] {v.low()}, new int[] {v.high()}));
        }
        return doc;
    }
}
