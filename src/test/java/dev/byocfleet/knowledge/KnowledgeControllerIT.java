package dev.byocfleet.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import dev.byocfleet.support.AppTestBase;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

/** The Knowledge Lake over HTTP, on the starter corpus loaded at start-up. */
class KnowledgeControllerIT extends AppTestBase {

    @Autowired
    KnowledgeService knowledge;

    @BeforeEach
    void awaitIndex() throws InterruptedException {
        KnowledgeIndexAwait.awaitIndex(knowledge);
    }

    private String get(String uri) {
        return client.get().uri(uri).exchange().expectStatus().isOk().expectBody(String.class).returnResult()
                .getResponseBody();
    }

    @Test
    void searchesTheStarterCorpusWithHybridRanking() {
        String body = get("/api/knowledge?q=loads fail with too many versions&limit=3");
        assertThat(JsonPath.<String>read(body, "$.mode")).isEqualTo("hybrid");
        assertThat(JsonPath.<Boolean>read(body, "$.index_synced")).isTrue();
        assertThat(JsonPath.<Integer>read(body, "$.limit")).isEqualTo(3);
        assertThat(JsonPath.<List<String>>read(body, "$.hits[*].doc_id")).hasSize(3).contains("sr-ki-002");
        assertThat(JsonPath.<Integer>read(body, "$.hits[0].bm25_rank")).isNotNull();
        assertThat(JsonPath.<String>read(body, "$.hits[0].snippet")).isNotBlank();
    }

    @Test
    void knownBugsForAVersionAreAFilter() {
        String body = get("/api/knowledge?kind=known_bug&version=3.3.2&limit=50");
        List<String> ids = JsonPath.read(body, "$.hits[*].doc_id");
        assertThat(ids).contains("sr-ki-023", "sr-ki-024", "sr-ki-025").doesNotContain("sr-ki-019", "gl-node-down");
        assertThat(JsonPath.<List<String>>read(body, "$.hits[*].kind")).containsOnly("known_bug");
        assertThat(JsonPath.<String>read(body, "$.version")).isEqualTo("3.3.2");
    }

    @Test
    void getsADocumentInFull() {
        client.get().uri("/api/knowledge/sr-ki-024").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.doc_id").isEqualTo("sr-ki-024")
                .jsonPath("$.kind").isEqualTo("known_bug")
                .jsonPath("$.affected_versions[0]").isEqualTo("3.3.0-3.3.3")
                .jsonPath("$.fixed_versions[0]").isEqualTo("3.3.4")
                .jsonPath("$.revision").isEqualTo(1)
                .jsonPath("$.updated_by").isEqualTo(KnowledgeBootstrap.STARTER_ACTOR);
    }

    @Test
    void unknownDocumentsAndBadParametersAreProblems() {
        client.get().uri("/api/knowledge/no-such-doc").exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        client.get().uri("/api/knowledge?q=x&limit=0").exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.parameter").isEqualTo("limit");
        client.get().uri("/api/knowledge?version=latest").exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.parameter").isEqualTo("version");
        client.get().uri("/api/knowledge?kind=rumour").exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.parameter").isEqualTo("kind");
    }

    @Test
    void createsUpdatesAndDeletesADocument() {
        client.post().uri("/api/knowledge").contentType(MediaType.APPLICATION_JSON).body("""
                {"doc_id": "oc-it-1", "kind": "oncall_log", "title": "Rebalanced tablets on acme-prod",
                 "body": "Disk skew between BEs; ran a balance and the alert cleared.", "tags": ["disk"],
                 "affected_versions": ["3.3"]}""")
                .exchange()
                .expectStatus().isCreated()
                .expectHeader().location("/api/knowledge/oc-it-1")
                .expectBody().jsonPath("$.revision").isEqualTo(1)
                .jsonPath("$.updated_by").isEqualTo(ADMIN_EMAIL);
        client.post().uri("/api/knowledge").contentType(MediaType.APPLICATION_JSON)
                .body("{\"doc_id\": \"oc-it-1\", \"kind\": \"oncall_log\", \"title\": \"t\", \"body\": \"b\"}")
                .exchange().expectStatus().isEqualTo(409);
        assertThat(JsonPath.<List<String>>read(get("/api/knowledge?q=rebalanced tablets disk skew&kind=oncall_log"),
                "$.hits[*].doc_id")).containsExactly("oc-it-1");

        client.put().uri("/api/knowledge/oc-it-1").contentType(MediaType.APPLICATION_JSON).body("""
                {"kind": "resolution", "title": "Rebalancing tablets fixed disk skew", "body": "Balance the tablets."}""")
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.revision").isEqualTo(2).jsonPath("$.kind").isEqualTo("resolution");

        client.delete().uri("/api/knowledge/oc-it-1").exchange().expectStatus().isNoContent();
        client.get().uri("/api/knowledge/oc-it-1").exchange().expectStatus().isNotFound();
    }

    @Test
    void importsMarkdownAndJsonLines() {
        client.post().uri("/api/knowledge/import?name=it-runbook.md").contentType(MediaType.parseMediaType("text/markdown"))
                .body("---\nkind: guideline\ntags: [it]\n---\n# Imported runbook\n\nCheck the FE first.\n")
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.created").isEqualTo(1).jsonPath("$.doc_ids[0]").isEqualTo("it-runbook");
        client.post().uri("/api/knowledge/import").contentType(MediaType.parseMediaType("application/x-ndjson"))
                .body("{\"id\": \"it-j1\", \"kind\": \"known_bug\", \"title\": \"J1\", \"body\": \"b\", "
                        + "\"affected_versions\": [\"3.4\"]}\n")
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.created").isEqualTo(1);
        client.post().uri("/api/knowledge/import").contentType(MediaType.parseMediaType("application/x-ndjson"))
                .body("{\"id\": \"it-j2\", \"kind\": \"known_bug\"}\n")
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.parameter").isEqualTo("title");
    }
}
