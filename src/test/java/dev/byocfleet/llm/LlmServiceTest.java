package dev.byocfleet.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.byocfleet.llm.LlmException.Kind;
import dev.byocfleet.llm.LlmMessage.UserText;
import dev.byocfleet.support.LocalHttpServer.Reply;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** Retries, typed failures, cancellation and the usage rows, against the replay servers. */
class LlmServiceTest {

    private static final LlmRequest ASK = new LlmRequest("", List.of(new UserText("Why?")), List.of(), 0);
    private static final CallContext CONTEXT = new CallContext("investigator", "inv-1", null, null, "c-0001");

    private static LlmResponse call(LlmTestWiring replay, Cancellation cancellation) {
        return replay.service().call(CONTEXT, ASK, null, cancellation);
    }

    @Test
    void aRateLimitIsRetriedAfterTheProvidersRetryAfterAndTheCallRecordedOnceWithItsCost() {
        try (LlmTestWiring replay = LlmTestWiring.anthropic()) {
            replay.reply(Reply.json(429, replay.fixture("rate-limit.json")).withHeader("retry-after", "7"))
                    .reply(200, "end-turn.json");

            LlmResponse response = call(replay, Cancellation.none());

            assertThat(response.text()).contains("disk_capacity");
            assertThat(replay.received()).hasSize(2);
            assertThat(replay.waits()).containsExactly(Duration.ofSeconds(7));
            assertThat(replay.usageRows()).singleElement().satisfies(row -> {
                assertThat(row).containsEntry("agent", "investigator").containsEntry("provider", "anthropic")
                        .containsEntry("model", "claude-sonnet-4-5-20250929").containsEntry("outcome", "ok")
                        .containsEntry("input_tokens", 2410L).containsEntry("output_tokens", 38L)
                        .containsEntry("cache_read_tokens", 1200L).containsEntry("investigation_id", "inv-1")
                        .containsEntry("cluster_id", "c-0001");
                // claude-sonnet-4: $3 in, $15 out, $0.30 cache read per million tokens
                assertThat((Double) row.get("cost_usd")).isCloseTo((2410 * 3 + 38 * 15 + 1200 * 0.3) / 1e6,
                        org.assertj.core.data.Offset.offset(1e-12));
            });
        }
    }

    @Test
    void overloaded529IsRetriedWithGrowingBackoff() {
        try (LlmTestWiring replay = LlmTestWiring.anthropic()) {
            replay.reply(529, "overloaded.json").reply(529, "overloaded.json").reply(200, "end-turn.json");

            call(replay, Cancellation.none());

            assertThat(replay.received()).hasSize(3);
            // initial backoff 100 ms, doubled, with jitter between half and all of it
            assertThat(replay.waits()).hasSize(2);
            assertThat(replay.waits().get(0)).isBetween(Duration.ofMillis(50), Duration.ofMillis(100));
            assertThat(replay.waits().get(1)).isBetween(Duration.ofMillis(100), Duration.ofMillis(200));
        }
    }

    @Test
    void anAuthErrorIsNotRetriedAndIsRecordedAsAFailedCall() {
        try (LlmTestWiring replay = LlmTestWiring.anthropic()) {
            replay.reply(401, "authentication-error.json");

            assertThatThrownBy(() -> call(replay, Cancellation.none()))
                    .isInstanceOfSatisfying(LlmException.class, e -> {
                        assertThat(e.kind()).isEqualTo(Kind.AUTH);
                        assertThat(e.getMessage()).contains("authentication_error").doesNotContain("test-key-not-secret");
                    });
            assertThat(replay.received()).hasSize(1);
            assertThat(replay.waits()).isEmpty();
            assertThat(replay.usageRows()).singleElement().satisfies(row ->
                    assertThat(row).containsEntry("outcome", "auth").containsEntry("input_tokens", 0L));
        }
    }

    @Test
    void aSpendLimitIsAQuotaErrorAndNotRetriedThoughItIsA429() {
        try (LlmTestWiring replay = LlmTestWiring.anthropic()) {
            replay.reply(429, "spend-limit.json");

            assertThatThrownBy(() -> call(replay, Cancellation.none()))
                    .isInstanceOfSatisfying(LlmException.class, e -> assertThat(e.kind()).isEqualTo(Kind.QUOTA));
            assertThat(replay.received()).hasSize(1);
        }
    }

    @Test
    void openAiInsufficientQuotaIsNotRetriedButItsRateLimitIs() {
        try (LlmTestWiring replay = LlmTestWiring.openai()) {
            replay.reply(Reply.json(429, replay.fixture("rate-limit.json")).withHeader("retry-after-ms", "120"))
                    .reply(429, "insufficient-quota.json");

            assertThatThrownBy(() -> call(replay, Cancellation.none()))
                    .isInstanceOfSatisfying(LlmException.class, e -> assertThat(e.kind()).isEqualTo(Kind.QUOTA));
            assertThat(replay.received()).hasSize(2);
            assertThat(replay.waits()).containsExactly(Duration.ofMillis(120));
        }
    }

    @Test
    void givesUpWhenTheRetriesAreUsedUp() {
        try (LlmTestWiring replay = LlmTestWiring.withRetries("openai", 2)) {
            replay.reply(Reply.json(500, "{\"error\":{\"message\":\"boom\",\"type\":\"server_error\"}}"))
                    .reply(Reply.json(502, "<html>bad gateway</html>"))
                    .reply(Reply.json(503, ""));

            assertThatThrownBy(() -> call(replay, Cancellation.none()))
                    .isInstanceOfSatisfying(LlmException.class, e -> {
                        assertThat(e.kind()).isEqualTo(Kind.SERVER_ERROR);
                        assertThat(e.status()).isEqualTo(503);
                    });
            assertThat(replay.received()).hasSize(3);
        }
    }

    @Test
    void aRetryAfterLongerThanTheLongestWaitIsNotWaitedFor() {
        try (LlmTestWiring replay = LlmTestWiring.anthropic()) {
            replay.reply(Reply.json(429, replay.fixture("rate-limit.json")).withHeader("retry-after", "3600"));

            assertThatThrownBy(() -> call(replay, Cancellation.none()))
                    .isInstanceOfSatisfying(LlmException.class, e -> assertThat(e.kind()).isEqualTo(Kind.RATE_LIMITED));
            assertThat(replay.received()).hasSize(1);
            assertThat(replay.waits()).isEmpty();
        }
    }

    @Test
    void aMalformedAnswerIsTypedNotThrownRaw() {
        try (LlmTestWiring replay = LlmTestWiring.openai()) {
            replay.reply(Reply.json(200, "{\"object\":\"chat.completion\",\"choices\":[]}"));

            assertThatThrownBy(() -> call(replay, Cancellation.none()))
                    .isInstanceOfSatisfying(LlmException.class, e -> assertThat(e.kind()).isEqualTo(Kind.MALFORMED_RESPONSE));
        }
    }

    @Test
    void cancellingMidStreamEndsTheCallAndRecordsIt() throws Exception {
        try (LlmTestWiring replay = LlmTestWiring.anthropic()) {
            String stream = replay.fixture("stream-text.sse");
            int cut = stream.indexOf("event: content_block_delta", stream.indexOf("Root cause")) ;
            CountDownLatch release = new CountDownLatch(1);
            replay.reply(new Reply(200, "text/event-stream", Map.of(),
                    List.of(stream.substring(0, cut), stream.substring(cut)), 1, release));
            Cancellation cancellation = new Cancellation();
            try {
                assertThatThrownBy(() -> replay.service().call(CONTEXT, ASK, delta -> cancellation.cancel(), cancellation))
                        .isInstanceOfSatisfying(LlmException.class, e -> assertThat(e.kind()).isEqualTo(Kind.CANCELLED));
            } finally {
                release.countDown();
            }
            assertThat(replay.received()).hasSize(1);
            assertThat(replay.usageRows()).singleElement().satisfies(row -> assertThat(row).containsEntry("outcome", "cancelled"));
        }
    }

    @Test
    void withoutAProviderNothingIsCalledAndTheStatusSaysWhy() {
        LlmService service = LlmTestWiring.unconfigured();

        assertThat(service.configured()).isFalse();
        assertThat(service.status().reason()).contains("BYOC_LLM_PROVIDER");
        assertThatThrownBy(() -> service.call(CONTEXT, ASK, null, Cancellation.none()))
                .isInstanceOfSatisfying(LlmException.class, e -> assertThat(e.kind()).isEqualTo(Kind.NOT_CONFIGURED));
        LlmProperties noKey = new LlmProperties("anthropic", null, null, "claude-sonnet-4-5", null, null, null, null, null, null);
        assertThat(noKey.notConfiguredReason()).contains("BYOC_LLM_API_KEY");
        LlmProperties localServer = new LlmProperties("openai", "http://localhost:11434/v1", null, "llama3.1", null, null,
                null, null, null, null);
        assertThat(localServer.notConfiguredReason()).isNull();
    }

    @Test
    void pricesMatchTheLongestModelPrefixAndConfiguredPricesWin() {
        PriceTable table = new PriceTable(Map.of("gpt-4o", new LlmProperties.Price(1, 2, null, null)));

        assertThat(table.cost("gpt-4o-mini-2024-07-18", new TokenUsage(1_000_000, 0, 0, 0))).isEqualTo(0.15);
        assertThat(table.cost("openai/gpt-4o-2024-08-06", new TokenUsage(1_000_000, 1_000_000, 1_000_000, 0))).isEqualTo(4.0);
        assertThat(table.cost("llama3.1:8b", new TokenUsage(10, 10, 0, 0))).isNull();
    }
}
