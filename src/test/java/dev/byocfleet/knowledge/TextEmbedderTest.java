package dev.byocfleet.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The embedder's own ONNX session and its query-vector cache. */
class TextEmbedderTest {

    private static TextEmbedder embedder;

    @BeforeAll
    static void open() {
        embedder = new TextEmbedder(2);
    }

    @AfterAll
    static void close() {
        embedder.close();
    }

    @Test
    void theOneThreadSessionGivesTheVectorsOfTheLibrarysOwnModel() {
        // indexes built with the library's default session stay valid: same model, same vectors
        var library = new AllMiniLmL6V2QuantizedEmbeddingModel();
        for (String text : List.of("BE node out of memory during compaction", "tablet", "慢查询 slow query on 3.3.2")) {
            float[] ours = embedder.embed(text);
            float[] theirs = library.embed(text).content().vector();
            assertThat(ours).hasSize(TextEmbedder.DIMENSIONS);
            assertThat(SentenceEmbeddings.cosine(ours, theirs)).as(text).isCloseTo(1.0, within(1e-5));
        }
    }

    @Test
    void aCachedQueryVectorIsTheFreshEmbedding() {
        String query = "routine load paused after kafka offset out of range";
        embedder.clearQueryCache();
        float[] fresh = embedder.embed(query);
        float[] first = embedder.embedQuery(query);
        float[] second = embedder.embedQuery(query);
        assertThat(first).containsExactly(fresh);
        assertThat(second).containsExactly(fresh);
        // callers get copies: changing one does not change what the cache hands out next
        second[0] += 1f;
        assertThat(embedder.embedQuery(query)).containsExactly(fresh);
        assertThat(embedder.embedQuery(query)).isNotSameAs(embedder.embedQuery(query));
    }

    @Test
    void anAsyncQueryVectorIsTheFreshEmbeddingAndACachedOneIsReadyAtOnce() {
        String query = "stream load rejected with too many filtered rows";
        embedder.clearQueryCache();
        float[] fresh = embedder.embed(query);
        assertThat(TextEmbedder.await(embedder.embedQueryAsync(query))).containsExactly(fresh);
        var cached = embedder.embedQueryAsync(query);
        assertThat(cached).isDone();
        assertThat(TextEmbedder.await(cached)).containsExactly(fresh);
    }

    @Test
    void anAsyncFailureIsThrownAsItWas() {
        // the model refuses text that is blank once tokenized; the caller sees its own exception
        assertThatThrownBy(() -> TextEmbedder.await(embedder.embedQueryAsync("\u0000")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void differentQueriesGetTheirOwnVectorsAndTheCacheIsBounded() {
        embedder.clearQueryCache();
        float[] a = embedder.embedQuery("disk full on a compute node");
        float[] b = embedder.embedQuery("FE leader election keeps flapping");
        assertThat(SentenceEmbeddings.cosine(a, b)).isLessThan(0.9);
        for (int i = 0; i < TextEmbedder.QUERY_CACHE_SIZE + 5; i++) {
            embedder.embedQuery("q" + i);
        }
        assertThat(embedder.queryCacheSize()).isEqualTo(TextEmbedder.QUERY_CACHE_SIZE);
        assertThat(embedder.embedQuery("disk full on a compute node")).containsExactly(embedder.embed("disk full on a compute node"));
    }
}
