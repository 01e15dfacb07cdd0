package dev.byocfleet.knowledge;

import dev.byocfleet.api.ConflictException;
import dev.byocfleet.api.InvalidParameterException;
import dev.byocfleet.api.NotFoundException;
import dev.byocfleet.knowledge.KnowledgeRepository.Revision;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * The Knowledge Lake: on-call logs, known bugs by StarRocks version, guidelines and resolutions in
 * {@code alerts.knowledge_documents}, searched through a Lucene index that fuses BM25 and embedding
 * rankings. Reads are open to every caller; writes ask {@link KnowledgeWriteAccess} first. The table
 * is written first and the index after it, so a failed index update is repaired by the next sync.
 */
@Service
public class KnowledgeService {

    public static final int DEFAULT_LIMIT = 5;
    public static final int MAX_LIMIT = 50;
    static final int MAX_QUERY = 1_000;
    /** Documents embedded per batch when syncing; one batch at a time keeps memory flat. */
    static final int SYNC_BATCH = 128;
    private static final Logger log = LoggerFactory.getLogger(KnowledgeService.class);

    /** What {@link #syncIndex} changed. */
    record SyncReport(int indexed, int removed, int documents, long millis) {
    }

    private final KnowledgeRepository repository;
    private final ObjectProvider<KnowledgeIndex> index;
    private final KnowledgeWriteAccess writeAccess;
    /** Set once a sync has brought the index level with the table. */
    private volatile boolean synced;
    private volatile boolean stopping;

    KnowledgeService(KnowledgeRepository repository, ObjectProvider<KnowledgeIndex> index,
                     KnowledgeWriteAccess writeAccess) {
        this.repository = repository;
        this.index = index;
        this.writeAccess = writeAccess;
    }

    /**
     * @param text    what to look for; blank lists the documents that pass the filters, by id
     * @param kind    one of {@link DocumentKind}'s names, or null for all
     * @param version a StarRocks version ({@code 3.3.2}) or line ({@code 3.3}): only documents that apply
     *                to it (version-independent ones included)
     * @param mode    hybrid (default), bm25 or vector
     * @param limit   1 to {@link #MAX_LIMIT}; null means {@link #DEFAULT_LIMIT}
     */
    public KnowledgeSearchResult search(@Nullable String text, @Nullable String kind, @Nullable String version,
                                        @Nullable String mode, @Nullable Integer limit) {
        long start = System.nanoTime();
        String q = text == null ? null : text.strip();
        if (q != null && q.length() > MAX_QUERY) {
            throw new InvalidParameterException("q", "a query has at most " + MAX_QUERY + " characters");
        }
        int n = limit == null ? DEFAULT_LIMIT : limit;
        if (n < 1 || n > MAX_LIMIT) {
            throw new InvalidParameterException("limit", "limit must be between 1 and " + MAX_LIMIT);
        }
        DocumentKind k = kind == null || kind.isBlank() ? null : DocumentKind.parse(kind);
        String v = version == null || version.isBlank() ? null : version.strip();
        SearchMode m = SearchMode.parse(mode);
        List<KnowledgeHit> hits = index.getObject().search(q, m,
                new KnowledgeIndex.Filter(k, v == null ? null : VersionRanges.parseQuery(v)), n);
        return new KnowledgeSearchResult(q, m, k, v, n, hits, synced, (System.nanoTime() - start) / 1_000_000);
    }

    public KnowledgeDocument get(String docId) {
        return repository.find(DocumentChecks.checkId(docId))
                .orElseThrow(() -> new NotFoundException("No knowledge document '" + docId + "'."));
    }

    /** Creates a document; its id is given or made from the title. 409 when the id is taken. */
    public KnowledgeDocument create(KnowledgeDocumentInput in) {
        String actor = writeAccess.requireWriter();
        String id = DocumentChecks.newId(in);
        Optional<Revision> existing = repository.revision(id);
        if (existing.isPresent() && !existing.get().deleted()) {
            throw new ConflictException("A knowledge document '" + id + "' exists; update it with PUT instead.");
        }
        LocalDateTime now = now();
        // A deleted document's id may be used again; its revisions go on, so every index sees the change.
        KnowledgeDocument doc = DocumentChecks.document(id, in, existing.map(r -> r.revision() + 1).orElse(1), now, now,
                actor);
        repository.save(doc, false);
        indexQuietly(List.of(doc));
        return doc;
    }

    /** Replaces the content of an existing document; a new revision even when nothing changed. */
    public KnowledgeDocument update(String docId, KnowledgeDocumentInput in) {
        String actor = writeAccess.requireWriter();
        KnowledgeDocument old = get(docId);
        KnowledgeDocument doc = DocumentChecks.document(old.docId(), in, old.revision() + 1, old.createdAt(), now(),
                actor);
        repository.save(doc, false);
        indexQuietly(List.of(doc));
        return doc;
    }

    public void delete(String docId) {
        String actor = writeAccess.requireWriter();
        KnowledgeDocument old = get(docId);
        repository.save(new KnowledgeDocument(old.docId(), old.kind(), old.title(), old.body(), old.tags(),
                old.affectedVersions(), old.fixedVersions(), old.source(), old.revision() + 1, old.createdAt(), now(),
                actor), true);
        try {
            index.getObject().delete(List.of(old.docId()));
        } catch (RuntimeException e) {
            log.warn("knowledge index not updated after deleting {}; the next sync will: {}", old.docId(), e.toString());
        }
    }

    /** Imports one Markdown document with front matter; {@code name} supplies the id when it has none. */
    public ImportReport importMarkdown(String name, String text) {
        String actor = writeAccess.requireWriter();
        return importDocuments(List.of(KnowledgeImporter.markdown(name, text)), actor);
    }

    /** Imports JSON Lines, one document per line. */
    public ImportReport importJsonLines(String name, String text) {
        String actor = writeAccess.requireWriter();
        return importDocuments(KnowledgeImporter.jsonLines(name, text), actor);
    }

    /** {@link #store} and then indexes what changed. */
    ImportReport importDocuments(List<KnowledgeDocumentInput> inputs, String actor) {
        List<KnowledgeDocument> changed = new ArrayList<>();
        ImportReport report = store(inputs, actor, changed);
        indexQuietly(changed);
        return report;
    }

    /** Writes the documents to the table only; the index learns about them at the next sync. */
    ImportReport store(List<KnowledgeDocumentInput> inputs, String actor) {
        return store(inputs, actor, new ArrayList<>());
    }

    /**
     * Creates or replaces every document by id, checking all before writing any. A document equal to
     * the stored one keeps its revision. The documents written are added to {@code changed}.
     */
    private ImportReport store(List<KnowledgeDocumentInput> inputs, String actor, List<KnowledgeDocument> changed) {
        LocalDateTime now = now();
        List<KnowledgeDocument> docs = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (KnowledgeDocumentInput in : inputs) {
            String id = DocumentChecks.newId(in);
            if (!seen.add(id)) {
                throw new InvalidParameterException("doc_id", "the import holds '" + id + "' twice");
            }
            docs.add(DocumentChecks.document(id, in, 1, now, now, actor));
        }
        int created = 0;
        int updated = 0;
        int unchanged = 0;
        for (KnowledgeDocument doc : docs) {
            Optional<Revision> rev = repository.revision(doc.docId());
            Optional<KnowledgeDocument> old = rev.isPresent() && !rev.get().deleted()
                    ? repository.find(doc.docId()) : Optional.empty();
            if (old.isPresent() && sameContent(old.get(), doc)) {
                unchanged++;
                continue;
            }
            KnowledgeDocument toSave = new KnowledgeDocument(doc.docId(), doc.kind(), doc.title(), doc.body(), doc.tags(),
                    doc.affectedVersions(), doc.fixedVersions(), doc.source(), rev.map(r -> r.revision() + 1).orElse(1),
                    old.map(KnowledgeDocument::createdAt).orElse(now), now, actor);
            repository.save(toSave, false);
            changed.add(toSave);
            if (old.isPresent()) {
                updated++;
            } else {
                created++;
            }
        }
        return new ImportReport(created, updated, unchanged, docs.stream().map(KnowledgeDocument::docId).toList());
    }

    /**
     * Brings the index level with the table: indexes new and changed documents, drops gone ones.
     * {@link #stopSync} ends it between two batches.
     */
    synchronized SyncReport syncIndex() {
        long start = System.nanoTime();
        KnowledgeIndex idx = index.getObject();
        Map<String, Integer> table = repository.liveRevisions();
        Map<String, Integer> indexed = idx.revisions();
        List<String> stale = table.entrySet().stream()
                .filter(e -> !e.getValue().equals(indexed.get(e.getKey())))
                .map(Map.Entry::getKey).sorted().toList();
        List<String> gone = indexed.keySet().stream().filter(id -> !table.containsKey(id)).toList();
        idx.delete(gone);
        for (int i = 0; i < stale.size() && !stopping; i += SYNC_BATCH) {
            idx.upsert(repository.findLive(stale.subList(i, Math.min(stale.size(), i + SYNC_BATCH))));
        }
        if (!stopping) {
            synced = true;
        }
        return new SyncReport(stale.size(), gone.size(), table.size(), (System.nanoTime() - start) / 1_000_000);
    }

    void stopSync() {
        stopping = true;
    }

    /** A stopped application may start again (test contexts are paused and resumed): syncs run again. */
    void resumeSync() {
        stopping = false;
    }

    boolean tableIsEmpty() {
        return repository.countRows() == 0;
    }

    private void indexQuietly(List<KnowledgeDocument> docs) {
        try {
            index.getObject().upsert(docs);
        } catch (RuntimeException e) {
            log.warn("knowledge index not updated for {} document(s); the next sync will: {}", docs.size(), e.toString());
        }
    }

    private static boolean sameContent(KnowledgeDocument a, KnowledgeDocument b) {
        return a.kind() == b.kind() && a.title().equals(b.title()) && a.body().equals(b.body())
                && a.tags().equals(b.tags()) && a.affectedVersions().equals(b.affectedVersions())
                && a.fixedVersions().equals(b.fixedVersions()) && java.util.Objects.equals(a.source(), b.source());
    }

    private static LocalDateTime now() {
        return LocalDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
    }
}
