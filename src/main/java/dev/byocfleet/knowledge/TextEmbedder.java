package dev.byocfleet.knowledge;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Sentence embeddings from all-MiniLM-L6-v2 (quantized ONNX, inside the langchain4j jar): 384
 * dimensions, unit length, offline. The model loads on first use (about 2 s), so a process that never
 * searches never pays for it. DJL unpacks its tokenizer under {@code ~/.djl.ai} or {@code DJL_CACHE_DIR}.
 */
final class TextEmbedder implements AutoCloseable {

    static final int DIMENSIONS = 384;
    /** Written into the index: an index made by another model is rebuilt. */
    static final String MODEL = "all-minilm-l6-v2-q/langchain4j-1.19.0-beta29";

    private final ExecutorService executor;
    private volatile AllMiniLmL6V2QuantizedEmbeddingModel model;

    /** {@code threads} embed the batches of {@link #embedAll} in parallel (the machine has two cores). */
    TextEmbedder(int threads) {
        this.executor = Executors.newFixedThreadPool(threads,
                Thread.ofPlatform().name("knowledge-embed-", 0).daemon(true).factory());
    }

    float[] embed(String text) {
        return model().embed(text).content().vector();
    }

    List<float[]> embedAll(List<String> texts) {
        if (texts.isEmpty()) {
            return List.of();
        }
        return model().embedAll(texts.stream().map(TextSegment::from).toList()).content().stream()
                .map(e -> e.vector()).toList();
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }

    private AllMiniLmL6V2QuantizedEmbeddingModel model() {
        AllMiniLmL6V2QuantizedEmbeddingModel m = model;
        if (m == null) {
            synchronized (this) {
                if (model == null) {
                    model = new AllMiniLmL6V2QuantizedEmbeddingModel(executor);
                }
                m = model;
            }
        }
        return m;
    }
}
