package dev.byocfleet.llm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.byocfleet.llm.LlmMessage.AssistantTurn;
import dev.byocfleet.llm.LlmMessage.ToolResult;
import dev.byocfleet.llm.LlmMessage.ToolResults;
import dev.byocfleet.llm.LlmMessage.UserText;
import dev.byocfleet.support.LocalHttpServer.Reply;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The OpenAI-compatible Chat Completions client against recorded answers of the API. */
class OpenAiClientTest {

    private final LlmTestWiring replay = LlmTestWiring.openai();

    @AfterEach
    void close() {
        replay.close();
    }

    private LlmResponse call(LlmRequest request, StreamListener listener) {
        return replay.service().call(CallContext.of("chat"), request, listener, Cancellation.none());
    }

    @Test
    void readsParallelToolCallsAndCountsCachedPromptTokensOnce() {
        replay.reply(200, "tool-calls.json");

        LlmResponse response = call(new LlmRequest("System rules.", List.of(new UserText("Why?")),
                List.of(AnthropicClientTest.METRICS), 0), null);

        assertThat(response.toolCalls()).extracting(ToolCall::id).containsExactly("call_aB1", "call_cD2");
        assertThat(response.toolCalls().getFirst().arguments()).isEqualTo("{\"cluster_id\":\"c-0001\",\"hours\":24}");
        assertThat(response.text()).isEmpty();
        assertThat(response.stopReason()).isEqualTo("tool_calls");
        assertThat(response.usage()).isEqualTo(new TokenUsage(806, 61, 1024, 0));

        var received = replay.received().getFirst();
        assertThat(received.path()).isEqualTo("/v1/chat/completions");
        assertThat(received.header("authorization")).isEqualTo("Bearer test-key-not-secret");
        JsonNode body = replay.requests().getFirst();
        assertThat(body.path("max_tokens").asInt()).isEqualTo(1024);
        assertThat(body.path("messages").get(0).path("role").asString()).isEqualTo("system");
        assertThat(body.path("tools").get(0).path("type").asString()).isEqualTo("function");
        assertThat(body.path("tools").get(0).path("function").path("parameters").path("type").asString()).isEqualTo("object");
    }

    @Test
    void streamsToolCallFragmentsByIndexAndTakesUsageFromTheLastChunk() {
        replay.reply(Reply.eventStream(replay.fixture("stream-tool-calls.sse")));
        List<String> started = new ArrayList<>();

        LlmResponse response = call(new LlmRequest("", List.of(new UserText("Why?")), List.of(AnthropicClientTest.METRICS), 0),
                new StreamListener() {
                    @Override
                    public void text(String delta) {
                    }

                    @Override
                    public void toolCallStarted(String id, String name) {
                        started.add(id + ":" + name);
                    }
                });

        assertThat(started).containsExactly("call_s1:cluster_metrics", "call_s2:fleet_overview");
        assertThat(response.toolCalls()).extracting(ToolCall::arguments)
                .containsExactly("{\"cluster_id\": \"c-0001\"}", "{}");
        assertThat(response.stopReason()).isEqualTo("tool_calls");
        assertThat(response.usage()).isEqualTo(new TokenUsage(988, 45, 512, 0));
        JsonNode body = replay.requests().getFirst();
        assertThat(body.path("stream").asBoolean()).isTrue();
        assertThat(body.path("stream_options").path("include_usage").asBoolean()).isTrue();
    }

    @Test
    void openAisOwnApiGetsMaxCompletionTokens() {
        OpenAiClient openAi = new OpenAiClient(new LlmHttp(LlmTestWiring.JSON, java.time.Duration.ofSeconds(5)),
                "https://api.openai.com/v1", "k", "gpt-5", 2048);

        JsonNode body = openAi.body(new LlmRequest("", List.of(new UserText("Why?")), List.of(), 0), false);

        assertThat(body.path("max_completion_tokens").asInt()).isEqualTo(2048);
        assertThat(body.has("max_tokens")).isFalse();
    }

    @Test
    void streamsTextDeltas() {
        replay.reply(Reply.eventStream(replay.fixture("stream-text.sse")));
        List<String> deltas = new ArrayList<>();

        LlmResponse response = call(new LlmRequest("", List.of(new UserText("Why?")), List.of(), 0), deltas::add);

        assertThat(deltas).containsExactly("Root cause: ", "disk_capacity.");
        assertThat(response.text()).isEqualTo("Root cause: disk_capacity.");
        assertThat(response.usage().input()).isEqualTo(1600);
    }

    @Test
    void replaysToolTurnsAsToolMessagesWithMalformedArgumentsReplacedByAnEmptyObject() {
        replay.reply(200, "stop.json");
        List<LlmMessage> conversation = List.of(new UserText("Why?"),
                new AssistantTurn("", List.of(new ToolCall("call_bad", "cluster_metrics", "{\"cluster_id\": \"c-0001\", hours: 24"))),
                new ToolResults(List.of(new ToolResult("call_bad", "The arguments are not a JSON object", true))));

        LlmResponse response = call(new LlmRequest("", conversation, List.of(AnthropicClientTest.METRICS), 0, true), null);

        assertThat(response.text()).isEqualTo("Disk usage reached 93% (call-1): disk_capacity.");
        JsonNode messages = replay.requests().getFirst().path("messages");
        JsonNode assistant = messages.get(1);
        assertThat(assistant.path("content").isNull()).isTrue();
        assertThat(assistant.path("tool_calls").get(0).path("function").path("arguments").asString()).isEqualTo("{}");
        JsonNode tool = messages.get(2);
        assertThat(tool.path("role").asString()).isEqualTo("tool");
        assertThat(tool.path("tool_call_id").asString()).isEqualTo("call_bad");
        assertThat(tool.path("content").asString()).startsWith("ERROR: ");
        assertThat(replay.requests().getFirst().path("tool_choice").asString()).isEqualTo("none");
    }
}
