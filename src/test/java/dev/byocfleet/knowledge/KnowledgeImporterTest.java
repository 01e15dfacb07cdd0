package dev.byocfleet.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.byocfleet.api.InvalidParameterException;
import java.util.List;
import org.junit.jupiter.api.Test;

class KnowledgeImporterTest {

    @Test
    void readsMarkdownWithFrontMatter() {
        KnowledgeDocumentInput in = KnowledgeImporter.markdown("ignored.md", """
                ---
                id: oc-2025-06-11-disk
                kind: oncall_log
                title: "Disk at 92 % on acme-prod"
                tags: [disk, acme]
                affected_versions: ["3.3"]
                fixed_versions: []
                source: lark://alerts/om_123
                ---
                Grew the volumes online; alert cleared in 20 minutes.
                """);
        assertThat(in).isEqualTo(new KnowledgeDocumentInput("oc-2025-06-11-disk", "oncall_log", "Disk at 92 % on acme-prod",
                "Grew the volumes online; alert cleared in 20 minutes.", List.of("disk", "acme"), List.of("3.3"),
                List.of(), "lark://alerts/om_123"));
    }

    @Test
    void takesTheIdFromTheFileNameAndTheTitleFromTheFirstHeading() {
        KnowledgeDocumentInput in = KnowledgeImporter.markdown("docs/runbooks/fe-restart.md", """
                ---
                kind: guideline
                tags: fe, restart
                ---
                # Restarting an FE safely

                Followers first, the leader last.
                """);
        assertThat(in.docId()).isEqualTo("fe-restart");
        assertThat(in.title()).isEqualTo("Restarting an FE safely");
        assertThat(in.body()).isEqualTo("Followers first, the leader last.");
        assertThat(in.tags()).containsExactly("fe", "restart");
    }

    @Test
    void markdownWithoutFrontMatterIsAllBody() {
        KnowledgeDocumentInput in = KnowledgeImporter.markdown("note.md", "# Note\n\nText.");
        assertThat(in.kind()).isNull();
        assertThat(in.title()).isEqualTo("Note");
    }

    @Test
    void readsJsonLinesSkippingBlankLines() {
        List<KnowledgeDocumentInput> docs = KnowledgeImporter.jsonLines("up.jsonl", """
                {"id": "a", "kind": "known_bug", "title": "A", "body": "x", "affected_versions": ["3.3.0-3.3.3"], "fixed_versions": ["3.3.4"]}

                {"doc_id": "b", "kind": "resolution", "title": "B", "body": "y", "tags": "one, two"}
                """);
        assertThat(docs).extracting(KnowledgeDocumentInput::docId).containsExactly("a", "b");
        assertThat(docs.getFirst().fixedVersions()).containsExactly("3.3.4");
        assertThat(docs.get(1).tags()).containsExactly("one", "two");
    }

    @Test
    void reportsTheLineAndFieldOfBadInput() {
        assertThatThrownBy(() -> KnowledgeImporter.jsonLines("up.jsonl", "{\"id\": \"a\"}\n{not json}\n"))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("up.jsonl line 2");
        assertThatThrownBy(() -> KnowledgeImporter.jsonLines("up.jsonl", "{\"id\": \"a\", \"severity\": 1}"))
                .hasMessageContaining("unknown field 'severity'");
        assertThatThrownBy(() -> KnowledgeImporter.markdown("x.md", "---\nkind: [unclosed\n---\nbody"))
                .hasMessageContaining("not valid YAML");
        assertThatThrownBy(() -> KnowledgeImporter.markdown("x.md", "---\nkind: guideline\nbody"))
                .hasMessageContaining("not closed");
    }

    @Test
    void everyStarterDocumentImportsAndPassesTheChecks() {
        List<KnowledgeDocumentInput> corpus = KnowledgeBootstrap.starterCorpus();
        assertThat(corpus).filteredOn(d -> "known_bug".equals(d.kind())).hasSizeGreaterThanOrEqualTo(40);
        assertThat(corpus).filteredOn(d -> "guideline".equals(d.kind())).hasSizeGreaterThanOrEqualTo(15);
        for (KnowledgeDocumentInput in : corpus) {
            KnowledgeDocument doc = DocumentChecks.document(DocumentChecks.newId(in), in, 1,
                    java.time.LocalDateTime.MIN, java.time.LocalDateTime.MIN, "t");
            assertThat(doc.source()).as(doc.docId()).isNotBlank();
            assertThat(doc.tags()).as(doc.docId()).isNotEmpty();
            if (doc.kind() == DocumentKind.KNOWN_BUG) {
                assertThat(doc.body()).as(doc.docId()).contains("**Symptoms.**", "**Cause.**", "**What to do.**");
            }
        }
    }
}
