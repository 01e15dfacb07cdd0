package dev.byocfleet.knowledge;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Sentence embeddings from all-MiniLM-L6-v2 (quantized ONNX, inside the langchain4j jar): 384
 * dimensions, unit length, offline. The model loads on first use (about 2 s), so a process that never
 * searches never pays for it. DJL unpacks its tokenizer under {@code ~/.djl.ai} or {@code DJL_CACHE_DIR}.
 *
 * <p>The ONNX session runs each text on one thread: batches are spread over the embedder's own
 * threads instead, so a batch never runs more inference threads than those (ONNX's default pool is
 * one thread per core per session call). A single short query costs the same CPU either way (about
 * 2.5 ms measured on the 2-core bench machine). Query vectors are kept in a small LRU cache: on-call
 * engineers repeat searches, and a cached vector saves that inference.
 */
final class TextEmbedder implements AutoCloseable {

    static final int DIMENSIONS = 384;
    /** Written into the index: an index made by another model is rebuilt. */
    static final String MODEL = "all-minilm-l6-v2-q/langchain4j-1.19.0-beta29";
    /** Query vectors kept (1.5 KB each). */
    static final int QUERY_CACHE_SIZE = 512;
    private static final String MODEL_RESOURCE = "all-minilm-l6-v2-q.onnx";
    private static final String TOKENIZER_RESOURCE = "all-minilm-l6-v2-q-tokenizer.json";

    private final ExecutorService executor;
    private final Map<String, float[]> queryCache = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
            return size() > QUERY_CACHE_SIZE;
        }
    };
    private final ExecutorService queryExecutor = Executors.newCachedThreadPool(
            Thread.ofPlatform().name("knowledge-query-", 0).daemon(true).factory());
    private volatile Model model;

    /** {@code threads} embed the batches of {@link #embedAll} in parallel (the machine has two cores). */
    TextEmbedder(int threads) {
        this.executor = Executors.newFixedThreadPool(threads,
                Thread.ofPlatform().name("knowledge-embed-", 0).daemon(true).factory());
    }

    /** The vector of {@code text}, computed afresh. */
    float[] embed(String text) {
        return model().embed(text).content().vector();
    }

    /** The vector of a search text: from the cache when the same text was searched lately. */
    float[] embedQuery(String text) {
        float[] cached = cachedQuery(text);
        if (cached != null) {
            return cached;
        }
        float[] vector = embed(text);
        synchronized (queryCache) {
            queryCache.put(text, vector);
        }
        return vector.clone();
    }

    /** A copy of the cached vector of {@code text}, or null. */
    private float[] cachedQuery(String text) {
        synchronized (queryCache) {
            float[] cached = queryCache.get(text);
            return cached == null ? null : cached.clone();
        }
    }

    /**
     * {@link #embedQuery} on a query thread, so the caller can do other work meanwhile; already
     * complete when the vector is cached. Query threads are apart from the batch threads, so a search
     * never waits behind a bulk import's batches.
     */
    CompletableFuture<float[]> embedQueryAsync(String text) {
        float[] cached = cachedQuery(text);
        return cached != null ? CompletableFuture.completedFuture(cached)
                : CompletableFuture.supplyAsync(() -> embedQuery(text), queryExecutor);
    }

    /** The vector of {@link #embedQueryAsync}; its failure is thrown as it was. */
    static float[] await(CompletableFuture<float[]> vector) {
        try {
            return vector.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }

    /** Forgets the cached query vectors (the benchmark measures searches that miss the cache). */
    void clearQueryCache() {
        synchronized (queryCache) {
            queryCache.clear();
        }
    }

    int queryCacheSize() {
        synchronized (queryCache) {
            return queryCache.size();
        }
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
        queryExecutor.shutdownNow();
    }

    private Model model() {
        Model m = model;
        if (m == null) {
            synchronized (this) {
                if (model == null) {
                    model = new Model(executor, load());
                }
                m = model;
            }
        }
        return m;
    }

    /** The model and tokenizer of the langchain4j jar, in a session that runs each text on one thread. */
    private static OnnxBertBiEncoder load() {
        ClassLoader loader = TextEmbedder.class.getClassLoader();
        try (InputStream modelBytes = loader.getResourceAsStream(MODEL_RESOURCE);
             InputStream tokenizer = loader.getResourceAsStream(TOKENIZER_RESOURCE);
             OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            if (modelBytes == null || tokenizer == null) {
                throw new IllegalStateException("the embedding model is not on the class path (" + MODEL_RESOURCE + ")");
            }
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
            OrtEnvironment env = OrtEnvironment.getEnvironment();
            OrtSession session = env.createSession(modelBytes.readAllBytes(), options);
            return new OnnxBertBiEncoder(env, session, tokenizer, PoolingMode.MEAN);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the embedding model", e);
        } catch (OrtException e) {
            throw new IllegalStateException("cannot load the embedding model", e);
        }
    }

    private static final class Model extends AbstractInProcessEmbeddingModel {
        private final OnnxBertBiEncoder encoder;

        Model(ExecutorService executor, OnnxBertBiEncoder encoder) {
            super(executor);
            this.encoder = encoder;
        }

        @Override
        protected OnnxBertBiEncoder model() {
            return encoder;
        }

        @Override
        protected Integer knownDimension() {
            return DIMENSIONS;
        }
    }
}
