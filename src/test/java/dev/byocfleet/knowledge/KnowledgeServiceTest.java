package dev.byocfleet.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.byocfleet.api.ConflictException;
import dev.byocfleet.api.ForbiddenException;
import dev.byocfleet.api.InvalidParameterException;
import dev.byocfleet.api.NotFoundException;
import dev.byocfleet.store.DuckDbDialect;
import dev.byocfleet.support.TestStore;
import java.time.Duration;
import java.util.List;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The service against a real DuckDB table and an in-memory index. */
class KnowledgeServiceTest {

    private TestStore store;
    private TextEmbedder embedder;
    private KnowledgeIndex index;
    private KnowledgeRepository repository;
    private KnowledgeService service;

    @BeforeEach
    void open() {
        store = new TestStore();
        embedder = new TextEmbedder(1);
        index = new KnowledgeIndex(new ByteBuffersDirectory(), embedder);
        repository = new KnowledgeRepository(JdbcClient.create(store.dataSource()), new DuckDbDialect());
        service = service(() -> "operator@example.com");
    }

    private KnowledgeService service(KnowledgeWriteAccess access) {
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        beans.addBean("knowledgeIndex", index);
        return new KnowledgeService(repository, beans.getBeanProvider(KnowledgeIndex.class), access);
    }

    @AfterEach
    void close() throws Exception {
        index.close();
        embedder.close();
        store.close();
    }

    private static KnowledgeDocumentInput bug(String id, String title, String affected, String fixed) {
        return new KnowledgeDocumentInput(id, "known_bug", title, "Symptoms and what to do about " + title + ".",
                List.of("Crash", "be"), List.of(affected), fixed == null ? List.of() : List.of(fixed), "test");
    }

    @Test
    void createsStoresAndFindsADocument() {
        KnowledgeDocument doc = service.create(bug(null, "BE crash on flat JSON", "3.5.0-3.5.19", "3.5.20"));
        assertThat(doc.docId()).isEqualTo("kb-be-crash-on-flat-json");
        assertThat(doc.revision()).isEqualTo(1);
        assertThat(doc.tags()).containsExactly("crash", "be");
        assertThat(doc.updatedBy()).isEqualTo("operator@example.com");
        assertThat(service.get(doc.docId())).isEqualTo(doc);
        assertThat(service.search("flat json crash", null, "3.5.3", null, null).hits())
                .extracting(KnowledgeHit::docId).containsExactly(doc.docId());
        assertThat(service.search("flat json crash", null, "3.5.20", null, null).hits()).isEmpty();
    }

    @Test
    void refusesADuplicateIdAndBadFields() {
        service.create(bug("kb-1", "One", "*", null));
        assertThatThrownBy(() -> service.create(bug("kb-1", "Again", "*", null))).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> service.create(bug("Bad Id", "x", "*", null)))
                .isInstanceOf(InvalidParameterException.class)
                .extracting(e -> ((InvalidParameterException) e).parameter()).isEqualTo("doc_id");
        assertThatThrownBy(() -> service.create(bug("kb-2", "x", "soon", null)))
                .extracting(e -> ((InvalidParameterException) e).parameter()).isEqualTo("affected_versions");
        assertThatThrownBy(() -> service.create(new KnowledgeDocumentInput("kb-3", "rumour", "t", "b", null, null, null, null)))
                .extracting(e -> ((InvalidParameterException) e).parameter()).isEqualTo("kind");
        assertThatThrownBy(() -> service.create(new KnowledgeDocumentInput("kb-3", "guideline", "t", " ", null, null, null, null)))
                .extracting(e -> ((InvalidParameterException) e).parameter()).isEqualTo("body");
    }

    @Test
    void updateMakesANewRevisionAndReindexes() {
        service.create(bug("kb-1", "Disk alert", "*", null));
        KnowledgeDocument v2 = service.update("kb-1", new KnowledgeDocumentInput(null, "guideline", "Compaction runbook",
                "Batch the writes.", null, null, null, null));
        assertThat(v2.revision()).isEqualTo(2);
        assertThat(v2.kind()).isEqualTo(DocumentKind.GUIDELINE);
        assertThat(service.search("compaction", "guideline", null, "bm25", 5).hits()).extracting(KnowledgeHit::docId)
                .containsExactly("kb-1");
        assertThat(service.search("disk alert", null, null, "bm25", 5).hits()).isEmpty();
        assertThatThrownBy(() -> service.update("kb-none", bug(null, "x", "*", null))).isInstanceOf(NotFoundException.class);
    }

    @Test
    void deleteHidesTheDocumentAndItsIdCanBeUsedAgain() {
        service.create(bug("kb-1", "Disk alert", "*", null));
        service.delete("kb-1");
        assertThatThrownBy(() -> service.get("kb-1")).isInstanceOf(NotFoundException.class);
        assertThat(service.search("disk", null, null, null, null).hits()).isEmpty();
        KnowledgeDocument again = service.create(bug("kb-1", "Disk alert again", "*", null));
        assertThat(again.revision()).isEqualTo(3);
    }

    @Test
    void writesAskForAccessFirst() {
        KnowledgeService readOnly = service(() -> {
            throw new ForbiddenException("operators and admins only");
        });
        assertThatThrownBy(() -> readOnly.create(bug("kb-1", "x", "*", null))).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> readOnly.importJsonLines("x", "")).isInstanceOf(ForbiddenException.class);
        assertThat(repository.countRows()).isZero();
        // reading needs no write access
        assertThat(readOnly.search("x", null, null, null, null).hits()).isEmpty();
    }

    @Test
    void importCreatesUpdatesAndLeavesIdenticalDocumentsAlone() {
        String lines = """
                {"id": "a", "kind": "known_bug", "title": "A", "body": "alpha", "affected_versions": ["3.3"]}
                {"id": "b", "kind": "guideline", "title": "B", "body": "beta"}
                """;
        assertThat(service.importJsonLines("x.jsonl", lines)).isEqualTo(new ImportReport(2, 0, 0, List.of("a", "b")));
        ImportReport again = service.importJsonLines("x.jsonl", lines.replace("beta", "beta, revised"));
        assertThat(again).isEqualTo(new ImportReport(0, 1, 1, List.of("a", "b")));
        assertThat(service.get("a").revision()).isEqualTo(1);
        assertThat(service.get("b").revision()).isEqualTo(2);
        assertThat(service.importMarkdown("c.md", "---\nkind: resolution\n---\n# C\n\ngamma\n").docIds())
                .containsExactly("c");
    }

    @Test
    void anImportWithOneBadDocumentWritesNothing() {
        assertThatThrownBy(() -> service.importJsonLines("x.jsonl", """
                {"id": "a", "kind": "known_bug", "title": "A", "body": "alpha"}
                {"id": "b", "kind": "known_bug", "title": "B", "body": "beta", "fixed_versions": ["next"]}
                """)).isInstanceOf(InvalidParameterException.class);
        assertThat(repository.countRows()).isZero();
    }

    @Test
    void syncIndexesChangedRowsAndDropsDeletedOnes() {
        service.create(bug("kb-1", "One", "*", null));
        service.create(bug("kb-2", "Two", "*", null));
        // another replica changed the table behind this index's back
        JdbcTemplate jdbc = new JdbcTemplate(store.dataSource());
        jdbc.update("UPDATE alerts.knowledge_documents SET title = 'Two, edited', revision = 2 WHERE doc_id = 'kb-2'");
        jdbc.update("UPDATE alerts.knowledge_documents SET deleted = TRUE, revision = 2 WHERE doc_id = 'kb-1'");
        KnowledgeService.SyncReport report = service.syncIndex();
        assertThat(report.indexed()).isEqualTo(1);
        assertThat(report.removed()).isEqualTo(1);
        assertThat(index.revisions()).containsOnlyKeys("kb-2").containsValue(2);
        assertThat(service.syncIndex().indexed()).isZero();
    }

    @Test
    void searchChecksItsParameters() {
        assertThatThrownBy(() -> service.search("x", null, null, null, 0))
                .extracting(e -> ((InvalidParameterException) e).parameter()).isEqualTo("limit");
        assertThatThrownBy(() -> service.search("x", null, "newest", null, null))
                .extracting(e -> ((InvalidParameterException) e).parameter()).isEqualTo("version");
        assertThatThrownBy(() -> service.search("x", null, null, "magic", null))
                .extracting(e -> ((InvalidParameterException) e).parameter()).isEqualTo("mode");
        assertThatThrownBy(() -> service.search("x".repeat(1001), null, null, null, null))
                .extracting(e -> ((InvalidParameterException) e).parameter()).isEqualTo("q");
    }

    @Test
    void aStoppedAndRestartedApplicationSyncsAgain() {
        service.create(bug("kb-1", "Disk alert", "*", null));
        service.stopSync();
        service.syncIndex();
        assertThat(service.search(null, null, null, null, 1).indexSynced()).as("a stopping sync never says synced").isFalse();

        service.resumeSync();
        service.syncIndex();
        assertThat(service.search(null, null, null, null, 1).indexSynced()).isTrue();
    }
}
