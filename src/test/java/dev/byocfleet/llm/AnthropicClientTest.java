package dev.byocfleet.llm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.byocfleet.llm.LlmMessage.AssistantTurn;
import dev.byocfleet.llm.LlmMessage.ToolResult;
import dev.byocfleet.llm.LlmMessage.ToolResults;
import dev.byocfleet.llm.LlmMessage.UserText;
import dev.byocfleet.support.LocalHttpServer.Reply;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The Anthropic Messages client against recorded answers of the API. */
class AnthropicClientTest {

    static final ToolSpec METRICS = new ToolSpec("cluster_metrics", "Hourly metrics of one cluster",
            Map.of("type", "object", "properties", Map.of("cluster_id", Map.of("type", "string")),
                    "required", List.of("cluster_id")));

    private final LlmTestWiring replay = LlmTestWiring.anthropic();

    @AfterEach
    void close() {
        replay.close();
    }

    private LlmResponse call(LlmRequest request, StreamListener listener) {
        return replay.service().call(CallContext.of("investigator"), request, listener, Cancellation.none());
    }

    @Test
    void sendsTheMessagesRequestAndReadsToolUseBlocksAndUsage() {
        replay.reply(200, "tool-use.json");

        LlmResponse response = call(new LlmRequest("You investigate.", List.of(new UserText("Why is c-0001 alerting?")),
                List.of(METRICS), 0), null);

        assertThat(response.text()).isEqualTo("I'll look at the cluster's disk usage first.");
        assertThat(response.toolCalls()).extracting(ToolCall::id, ToolCall::name)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("toolu_01A09q90qw90lq917835lq9", "cluster_metrics"),
                        org.assertj.core.groups.Tuple.tuple("toolu_01B19q90qw90lq917835lq0", "fleet_overview"));
        assertThat(LlmTestWiring.JSON.readTree(response.toolCalls().getFirst().arguments()).path("hours").asInt()).isEqualTo(24);
        assertThat(response.stopReason()).isEqualTo("tool_use");
        assertThat(response.usage()).isEqualTo(new TokenUsage(2095, 112, 0, 1200));

        var received = replay.received().getFirst();
        assertThat(received.path()).isEqualTo("/v1/messages");
        assertThat(received.header("x-api-key")).isEqualTo("test-key-not-secret");
        assertThat(received.header("anthropic-version")).isEqualTo("2023-06-01");
        JsonNode body = replay.requests().getFirst();
        assertThat(body.path("model").asString()).isEqualTo("claude-sonnet-4-5");
        assertThat(body.path("max_tokens").asInt()).isEqualTo(1024);
        assertThat(body.path("system").asString()).isEqualTo("You investigate.");
        assertThat(body.path("tools").get(0).path("input_schema").path("required").get(0).asString()).isEqualTo("cluster_id");
        assertThat(body.has("stream")).isFalse();
    }

    @Test
    void streamsTextDeltasAndAssemblesToolInputFromJsonFragments() {
        replay.reply(Reply.eventStream(replay.fixture("stream-tool-use.sse")));
        List<String> deltas = new ArrayList<>();
        List<String> started = new ArrayList<>();

        LlmResponse response = call(new LlmRequest("", List.of(new UserText("Disk?")), List.of(METRICS), 0),
                new StreamListener() {
                    @Override
                    public void text(String delta) {
                        deltas.add(delta);
                    }

                    @Override
                    public void toolCallStarted(String id, String name) {
                        started.add(name);
                    }
                });

        assertThat(deltas).containsExactly("Checking", " the disk.");
        assertThat(started).containsExactly("cluster_metrics");
        assertThat(response.text()).isEqualTo("Checking the disk.");
        assertThat(response.toolCalls()).singleElement().satisfies(c -> {
            assertThat(c.id()).isEqualTo("toolu_01T1x1fJ34qAmk2tNTrN7Up6");
            assertThat(LlmTestWiring.JSON.readTree(c.arguments()).path("hours").asInt()).isEqualTo(48);
        });
        assertThat(response.stopReason()).isEqualTo("tool_use");
        assertThat(response.usage()).isEqualTo(new TokenUsage(472, 89, 300, 0));
        assertThat(replay.requests().getFirst().path("stream").asBoolean()).isTrue();
    }

    @Test
    void replaysToolTurnsAsContentBlocksInAlternatingRoles() {
        replay.reply(200, "end-turn.json");
        List<LlmMessage> conversation = List.of(
                new UserText("Why?"),
                new AssistantTurn("Looking.", List.of(new ToolCall("toolu_1", "cluster_metrics", "{\"cluster_id\":\"c-0001\"}"),
                        new ToolCall("toolu_2", "cluster_metrics", "{not json"))),
                new ToolResults(List.of(new ToolResult("toolu_1", "disk 93%", false),
                        new ToolResult("toolu_2", "arguments are not JSON", true))),
                new UserText("Answer now."));

        call(new LlmRequest("", conversation, List.of(METRICS), 0, true), null);

        JsonNode messages = replay.requests().getFirst().path("messages");
        assertThat(messages).hasSize(3);
        JsonNode assistant = messages.get(1);
        assertThat(assistant.path("content").get(1).path("input").path("cluster_id").asString()).isEqualTo("c-0001");
        assertThat(assistant.path("content").get(2).path("input").isObject()).isTrue();
        JsonNode user = messages.get(2);
        assertThat(user.path("role").asString()).isEqualTo("user");
        assertThat(user.path("content").get(0).path("type").asString()).isEqualTo("tool_result");
        assertThat(user.path("content").get(1).path("is_error").asBoolean()).isTrue();
        assertThat(user.path("content").get(2).path("text").asString()).isEqualTo("Answer now.");
        assertThat(replay.requests().getFirst().path("tool_choice").path("type").asString()).isEqualTo("none");
    }

    @Test
    void anOverloadedErrorEventBeforeAnyTextIsRetried() {
        replay.reply(Reply.eventStream(replay.fixture("stream-overloaded.sse")))
                .reply(Reply.eventStream(replay.fixture("stream-text.sse")));
        List<String> deltas = new ArrayList<>();

        LlmResponse response = call(new LlmRequest("", List.of(new UserText("Why?")), List.of(), 0), deltas::add);

        assertThat(response.text()).isEqualTo("Root cause: disk_capacity (call-1).");
        assertThat(deltas).containsExactly("Root cause: ", "disk_capacity (call-1).");
        assertThat(replay.received()).hasSize(2);
        assertThat(replay.waits()).hasSize(1);
        assertThat(replay.usageRows()).singleElement().satisfies(row -> {
            assertThat(row.get("outcome")).isEqualTo("ok");
            assertThat(row.get("output_tokens")).isEqualTo(15L);
        });
    }
}
