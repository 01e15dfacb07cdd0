package dev.byocfleet.knowledge;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.byocfleet.api.InvalidParameterException;
import java.util.Locale;

/** Which ranking a search uses: both fused (the default), BM25 alone or the embedding vectors alone. */
public enum SearchMode {
    HYBRID, BM25, VECTOR;

    @JsonValue
    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static SearchMode parse(String value) {
        if (value == null || value.isBlank()) {
            return HYBRID;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "hybrid" -> HYBRID;
            case "bm25", "keyword", "text" -> BM25;
            case "vector", "semantic", "knn" -> VECTOR;
            default -> throw new InvalidParameterException("mode", "mode must be hybrid, bm25 or vector");
        };
    }
}
