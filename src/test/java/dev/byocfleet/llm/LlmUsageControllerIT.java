package dev.byocfleet.llm;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import dev.byocfleet.support.AppTestBase;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * /api/llm-usage over rows in a window of its own (March 2024, which no other test writes), and the
 * provider status and check when no provider is configured (the test application has none).
 */
class LlmUsageControllerIT extends AppTestBase {

    private static final String WINDOW = "from=2024-03-01&to=2024-03-03";
    private static boolean seeded;

    @Autowired
    LlmUsageRepository usage;

    @BeforeEach
    void seed() {
        synchronized (LlmUsageControllerIT.class) {
            if (seeded) {
                return;
            }
            LocalDateTime day1 = LocalDateTime.of(2024, 3, 1, 10, 0);
            LocalDateTime day2 = LocalDateTime.of(2024, 3, 2, 9, 30);
            CallContext inv = new CallContext("investigator", "inv-1", null, null, "c-usage-1");
            row(day1, inv, "anthropic", "claude-sonnet-4-5", new TokenUsage(1000, 100, 0, 0), 0.0045, "ok");
            row(day1.plusMinutes(1), inv, "anthropic", "claude-sonnet-4-5", new TokenUsage(2000, 200, 500, 0), 0.00915, "ok");
            row(day2, new CallContext("patrol", null, "pat-1", null, null), "openai", "gpt-4.1",
                    new TokenUsage(4000, 300, 0, 0), 0.0104, "ok");
            row(day2.plusMinutes(5), new CallContext("chat", null, null, "chat-1", null), "openai", "llama3.1",
                    new TokenUsage(50, 0, 0, 0), null, "rate_limited");
            // outside the window
            row(LocalDateTime.of(2024, 3, 5, 0, 0), inv, "anthropic", "claude-sonnet-4-5", new TokenUsage(9, 9, 0, 0), 1.0, "ok");
            seeded = true;
        }
    }

    private void row(LocalDateTime at, CallContext context, String provider, String model, TokenUsage tokens, Double cost,
                     String outcome) {
        usage.insert(new UsageRow(UUID.randomUUID().toString(), at, context, provider, model, tokens, cost, 1200, outcome,
                outcome.equals("ok") ? null : "HTTP 429"));
    }

    private String get(String uri) {
        return client.get().uri(uri).exchange().expectStatus().isOk().returnResult(String.class).getResponseBody();
    }

    @Test
    void reportsTotalsBreakdownsDailyRowsAndTopConsumersOfTheWindow() {
        String body = get("/api/llm-usage?" + WINDOW);

        assertThat(JsonPath.<Integer>read(body, "$.totals.calls")).isEqualTo(4);
        assertThat(JsonPath.<Integer>read(body, "$.totals.errors")).isEqualTo(1);
        assertThat(JsonPath.<Integer>read(body, "$.totals.input_tokens")).isEqualTo(7050);
        assertThat(JsonPath.<Integer>read(body, "$.totals.cache_read_tokens")).isEqualTo(500);
        assertThat(JsonPath.<Double>read(body, "$.totals.cost_usd")).isCloseTo(0.02405, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(JsonPath.<Integer>read(body, "$.totals.unpriced_calls")).isEqualTo(1);
        assertThat(JsonPath.<List<String>>read(body, "$.by_agent[*].name")).containsExactly("investigator", "patrol", "chat");
        assertThat(JsonPath.<List<String>>read(body, "$.by_model[*].name"))
                .containsExactly("anthropic/claude-sonnet-4-5", "openai/gpt-4.1", "openai/llama3.1");
        assertThat(JsonPath.<List<String>>read(body, "$.by_cluster[*].name")).containsExactly("c-usage-1");
        assertThat(JsonPath.<List<String>>read(body, "$.daily[*].usage_date"))
                .containsExactly("2024-03-01", "2024-03-02", "2024-03-02");
        assertThat(JsonPath.<Integer>read(body, "$.daily[0].calls")).isEqualTo(2);
        assertThat(JsonPath.<List<String>>read(body, "$.top_consumers[*].kind")).containsExactly("investigation", "patrol", "chat");
        assertThat(JsonPath.<Integer>read(body, "$.top_consumers[0].total_tokens")).isEqualTo(3800);
        assertThat(JsonPath.<String>read(body, "$.top_consumers[0].cluster_id")).isEqualTo("c-usage-1");
        assertThat(JsonPath.<Boolean>read(body, "$.provider.configured")).isFalse();
    }

    @Test
    void filtersByAgentModelAndCluster() {
        assertThat(JsonPath.<Integer>read(get("/api/llm-usage?" + WINDOW + "&agent=patrol"), "$.totals.calls")).isEqualTo(1);
        assertThat(JsonPath.<Integer>read(get("/api/llm-usage?" + WINDOW + "&model=claude-sonnet-4-5"), "$.totals.calls"))
                .isEqualTo(2);
        assertThat(JsonPath.<Integer>read(get("/api/llm-usage?" + WINDOW + "&cluster_id=c-usage-1"), "$.totals.calls"))
                .isEqualTo(2);
        assertThat(JsonPath.<Integer>read(get("/api/llm-usage?" + WINDOW + "&agent=nobody"), "$.totals.calls")).isZero();
    }

    @Test
    void aWindowWithoutCallsHasZeroTotalsAndEmptyBreakdowns() {
        String body = get("/api/llm-usage?" + WINDOW + "&agent=nobody");
        assertThat(JsonPath.<Integer>read(body, "$.totals.calls")).isZero();
        assertThat(JsonPath.<Integer>read(body, "$.totals.input_tokens")).isZero();
        assertThat(JsonPath.<Object>read(body, "$.totals.cost_usd")).isNull();
        assertThat(JsonPath.<Object>read(body, "$.totals.avg_latency_ms")).isNull();
        for (String list : List.of("by_agent", "by_model", "by_cluster", "daily", "top_consumers")) {
            assertThat(JsonPath.<List<Object>>read(body, "$." + list)).as(list).isEmpty();
        }
        assertThat(JsonPath.<String>read(body, "$.from")).startsWith("2024-03-01");
    }

    @Test
    void aBadWindowIsA400NamingTheParameter() {
        for (Map.Entry<String, String> bad : Map.of(
                "from=yesterday", "from",
                "from=2024-03-05&to=2024-03-01", "from",
                "from=2022-01-01&to=2024-03-01", "from",
                "to=2024-13-40", "to",
                "agent=" + "a".repeat(200), "agent").entrySet()) {
            client.get().uri("/api/llm-usage?" + bad.getKey()).exchange()
                    .expectStatus().isBadRequest()
                    .expectBody().jsonPath("$.parameter").isEqualTo(bad.getValue());
        }
    }

    @Test
    void theStatusSaysNoProviderIsConfiguredAndWhatToSet() {
        String body = get("/api/llm/status");

        assertThat(JsonPath.<Boolean>read(body, "$.configured")).isFalse();
        assertThat(JsonPath.<String>read(body, "$.provider")).isEqualTo("none");
        assertThat(JsonPath.<String>read(body, "$.reason")).contains("BYOC_LLM_PROVIDER");
        assertThat(body).doesNotContain("api_key");
    }

    @Test
    void theConnectionCheckIsForAdminsAndReportsTheMissingProvider() {
        String viewer = accessToken(createUser("llm-viewer-" + UUID.randomUUID() + "@byoc.test", "viewer", "viewer password 1"));
        as(viewer).post().uri("/api/llm/check").exchange().expectStatus().isForbidden();
        as(viewer).get().uri("/api/llm-usage?" + WINDOW).exchange().expectStatus().isOk();
        anonymous.get().uri("/api/llm-usage").exchange().expectStatus().isUnauthorized();

        client.post().uri("/api/llm/check").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.ok").isEqualTo(false)
                .jsonPath("$.error").value(String.class, e -> assertThat(e).contains("BYOC_LLM_PROVIDER"));
    }
}
