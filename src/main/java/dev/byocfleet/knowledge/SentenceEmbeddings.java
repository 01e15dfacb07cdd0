package dev.byocfleet.knowledge;

import java.util.List;
import org.springframework.stereotype.Service;

/**
 * The Knowledge Lake's sentence embeddings (all-MiniLM-L6-v2, unit vectors) for other features, such
 * as grouping similar issue titles. The model loads on first use.
 */
@Service
public class SentenceEmbeddings {

    private final TextEmbedder embedder;

    SentenceEmbeddings(TextEmbedder embedder) {
        this.embedder = embedder;
    }

    /** One vector per text, in order. */
    public List<float[]> embed(List<String> texts) {
        return embedder.embedAll(texts);
    }

    /** Cosine similarity of two vectors of the same length. */
    public static double cosine(float[] a, float[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return na == 0 || nb == 0 ? 0 : dot / Math.sqrt(na * nb);
    }
}
