package dev.byocfleet.llm;

import org.jspecify.annotations.Nullable;

/** One provider's wire format: a single attempt of one call, streamed when a listener is given. */
interface ProviderClient {

    /** {@code anthropic} or {@code openai}, as recorded in {@code llm_usage.provider}. */
    String provider();

    String model();

    LlmResponse send(LlmRequest request, @Nullable StreamListener listener, Cancellation cancellation);
}
