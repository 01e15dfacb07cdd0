package dev.byocfleet.llm;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Bound from {@code byoc.llm.*}: BYOC_LLM_PROVIDER ({@code none}, {@code anthropic}, {@code openai}
 * for any OpenAI-compatible Chat Completions endpoint), BYOC_LLM_BASE_URL, BYOC_LLM_API_KEY,
 * BYOC_LLM_MODEL. Without a usable provider the agents run their rules.
 *
 * @param maxRetries     further attempts after a 429, 5xx, 529 or connection failure
 * @param initialBackoff first wait between attempts (doubled each time, with jitter) when the
 *                       provider sends no retry-after
 * @param maxBackoff     longest single wait, also for a provider's retry-after
 * @param requestTimeout a whole non-streaming call, or the gap between two streamed events
 * @param prices         USD per million tokens by model name prefix; the longest matching prefix wins
 */
@ConfigurationProperties("byoc.llm")
public record LlmProperties(@Nullable String provider, @Nullable String baseUrl, @Nullable String apiKey,
                            @Nullable String model, @Nullable Integer maxTokens, @Nullable Integer maxRetries,
                            @Nullable Duration initialBackoff, @Nullable Duration maxBackoff,
                            @Nullable Duration requestTimeout, @Nullable Map<String, Price> prices) {

    /** USD per million tokens of each kind. */
    public record Price(double input, double output, @Nullable Double cacheRead, @Nullable Double cacheWrite) {

        public Price {
            if (input < 0 || output < 0 || (cacheRead != null && cacheRead < 0) || (cacheWrite != null && cacheWrite < 0)) {
                throw new IllegalStateException("byoc.llm.prices: prices must not be negative");
            }
        }
    }

    public LlmProperties {
        provider = provider == null || provider.isBlank() ? "none" : provider.strip().toLowerCase(Locale.ROOT);
        if (!provider.equals("none") && !provider.equals("anthropic") && !provider.equals("openai")) {
            throw new IllegalStateException("BYOC_LLM_PROVIDER must be none, anthropic or openai, not '" + provider + "'");
        }
        baseUrl = blankToNull(baseUrl);
        apiKey = blankToNull(apiKey);
        model = blankToNull(model);
        maxTokens = maxTokens == null ? 4096 : maxTokens;
        maxRetries = maxRetries == null ? 4 : maxRetries;
        initialBackoff = initialBackoff == null ? Duration.ofSeconds(1) : initialBackoff;
        maxBackoff = maxBackoff == null ? Duration.ofSeconds(60) : maxBackoff;
        requestTimeout = requestTimeout == null ? Duration.ofSeconds(120) : requestTimeout;
        prices = prices == null ? Map.of() : Map.copyOf(prices);
        if (maxTokens < 1 || maxRetries < 0) {
            throw new IllegalStateException("byoc.llm.max-tokens must be positive and max-retries not negative");
        }
    }

    /** The base URL in use: the configured one, or the provider's public endpoint. */
    public String effectiveBaseUrl() {
        if (baseUrl != null) {
            return baseUrl.replaceAll("/+$", "");
        }
        return provider.equals("anthropic") ? "https://api.anthropic.com" : "https://api.openai.com/v1";
    }

    /**
     * Why no model can be called, or null when one can. A key is required by the public endpoints;
     * a self-hosted OpenAI-compatible server (vLLM, Ollama) given by its base URL may run without one.
     */
    public @Nullable String notConfiguredReason() {
        if (provider.equals("none")) {
            return "No LLM provider is configured (BYOC_LLM_PROVIDER is none): the agents run their deterministic rules.";
        }
        if (model == null) {
            return "BYOC_LLM_MODEL is not set: the agents run their deterministic rules.";
        }
        if (apiKey == null && (provider.equals("anthropic") || baseUrl == null)) {
            return "BYOC_LLM_API_KEY is not set: the agents run their deterministic rules.";
        }
        return null;
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** Keeps the key out of logs and actuator output. */
    @Override
    public String toString() {
        return "LlmProperties[provider=" + provider + ", baseUrl=" + baseUrl + ", model=" + model
                + ", apiKey=" + (apiKey == null ? "unset" : "set") + "]";
    }
}
