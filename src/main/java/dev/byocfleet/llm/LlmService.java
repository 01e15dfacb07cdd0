package dev.byocfleet.llm;

import dev.byocfleet.llm.LlmException.Kind;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one way to call the configured model: retries with backoff on 429, 5xx, 529 and connection
 * failures (honouring the provider's retry-after), none on auth, quota or bad-request errors, and
 * one {@code llm_usage} row per call whatever its outcome. A streamed call is retried only while
 * nothing of it has reached the listener.
 */
@Service
public class LlmService {

    /** Waits between attempts; a cancel ends the wait. */
    @FunctionalInterface
    interface Sleeper {
        void sleep(Duration duration, Cancellation cancellation) throws InterruptedException;
    }

    private static final Logger log = LoggerFactory.getLogger(LlmService.class);
    private static final int MAX_ERROR = 2000;

    private final LlmProperties props;
    private final @Nullable ProviderClient client;
    private final LlmUsageRepository usage;
    private final PriceTable prices;
    private final Sleeper sleeper;
    private final Clock clock;

    @Autowired
    LlmService(LlmProperties props, LlmUsageRepository usage, JsonMapper json) {
        this(props, usage, json, LlmService::sleepUnlessCancelled, Clock.systemUTC());
    }

    LlmService(LlmProperties props, LlmUsageRepository usage, JsonMapper json, Sleeper sleeper, Clock clock) {
        this.props = props;
        this.usage = usage;
        this.prices = new PriceTable(props.prices());
        this.sleeper = sleeper;
        this.clock = clock;
        this.client = props.notConfiguredReason() != null ? null : client(props, new LlmHttp(json, props.requestTimeout()));
    }

    private static ProviderClient client(LlmProperties props, LlmHttp http) {
        return switch (props.provider()) {
            case "anthropic" -> new AnthropicClient(http, props.effectiveBaseUrl(), props.apiKey(), props.model(), props.maxTokens());
            default -> new OpenAiClient(http, props.effectiveBaseUrl(), props.apiKey(), props.model(), props.maxTokens());
        };
    }

    public LlmStatus status() {
        String reason = props.notConfiguredReason();
        return new LlmStatus(reason == null, props.provider(), props.model(),
                props.provider().equals("none") ? null : props.effectiveBaseUrl(), reason);
    }

    public boolean configured() {
        return client != null;
    }

    /**
     * Calls the model, streamed to {@code listener} when one is given.
     *
     * @throws LlmException when the call failed for good (after retries), was cancelled, or no
     *                      provider is configured
     */
    public LlmResponse call(CallContext context, LlmRequest request, @Nullable StreamListener listener,
                            Cancellation cancellation) {
        if (client == null) {
            throw new LlmException(Kind.NOT_CONFIGURED, null, null, props.notConfiguredReason());
        }
        long started = System.nanoTime();
        ObservedListener observed = listener == null ? null : new ObservedListener(listener);
        int attempt = 0;
        while (true) {
            try {
                LlmResponse response = client.send(request, observed, cancellation);
                record(context, response.model(), response.usage(), started, "ok", null);
                return response;
            } catch (LlmException e) {
                Duration wait = e.kind() == Kind.CANCELLED ? null : waitBeforeRetry(e, attempt, observed);
                if (wait == null) {
                    record(context, client.model(), TokenUsage.NONE, started, e.kind().name().toLowerCase(java.util.Locale.ROOT), e.getMessage());
                    throw e;
                }
                attempt++;
                log.info("LLM call for {} failed ({}), attempt {} of {}; retrying in {} ms", context.agent(),
                        e.getMessage(), attempt, props.maxRetries() + 1, wait.toMillis());
                try {
                    sleeper.sleep(wait, cancellation);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    cancellation.cancel();
                }
                if (cancellation.isCancelled()) {
                    record(context, client.model(), TokenUsage.NONE, started, "cancelled", "Cancelled while waiting to retry");
                    throw new LlmException(Kind.CANCELLED, null, null, "Cancelled");
                }
            }
        }
    }

    /** The wait before the next attempt, or null when this failure is final. */
    private @Nullable Duration waitBeforeRetry(LlmException e, int attempt, @Nullable ObservedListener observed) {
        if (!e.retryable() || attempt >= props.maxRetries() || (observed != null && observed.delivered)) {
            return null;
        }
        if (e.retryAfter() != null) {
            // A provider asking for longer than we are willing to wait gets no further request.
            return e.retryAfter().compareTo(props.maxBackoff()) > 0 ? null : e.retryAfter();
        }
        long base = props.initialBackoff().toMillis() << Math.min(attempt, 20);
        long capped = Math.min(base, props.maxBackoff().toMillis());
        return Duration.ofMillis(capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1));
    }

    private void record(CallContext context, @Nullable String model, TokenUsage tokens, long startedNanos,
                        String outcome, @Nullable String error) {
        long latency = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos);
        String err = error == null ? null : error.length() > MAX_ERROR ? error.substring(0, MAX_ERROR) : error;
        UsageRow row = new UsageRow(UUID.randomUUID().toString(), LocalDateTime.now(clock), context,
                client == null ? props.provider() : client.provider(), model, tokens, prices.cost(model, tokens),
                latency, outcome, err);
        try {
            usage.insert(row);
        } catch (RuntimeException ex) {
            // Losing a usage row must not lose the answer the model already gave (and was paid for).
            log.warn("Could not record LLM usage for {}: {}", context.agent(), ex.getMessage());
        }
    }

    private static void sleepUnlessCancelled(Duration duration, Cancellation cancellation) throws InterruptedException {
        CountDownLatch latch = new CountDownLatch(1);
        Runnable unregister = cancellation.whenCancelled(latch::countDown);
        try {
            latch.await(duration.toMillis(), TimeUnit.MILLISECONDS);
        } finally {
            unregister.run();
        }
    }

    /** Remembers whether any part of a streamed answer reached the caller (then a retry would repeat it). */
    private static final class ObservedListener implements StreamListener {
        private final StreamListener delegate;
        private volatile boolean delivered;

        ObservedListener(StreamListener delegate) {
            this.delegate = delegate;
        }

        @Override
        public void text(String delta) {
            delivered = true;
            delegate.text(delta);
        }

        @Override
        public void toolCallStarted(String id, String name) {
            delivered = true;
            delegate.toolCallStarted(id, name);
        }
    }
}
