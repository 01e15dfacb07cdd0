package dev.byocfleet.llm;

import org.jspecify.annotations.Nullable;

/**
 * Whether a model can be called, for the UI and the agents. Never carries the key.
 *
 * @param reason why not, in words for the user, when {@code configured} is false
 */
public record LlmStatus(boolean configured, String provider, @Nullable String model, @Nullable String baseUrl,
                        @Nullable String reason) {}
