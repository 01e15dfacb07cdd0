package dev.byocfleet.knowledge;

import static dev.byocfleet.knowledge.KnowledgeEntries.BODY;
import static dev.byocfleet.knowledge.KnowledgeEntries.CHUNK;
import static dev.byocfleet.knowledge.KnowledgeEntries.ID;
import static dev.byocfleet.knowledge.KnowledgeEntries.META;
import static dev.byocfleet.knowledge.KnowledgeEntries.PARENT;
import static dev.byocfleet.knowledge.KnowledgeEntries.PASSAGE;
import static dev.byocfleet.knowledge.KnowledgeEntries.REVISION;
import static dev.byocfleet.knowledge.KnowledgeEntries.SUMMARY;
import static dev.byocfleet.knowledge.KnowledgeEntries.TAGS;
import static dev.byocfleet.knowledge.KnowledgeEntries.TITLE;
import static dev.byocfleet.knowledge.KnowledgeEntries.TYPE;
import static dev.byocfleet.knowledge.KnowledgeEntries.VECTOR;
import static dev.byocfleet.knowledge.KnowledgeEntries.filter;
import static dev.byocfleet.knowledge.KnowledgeEntries.filtered;

import dev.byocfleet.knowledge.KnowledgeEntries.Meta;
import dev.byocfleet.knowledge.VersionRanges.Interval;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.QueryBuilder;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Lucene side of the Knowledge Lake. Every document is one parent entry (title, body and tags
 * for BM25, the fields a hit shows) and one entry per passage with its MiniLM vector (HNSW, cosine).
 * Both carry kind and version intervals, so filters apply inside either search. The table is the
 * truth: the index records each document's revision and is brought level with the table by
 * {@link #upsert} and {@link #delete}.
 */
final class KnowledgeIndex implements Closeable {

    private static final float TITLE_BOOST = 2.0f;
    private static final float TAGS_BOOST = 1.5f;
    /** Candidates each ranking contributes before fusion. */
    static final int CANDIDATES = 50;
    private static final TypeReference<Meta> META_TYPE = new TypeReference<>() { };

    /** Filters of a search; null means no filter. */
    record Filter(@Nullable DocumentKind kind, @Nullable Interval version) {

        boolean none() {
            return kind == null && version == null;
        }
    }

    private final Directory directory;
    private final TextEmbedder embedder;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final KnowledgeAnalyzer queryAnalyzer = KnowledgeAnalyzer.forQueries();
    private final JsonMapper json = JsonMapper.builder().build();

    /** Opens (or creates) the index in {@code directory}; one made by another model or chunker is emptied. */
    KnowledgeIndex(Directory directory, TextEmbedder embedder) {
        this.directory = directory;
        this.embedder = embedder;
        try {
            writer = new IndexWriter(directory, new IndexWriterConfig(KnowledgeAnalyzer.forIndexing())
                    .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND));
            Map<String, String> wanted = Map.of("model", TextEmbedder.MODEL, "chunker", Chunker.VERSION,
                    "entries", KnowledgeEntries.LAYOUT);
            Map<String, String> found = new HashMap<>();
            writer.getLiveCommitData().forEach(e -> found.put(e.getKey(), e.getValue()));
            if (!found.equals(wanted)) {
                writer.deleteAll();
                writer.setLiveCommitData(wanted.entrySet());
                writer.commit();
            }
            searchers = new SearcherManager(writer, null);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the knowledge index", e);
        }
    }

    /** Revision of every indexed document. */
    Map<String, Integer> revisions() {
        Map<String, Integer> out = new HashMap<>();
        withSearcher(s -> {
            TopDocs all = s.search(new TermQuery(new Term(TYPE, PARENT)), Math.max(1, s.getIndexReader().numDocs()));
            StoredFields stored = s.storedFields();
            for (ScoreDoc d : all.scoreDocs) {
                Document doc = stored.document(d.doc, java.util.Set.of(ID, REVISION));
                out.put(doc.get(ID), doc.getField(REVISION).numericValue().intValue());
            }
            return null;
        });
        return out;
    }

    int size() {
        return withSearcher(s -> s.count(new TermQuery(new Term(TYPE, PARENT))));
    }

    /** Adds or replaces documents: embeds their passages in one batch, then swaps their entries. */
    synchronized void upsert(Collection<KnowledgeDocument> docs) {
        if (docs.isEmpty()) {
            return;
        }
        List<List<String>> passagesPerDoc = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        for (KnowledgeDocument d : docs) {
            List<String> passages = Chunker.chunks(d.body());
            passagesPerDoc.add(passages);
            // The title travels with every passage: a passage alone often does not say what it is about.
            passages.forEach(p -> texts.add(d.title() + ". " + p));
        }
        List<float[]> vectors = embedder.embedAll(texts);
        try {
            int v = 0;
            int i = 0;
            for (KnowledgeDocument d : docs) {
                List<String> passages = passagesPerDoc.get(i++);
                List<float[]> own = vectors.subList(v, v + passages.size());
                v += passages.size();
                writer.updateDocuments(new Term(ID, d.docId()), KnowledgeEntries.entries(d, passages, own, json));
            }
            commit();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the knowledge index", e);
        }
    }

    synchronized void delete(Collection<String> docIds) {
        if (docIds.isEmpty()) {
            return;
        }
        try {
            for (String id : docIds) {
                writer.deleteDocuments(new Term(ID, id));
            }
            commit();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the knowledge index", e);
        }
    }

    /**
     * The best {@code limit} documents for {@code text}; a blank text lists the filtered documents by id.
     * One searcher serves the whole search (entry numbers are only stable within it); documents are
     * told apart by the ID doc values, and stored fields are read only for the hits returned.
     */
    List<KnowledgeHit> search(String text, SearchMode mode, Filter filter, int limit) {
        // trim() also drops control characters, which the embedding model counts as blank too
        if (text == null || text.isBlank() || text.trim().isEmpty()) {
            return list(filter, limit);
        }
        // A hybrid search runs BM25 while its query is being embedded (unless the vector is cached).
        CompletableFuture<float[]> queryVector = switch (mode) {
            case BM25 -> null;
            case VECTOR -> CompletableFuture.completedFuture(embedder.embedQuery(text));
            case HYBRID -> embedder.embedQueryAsync(text);
        };
        Query bm25Query = mode == SearchMode.VECTOR ? null : bm25Query(text, filter);
        return withSearcher(s -> {
            Map<String, Double> bm25 = bm25Query == null ? Map.of() : bm25(s, bm25Query);
            Map<String, Integer> bestPassage = new HashMap<>();
            Map<String, Double> vector = queryVector == null ? Map.of()
                    : vector(s, vectorQuery(TextEmbedder.await(queryVector), filter), bestPassage);
            List<String> bm25Ids = List.copyOf(bm25.keySet());
            List<String> vectorIds = List.copyOf(vector.keySet());
            List<RankFusion.Fused> ranked = switch (mode) {
                case HYBRID -> RankFusion.fuse(List.of(bm25Ids, vectorIds));
                case BM25 -> bm25Ids.stream().map(id -> new RankFusion.Fused(id, bm25.get(id),
                        java.util.Arrays.asList(bm25Ids.indexOf(id) + 1, null))).toList();
                case VECTOR -> vectorIds.stream().map(id -> new RankFusion.Fused(id, vector.get(id),
                        java.util.Arrays.asList(null, vectorIds.indexOf(id) + 1))).toList();
            };
            List<RankFusion.Fused> top = ranked.subList(0, Math.min(limit, ranked.size()));
            Map<String, Parent> parents = parents(s, top.stream().map(RankFusion.Fused::id).toList());
            StoredFields stored = s.storedFields();
            List<KnowledgeHit> hits = new ArrayList<>();
            for (RankFusion.Fused f : top) {
                Parent p = parents.get(f.id());
                if (p != null) {
                    Integer passage = bestPassage.get(f.id());
                    String snippet = passage == null ? p.summary()
                            : stored.document(passage, java.util.Set.of(PASSAGE)).get(PASSAGE);
                    hits.add(hit(f.id(), p, snippet, f.score(), f.ranks().get(0), f.ranks().get(1)));
                }
            }
            return hits;
        });
    }

    private static Query vectorQuery(float[] vector, Filter filter) {
        // Only passages carry vectors: without a kind or version filter, a type filter would only cost a bit set.
        return new KnnFloatVectorQuery(VECTOR, vector, CANDIDATES * 2, filter.none() ? null : filter(CHUNK, filter));
    }

    private @Nullable Query bm25Query(String text, Filter filter) {
        QueryBuilder builder = new QueryBuilder(queryAnalyzer);
        BooleanQuery.Builder fields = new BooleanQuery.Builder();
        addField(fields, builder.createBooleanQuery(TITLE, text), TITLE_BOOST);
        addField(fields, builder.createBooleanQuery(BODY, text), 1f);
        addField(fields, builder.createBooleanQuery(TAGS, text), TAGS_BOOST);
        BooleanQuery textQuery = fields.build();
        // Only parent entries carry title, body and tags: without a kind or version filter, a type
        // filter would only add a conjunction with every parent entry.
        return textQuery.clauses().isEmpty() ? null : filter.none() ? textQuery : filtered(textQuery, PARENT, filter);
    }

    private static Map<String, Double> bm25(IndexSearcher s, Query query) throws IOException {
        ScoreDoc[] docs = s.search(query, CANDIDATES).scoreDocs;
        String[] ids = ids(s, docs);
        Map<String, Double> out = new LinkedHashMap<>();
        for (int i = 0; i < docs.length; i++) {
            out.put(ids[i], (double) docs[i].score);
        }
        return out;
    }

    /** Documents by their best passage; {@code bestPassage} gets the entry number of that passage. */
    private static Map<String, Double> vector(IndexSearcher s, Query query, Map<String, Integer> bestPassage)
            throws IOException {
        ScoreDoc[] docs = s.search(query, CANDIDATES * 2).scoreDocs;
        String[] ids = ids(s, docs);
        Map<String, Double> out = new LinkedHashMap<>();
        for (int i = 0; i < docs.length && out.size() < CANDIDATES; i++) {
            if (!out.containsKey(ids[i])) {
                out.put(ids[i], (double) docs[i].score);
                bestPassage.put(ids[i], docs[i].doc);
            }
        }
        return out;
    }

    /**
     * The document id of each hit, from the ID doc values every entry carries (cheaper than stored
     * fields, which decompress a whole block per entry); visited in entry order, as doc values require.
     */
    static String[] ids(IndexSearcher s, ScoreDoc[] docs) throws IOException {
        Integer[] order = new Integer[docs.length];
        for (int i = 0; i < docs.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, java.util.Comparator.comparingInt(i -> docs[i].doc));
        List<LeafReaderContext> leaves = s.getIndexReader().leaves();
        String[] out = new String[docs.length];
        SortedDocValues values = null;
        LeafReaderContext leaf = null;
        for (int i : order) {
            int doc = docs[i].doc;
            if (leaf == null || doc >= leaf.docBase + leaf.reader().maxDoc()) {
                leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
                values = DocValues.getSorted(leaf.reader(), ID);
            }
            if (!values.advanceExact(doc - leaf.docBase)) {
                throw new IllegalStateException("knowledge index entry " + doc + " has no id");
            }
            out[i] = values.lookupOrd(values.ordValue()).utf8ToString();
        }
        return out;
    }

    private List<KnowledgeHit> list(Filter filter, int limit) {
        Query query = filtered(new MatchAllDocsQuery(), PARENT, filter);
        return withSearcher(s -> {
            List<KnowledgeHit> out = new ArrayList<>();
            StoredFields stored = s.storedFields();
            for (ScoreDoc d : s.search(query, limit, new Sort(new SortField(ID, SortField.Type.STRING))).scoreDocs) {
                Document doc = stored.document(d.doc);
                out.add(hit(doc.get(ID), parent(doc), doc.get(SUMMARY), 0, null, null));
            }
            return out;
        });
    }

    private record Parent(Meta meta, String summary) {
    }

    private Map<String, Parent> parents(IndexSearcher s, List<String> ids) throws IOException {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Query query = new BooleanQuery.Builder()
                .add(new TermInSetQuery(ID, ids.stream().map(BytesRef::new).toList()), Occur.FILTER)
                .add(new TermQuery(new Term(TYPE, PARENT)), Occur.FILTER)
                .build();
        Map<String, Parent> out = new HashMap<>();
        StoredFields stored = s.storedFields();
        for (ScoreDoc d : s.search(query, ids.size()).scoreDocs) {
            Document doc = stored.document(d.doc);
            out.put(doc.get(ID), parent(doc));
        }
        return out;
    }

    private Parent parent(Document doc) {
        return new Parent(json.readValue(doc.get(META), META_TYPE), doc.get(SUMMARY));
    }

    private static KnowledgeHit hit(String id, Parent p, String snippet, double score, @Nullable Integer bm25Rank,
                                    @Nullable Integer vectorRank) {
        Meta m = p.meta();
        return new KnowledgeHit(id, m.kind(), m.title(), m.tags(), m.affected(), m.fixed(), m.source(), snippet, score,
                bm25Rank, vectorRank);
    }

    private static void addField(BooleanQuery.Builder fields, @Nullable Query q, float boost) {
        if (q != null) {
            fields.add(boost == 1f ? q : new BoostQuery(q, boost), Occur.SHOULD);
        }
    }

    private void commit() throws IOException {
        writer.commit();
        searchers.maybeRefreshBlocking();
    }

    private interface SearcherWork<T> {
        T apply(IndexSearcher searcher) throws IOException;
    }

    private <T> T withSearcher(SearcherWork<T> work) {
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                return work.apply(searcher);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the knowledge index", e);
        }
    }

    @Override
    public void close() throws IOException {
        searchers.close();
        writer.close();
        directory.close();
    }
}
