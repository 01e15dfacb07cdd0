package dev.byocfleet.knowledge;

import dev.byocfleet.store.RecordRows;
import dev.byocfleet.store.Dialect;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code alerts.knowledge_documents}. Deleting marks a row deleted (with a new revision) so the index
 * of every replica learns about it from the revisions, the same way it learns about edits.
 */
@Repository
class KnowledgeRepository {

    private static final List<String> COLUMNS = List.of("doc_id", "kind", "title", "body", "tags",
            "affected_versions", "fixed_versions", "source", "revision", "created_at", "updated_at", "updated_by",
            "deleted");
    private static final String SELECT = "SELECT " + String.join(", ", COLUMNS) + " FROM alerts.knowledge_documents";
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() { };

    /** A row's identity and version, deleted ones included. */
    record Revision(String docId, int revision, boolean deleted) {
    }

    private final JdbcClient jdbc;
    private final Dialect dialect;
    private final JsonMapper json = JsonMapper.builder().build();

    KnowledgeRepository(JdbcClient jdbc, Dialect dialect) {
        this.jdbc = jdbc;
        this.dialect = dialect;
    }

    long countRows() {
        return jdbc.sql("SELECT count(*) FROM alerts.knowledge_documents").query(Long.class).single();
    }

    Optional<KnowledgeDocument> find(String docId) {
        return jdbc.sql(SELECT + " WHERE doc_id = :id AND coalesce(deleted, FALSE) = FALSE")
                .param("id", docId)
                .query((rs, i) -> document(rs)).optional();
    }

    Optional<Revision> revision(String docId) {
        return jdbc.sql("SELECT doc_id, revision, coalesce(deleted, FALSE) AS deleted FROM alerts.knowledge_documents "
                        + "WHERE doc_id = :id")
                .param("id", docId)
                .query(RecordRows.of(Revision.class)).optional();
    }

    /** Every live document's revision. */
    Map<String, Integer> liveRevisions() {
        Map<String, Integer> out = new HashMap<>();
        jdbc.sql("SELECT doc_id, revision FROM alerts.knowledge_documents WHERE coalesce(deleted, FALSE) = FALSE")
                .query(rs -> {
                    out.put(rs.getString(1), rs.getInt(2));
                });
        return out;
    }

    List<KnowledgeDocument> findLive(Collection<String> docIds) {
        if (docIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT + " WHERE doc_id IN (:ids) AND coalesce(deleted, FALSE) = FALSE ORDER BY doc_id")
                .param("ids", List.copyOf(docIds))
                .query((rs, i) -> document(rs)).list();
    }

    /** Inserts or replaces the row of {@code doc}. */
    void save(KnowledgeDocument doc, boolean deleted) {
        jdbc.sql(dialect.upsert("alerts.knowledge_documents", COLUMNS, List.of("doc_id")))
                .params(doc.docId(), doc.kind().apiName(), doc.title(), doc.body(), json.writeValueAsString(doc.tags()),
                        json.writeValueAsString(doc.affectedVersions()), json.writeValueAsString(doc.fixedVersions()),
                        doc.source(), doc.revision(), doc.createdAt(), doc.updatedAt(), doc.updatedBy(), deleted)
                .update();
    }

    private KnowledgeDocument document(ResultSet rs) throws SQLException {
        return new KnowledgeDocument(rs.getString("doc_id"), DocumentKind.parse(rs.getString("kind")),
                rs.getString("title"), rs.getString("body"), strings(rs.getString("tags")),
                strings(rs.getString("affected_versions")), strings(rs.getString("fixed_versions")),
                rs.getString("source"), rs.getInt("revision"), rs.getObject("created_at", LocalDateTime.class),
                rs.getObject("updated_at", LocalDateTime.class), rs.getString("updated_by"));
    }

    private List<String> strings(String jsonArray) {
        return jsonArray == null || jsonArray.isBlank() ? List.of() : json.readValue(jsonArray, STRINGS);
    }
}
