package dev.byocfleet.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.byocfleet.knowledge.KnowledgeBenchmark.Build;
import dev.byocfleet.knowledge.KnowledgeBenchmark.Manifest;
import dev.byocfleet.knowledge.KnowledgeBenchmark.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The benchmark's persisted index: a later run reuses it only when it was built from the same corpus. */
class KnowledgeBenchmarkTest {

    private static final List<String> QUERIES = List.of("BE out of memory", "tablet version count too high");

    @Test
    void theCorpusHashFollowsSeedAndSize() {
        String hash = KnowledgeBenchmark.corpusHash(KnowledgeBenchmark.synthesize(80, 42));
        assertThat(KnowledgeBenchmark.corpusHash(KnowledgeBenchmark.synthesize(80, 42))).isEqualTo(hash);
        assertThat(KnowledgeBenchmark.corpusHash(KnowledgeBenchmark.synthesize(80, 43))).isNotEqualTo(hash);
        assertThat(KnowledgeBenchmark.corpusHash(KnowledgeBenchmark.synthesize(81, 42))).isNotEqualTo(hash);
    }

    @Test
    void aLaterRunSearchesTheIndexAnEarlierRunBuiltAndReportsThatRunsBuild(@TempDir Path dir) {
        Result built = KnowledgeBenchmark.run(dir, 71, 7, QUERIES, 1, Build.WITHOUT_BASELINE, "run-a");
        assertThat(built.indexReused()).isFalse();
        assertThat(built.builtByRun()).isEqualTo("run-a");
        assertThat(built.embedOnlyMillis()).isNull();
        assertThat(Files.exists(dir.resolve(KnowledgeBenchmark.MANIFEST))).isTrue();

        Result reused = KnowledgeBenchmark.run(dir, 71, 7, QUERIES, 1, Build.REUSE, "run-b");
        assertThat(reused.indexReused()).isTrue();
        assertThat(reused.builtByRun()).isEqualTo("run-a");
        assertThat(reused.buildMillis()).isEqualTo(built.buildMillis());
        assertThat(reused.passages()).isEqualTo(built.passages());
        assertThat(reused.search()).containsKeys("bm25", "query_embedding", "vector", "hybrid", "hybrid_kind_version",
                "hybrid_warm");
        assertThat(reused.search().get("hybrid").samples()).isEqualTo(QUERIES.size());
    }

    @Test
    void anIndexOfAnotherCorpusIsRefusedAndLeftAsItWas(@TempDir Path dir) throws IOException {
        KnowledgeBenchmark.run(dir, 70, 7, QUERIES, 1, Build.WITHOUT_BASELINE, "run-a");
        String manifest = Files.readString(dir.resolve(KnowledgeBenchmark.MANIFEST));

        assertThatThrownBy(() -> KnowledgeBenchmark.run(dir, 70, 8, QUERIES, 1, Build.REUSE, "run-b"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("built by run run-a")
                .hasMessageContaining("seed is 7 in the index, 8 wanted")
                .hasMessageContaining("corpus_sha256");
        assertThatThrownBy(() -> KnowledgeBenchmark.run(dir, 69, 7, QUERIES, 1, Build.REUSE, "run-b"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("documents is 70 in the index, 69 wanted");

        assertThat(Files.readString(dir.resolve(KnowledgeBenchmark.MANIFEST))).isEqualTo(manifest);
        assertThat(KnowledgeBenchmark.run(dir, 70, 7, QUERIES, 1, Build.REUSE, "run-c").builtByRun()).isEqualTo("run-a");
    }

    @Test
    void aFolderWithoutOrWithABrokenManifestIsRefused(@TempDir Path dir) throws IOException {
        Manifest wanted = new Manifest("now", 70, 7, 1, "x", TextEmbedder.MODEL, Chunker.VERSION,
                KnowledgeEntries.LAYOUT, 0, null);
        assertThatThrownBy(() -> KnowledgeBenchmark.reusable(dir, wanted))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("has no " + KnowledgeBenchmark.MANIFEST);
        Files.writeString(dir.resolve(KnowledgeBenchmark.MANIFEST), "{\"documents\": \"many\"");
        assertThatThrownBy(() -> KnowledgeBenchmark.reusable(dir, wanted))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is unreadable");
        KnowledgeBenchmark.writeManifest(dir, new Manifest("old", 70, 7, 1, "x", "another-model", Chunker.VERSION,
                KnowledgeEntries.LAYOUT, 5, 4L));
        assertThatThrownBy(() -> KnowledgeBenchmark.reusable(dir, wanted))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("model is another-model in the index");
    }
}
