package dev.byocfleet.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The index over the starter corpus: retrieval quality on the labelled query set for BM25 alone,
 * vectors alone and the hybrid, and the filters.
 */
class KnowledgeIndexTest {

    private static final LocalDateTime T0 = LocalDateTime.of(2025, 1, 1, 0, 0);
    private static TextEmbedder embedder;
    private static KnowledgeIndex index;

    @BeforeAll
    static void build() {
        embedder = new TextEmbedder(2);
        index = new KnowledgeIndex(new ByteBuffersDirectory(), embedder);
        index.upsert(starterDocuments());
    }

    @AfterAll
    static void close() throws IOException {
        index.close();
        embedder.close();
    }

    static List<KnowledgeDocument> starterDocuments() {
        List<KnowledgeDocument> docs = new ArrayList<>();
        for (KnowledgeDocumentInput in : KnowledgeBootstrap.starterCorpus()) {
            docs.add(DocumentChecks.document(DocumentChecks.newId(in), in, 1, T0, T0, "test"));
        }
        return docs;
    }

    record Labelled(String id, String query, List<String> relevant) {
    }

    record Scores(double recallAt5, double mrr) {
    }

    /** The first set and the held-out set written after the first turned out nearly saturated. */
    static final List<String> QUERY_SETS = List.of("queries.jsonl", "held-out-queries.jsonl");

    static List<Labelled> labelled(String file) {
        try (InputStream in = KnowledgeIndexTest.class.getResourceAsStream("/knowledge/eval/" + file)) {
            JsonMapper mapper = JsonMapper.builder().build();
            List<Labelled> out = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank()) {
                    JsonNode n = mapper.readTree(line);
                    List<String> relevant = new ArrayList<>();
                    n.get("relevant").forEach(r -> relevant.add(r.asString()));
                    out.add(new Labelled(n.get("id").asString(), n.get("query").asString(), relevant));
                }
            }
            return out;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** recall@5: share of a query's relevant documents in its top 5; MRR over the top 10. */
    static Scores evaluate(SearchMode mode, List<Labelled> queries) {
        double recall = 0;
        double mrr = 0;
        for (Labelled q : queries) {
            List<String> ranked = index.search(q.query(), mode, new KnowledgeIndex.Filter(null, null), 10).stream()
                    .map(KnowledgeHit::docId).toList();
            long found = q.relevant().stream().filter(r -> ranked.subList(0, Math.min(5, ranked.size())).contains(r)).count();
            recall += (double) found / q.relevant().size();
            for (int i = 0; i < ranked.size(); i++) {
                if (q.relevant().contains(ranked.get(i))) {
                    mrr += 1.0 / (i + 1);
                    break;
                }
            }
        }
        return new Scores(recall / queries.size(), mrr / queries.size());
    }

    private static Map<SearchMode, Scores> print(String name, List<Labelled> queries) {
        Map<SearchMode, Scores> scores = new LinkedHashMap<>();
        for (SearchMode mode : List.of(SearchMode.BM25, SearchMode.VECTOR, SearchMode.HYBRID)) {
            Scores s = evaluate(mode, queries);
            scores.put(mode, s);
            System.out.printf("| %s | %d | %s | %.3f | %.3f |%n", name, queries.size(), mode.apiName(), s.recallAt5(),
                    s.mrr());
        }
        return scores;
    }

    @Test
    void hybridRetrievalBeatsBm25AloneAndVectorsAlone() {
        List<Labelled> queries = new ArrayList<>();
        System.out.printf("Retrieval over %d documents%n", index.size());
        System.out.println("| query set | queries | ranking | recall@5 | MRR@10 |");
        System.out.println("|---|---|---|---|---|");
        for (String file : QUERY_SETS) {
            List<Labelled> set = labelled(file);
            queries.addAll(set);
            print(file, set);
        }
        assertThat(queries).hasSizeGreaterThanOrEqualTo(40);
        Map<SearchMode, Scores> scores = print("all", queries);
        Scores hybrid = scores.get(SearchMode.HYBRID);
        for (SearchMode single : List.of(SearchMode.BM25, SearchMode.VECTOR)) {
            assertThat(hybrid.recallAt5()).as("hybrid recall@5 vs %s", single).isGreaterThan(scores.get(single).recallAt5());
            assertThat(hybrid.mrr()).as("hybrid MRR vs %s", single).isGreaterThan(scores.get(single).mrr());
        }
    }

    private static List<String> ids(String text, SearchMode mode, KnowledgeIndex.Filter filter, int limit) {
        return index.search(text, mode, filter, limit).stream().map(KnowledgeHit::docId).toList();
    }

    private static KnowledgeIndex.Filter version(String v) {
        return new KnowledgeIndex.Filter(DocumentKind.KNOWN_BUG, VersionRanges.parseQuery(v));
    }

    @Test
    void knownBugsOfOneVersionAreARangeFilter() {
        List<String> for332 = ids("", SearchMode.HYBRID, version("3.3.2"), 50);
        assertThat(for332).contains("sr-ki-023", "sr-ki-024", "sr-ki-025", "sr-ki-026", "sr-ki-031", "sr-ki-034")
                // every-version issues apply too
                .contains("sr-ki-001", "sr-ki-002")
                // other lines and fixed ranges do not
                .doesNotContain("sr-ki-003", "sr-ki-019", "sr-ki-012", "sr-ki-022", "sr-ki-006");
        List<String> for336 = ids("", SearchMode.HYBRID, version("3.3.6"), 50);
        assertThat(for336).contains("sr-ki-031").doesNotContain("sr-ki-023", "sr-ki-024", "sr-ki-026");
        assertThat(ids("", SearchMode.HYBRID, version("3.5.19"), 50)).contains("sr-ki-019", "sr-ki-045")
                .doesNotContain("sr-ki-021");
        assertThat(ids("", SearchMode.HYBRID, version("3.5.20"), 50)).doesNotContain("sr-ki-019", "sr-ki-020", "sr-ki-045");
    }

    @Test
    void aReleaseLineMatchesEveryPatchOfIt() {
        // 3.3 intersects 3.3.0-3.3.5 although 3.3.6 and later are fixed
        assertThat(ids("", SearchMode.HYBRID, version("3.3"), 50)).contains("sr-ki-023", "sr-ki-034")
                .doesNotContain("sr-ki-019");
    }

    @Test
    void filtersApplyInsideBothRankings() {
        for (SearchMode mode : SearchMode.values()) {
            List<KnowledgeHit> hits = index.search("BE crash after memory limit", mode,
                    new KnowledgeIndex.Filter(DocumentKind.KNOWN_BUG, VersionRanges.parseQuery("3.5.2")), 10);
            assertThat(hits).as(mode.apiName()).isNotEmpty().allMatch(h -> h.kind() == DocumentKind.KNOWN_BUG);
            assertThat(hits).extracting(KnowledgeHit::docId).as(mode.apiName())
                    .doesNotContain("sr-ki-016", "sr-ki-017", "sr-ki-015");
        }
    }

    @Test
    void withoutFiltersTheRankingsAreThoseOfAFilterThatAdmitsEverything() {
        // Unfiltered searches leave the entry-type clause out (only parents have text fields, only
        // passages have vectors); a version filter that admits every release keeps it.
        KnowledgeIndex.Filter everything = new KnowledgeIndex.Filter(null,
                new VersionRanges.Interval(0, Integer.MAX_VALUE));
        for (Labelled q : labelled("queries.jsonl").subList(0, 20)) {
            for (SearchMode mode : SearchMode.values()) {
                List<KnowledgeHit> plain = index.search(q.query(), mode, new KnowledgeIndex.Filter(null, null), 10);
                List<KnowledgeHit> kept = index.search(q.query(), mode, everything, 10);
                assertThat(plain).as(q.query() + " " + mode.apiName()).isNotEmpty()
                        .extracting(KnowledgeHit::docId).doesNotHaveDuplicates()
                        .containsExactlyElementsOf(kept.stream().map(KnowledgeHit::docId).toList());
                assertThat(plain).extracting(KnowledgeHit::snippet)
                        .containsExactlyElementsOf(kept.stream().map(KnowledgeHit::snippet).toList());
            }
        }
    }

    @Test
    void documentsWithoutVersionsPassTheVersionFilter() {
        List<String> guidelines = ids("disk full", SearchMode.HYBRID,
                new KnowledgeIndex.Filter(DocumentKind.GUIDELINE, VersionRanges.parseQuery("3.3.2")), 5);
        assertThat(guidelines).contains("gl-disk-capacity");
    }

    @Test
    void hybridHitsCarryBothRanksAndTheBestPassage() {
        KnowledgeHit top = index.search("starrocks_be_max_tablet_rowset_num above 700", SearchMode.HYBRID,
                new KnowledgeIndex.Filter(null, null), 5).getFirst();
        assertThat(top.docId()).isEqualTo("gl-version-count");
        assertThat(top.bm25Rank()).isNotNull();
        assertThat(top.vectorRank()).isNotNull();
        assertThat(top.score()).isGreaterThan(0);
        assertThat(top.snippet()).isNotBlank();
        assertThat(top.title()).startsWith("Runbook");
    }

    @Test
    void singleRankingsReportOnlyTheirOwnRank() {
        KnowledgeHit bm25 = index.search("java UDAF memory leak", SearchMode.BM25, new KnowledgeIndex.Filter(null, null), 1)
                .getFirst();
        assertThat(bm25.bm25Rank()).isEqualTo(1);
        assertThat(bm25.vectorRank()).isNull();
        KnowledgeHit vector = index.search("java UDAF memory leak", SearchMode.VECTOR,
                new KnowledgeIndex.Filter(null, null), 1).getFirst();
        assertThat(vector.vectorRank()).isEqualTo(1);
        assertThat(vector.bm25Rank()).isNull();
        assertThat(vector.score()).isBetween(0.0, 1.0);
    }

    @Test
    void identifiersAreFoundWholeAndByTheirWords() {
        assertThat(ids("max_running_txn_num_per_db", SearchMode.BM25, new KnowledgeIndex.Filter(null, null), 3))
                .contains("sr-ki-029");
        assertThat(ids("running txn num per db", SearchMode.BM25, new KnowledgeIndex.Filter(null, null), 3))
                .contains("sr-ki-029");
        assertThat(ids("OutOfMemoryError", SearchMode.BM25, new KnowledgeIndex.Filter(null, null), 3))
                .contains("sr-ki-006");
    }

    @Test
    void upsertReplacesADocumentAndDeleteRemovesIt() throws IOException {
        try (TextEmbedder e = new TextEmbedder(1);
             KnowledgeIndex small = new KnowledgeIndex(new ByteBuffersDirectory(), e)) {
            KnowledgeDocument v1 = new KnowledgeDocument("d-1", DocumentKind.RESOLUTION, "Old title", "Restart the FE.",
                    List.of("fe"), List.of(), List.of(), null, 1, T0, T0, "t");
            small.upsert(List.of(v1));
            KnowledgeDocument v2 = new KnowledgeDocument("d-1", DocumentKind.RESOLUTION, "Widened the disks",
                    "Grew the BE data volumes online.", List.of("disk"), List.of(), List.of(), null, 2, T0, T0, "t");
            small.upsert(List.of(v2));
            assertThat(small.revisions()).containsExactly(Map.entry("d-1", 2));
            assertThat(small.search("disks", SearchMode.HYBRID, new KnowledgeIndex.Filter(null, null), 5))
                    .extracting(KnowledgeHit::title).containsExactly("Widened the disks");
            assertThat(small.search("restart", SearchMode.BM25, new KnowledgeIndex.Filter(null, null), 5)).isEmpty();
            small.delete(List.of("d-1"));
            assertThat(small.size()).isZero();
        }
    }

    @Test
    void vectorHitsShowTheirBestPassageAndKeepTheirIdsAcrossSegments() throws IOException {
        try (TextEmbedder e = new TextEmbedder(1);
             KnowledgeIndex small = new KnowledgeIndex(new ByteBuffersDirectory(), e)) {
            String disk = "Grew the BE data volumes online after the disk filled up.\n\nThen checked tablet balance.";
            // one upsert per document: each commit makes its own segment, so ids come from several leaves
            small.upsert(List.of(new KnowledgeDocument("d-fe", DocumentKind.RESOLUTION, "Restarted the FE",
                    "Restarted the leader FE after a long GC pause.", List.of("fe"), List.of(), List.of(), null, 1,
                    T0, T0, "t")));
            small.upsert(List.of(new KnowledgeDocument("d-disk", DocumentKind.RESOLUTION, "Widened the disks", disk,
                    List.of("disk"), List.of(), List.of(), null, 1, T0, T0, "t")));
            small.upsert(List.of(new KnowledgeDocument("d-txn", DocumentKind.RESOLUTION, "Raised the txn limit",
                    "Raised max_running_txn_num_per_db for the loads.", List.of("txn"), List.of(), List.of(), null, 1,
                    T0, T0, "t")));
            List<KnowledgeHit> hits = small.search("the disk filled up", SearchMode.VECTOR,
                    new KnowledgeIndex.Filter(null, null), 3);
            assertThat(hits).extracting(KnowledgeHit::docId).containsExactlyInAnyOrder("d-fe", "d-disk", "d-txn");
            KnowledgeHit top = hits.getFirst();
            assertThat(top.docId()).isEqualTo("d-disk");
            assertThat(Chunker.chunks(disk)).contains(top.snippet());
            assertThat(small.search("max_running_txn_num_per_db", SearchMode.BM25,
                    new KnowledgeIndex.Filter(null, null), 1)).extracting(KnowledgeHit::docId).containsExactly("d-txn");
        }
    }

    @Test
    void anIndexOfTheEarlierLayoutIsEmptiedOnOpen() throws IOException {
        ByteBuffersDirectory dir = new ByteBuffersDirectory();
        try (org.apache.lucene.index.IndexWriter w = new org.apache.lucene.index.IndexWriter(dir,
                new org.apache.lucene.index.IndexWriterConfig())) {
            org.apache.lucene.document.Document d = new org.apache.lucene.document.Document();
            d.add(new org.apache.lucene.document.StringField(KnowledgeEntries.TYPE, KnowledgeEntries.PARENT,
                    org.apache.lucene.document.Field.Store.NO));
            w.addDocument(d);
            // written by the previous layout: model and chunker only, no ID doc values on passages
            w.setLiveCommitData(Map.of("model", TextEmbedder.MODEL, "chunker", Chunker.VERSION).entrySet());
            w.commit();
        }
        try (TextEmbedder e = new TextEmbedder(1); KnowledgeIndex reopened = new KnowledgeIndex(dir, e)) {
            assertThat(reopened.size()).isZero();
        }
    }
}
