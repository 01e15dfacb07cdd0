package dev.byocfleet.llm;

import dev.byocfleet.llm.LlmHttp.SseEvent;
import dev.byocfleet.llm.LlmMessage.AssistantTurn;
import dev.byocfleet.llm.LlmMessage.ToolResult;
import dev.byocfleet.llm.LlmMessage.ToolResults;
import dev.byocfleet.llm.LlmMessage.UserText;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Anthropic's Messages API ({@code POST /v1/messages}, {@code anthropic-version: 2023-06-01}):
 * content blocks of text, tool_use and tool_result; streamed as message_start, content_block_start,
 * content_block_delta (text_delta, input_json_delta), content_block_stop, message_delta (stop
 * reason and output usage), message_stop, with ping and error events.
 */
final class AnthropicClient implements ProviderClient {

    static final String VERSION = "2023-06-01";

    private final LlmHttp http;
    private final URI uri;
    private final String apiKey;
    private final String model;
    private final int defaultMaxTokens;

    AnthropicClient(LlmHttp http, String baseUrl, String apiKey, String model, int defaultMaxTokens) {
        this.http = http;
        this.uri = URI.create(baseUrl.endsWith("/v1") ? baseUrl + "/messages" : baseUrl + "/v1/messages");
        this.apiKey = apiKey;
        this.model = model;
        this.defaultMaxTokens = defaultMaxTokens;
    }

    @Override
    public String provider() {
        return "anthropic";
    }

    @Override
    public String model() {
        return model;
    }

    @Override
    public LlmResponse send(LlmRequest request, @Nullable StreamListener listener, Cancellation cancellation) {
        String body = body(request, listener != null).toString();
        Map<String, String> headers = Map.of("x-api-key", apiKey, "anthropic-version", VERSION);
        if (listener == null) {
            return parse(http.post(uri, headers, body, cancellation));
        }
        StreamState state = new StreamState(listener);
        http.stream(uri, headers, body, cancellation, state::accept);
        return state.response();
    }

    ObjectNode body(LlmRequest request, boolean stream) {
        ObjectNode body = http.json().createObjectNode();
        body.put("model", model);
        body.put("max_tokens", request.maxTokens() > 0 ? request.maxTokens() : defaultMaxTokens);
        if (!request.system().isEmpty()) {
            body.put("system", request.system());
        }
        ArrayNode messages = body.putArray("messages");
        for (LlmMessage m : request.messages()) {
            switch (m) {
                case UserText u -> userContent(messages).addObject().put("type", "text").put("text", u.text());
                case AssistantTurn a -> {
                    ObjectNode msg = messages.addObject().put("role", "assistant");
                    ArrayNode content = msg.putArray("content");
                    if (!a.text().isEmpty()) {
                        content.addObject().put("type", "text").put("text", a.text());
                    }
                    for (ToolCall call : a.toolCalls()) {
                        content.addObject().put("type", "tool_use").put("id", call.id()).put("name", call.name())
                                .set("input", JsonArguments.objectOrEmpty(http.json(), call.arguments()));
                    }
                }
                case ToolResults r -> {
                    ArrayNode content = userContent(messages);
                    for (ToolResult result : r.results()) {
                        content.addObject().put("type", "tool_result").put("tool_use_id", result.toolCallId())
                                .put("content", result.content()).put("is_error", result.isError());
                    }
                }
            }
        }
        if (!request.tools().isEmpty()) {
            ArrayNode tools = body.putArray("tools");
            for (ToolSpec tool : request.tools()) {
                tools.addObject().put("name", tool.name()).put("description", tool.description())
                        .set("input_schema", http.json().valueToTree(tool.inputSchema()));
            }
        }
        if (request.toolsRefused() && !request.tools().isEmpty()) {
            body.putObject("tool_choice").put("type", "none");
        }
        if (stream) {
            body.put("stream", true);
        }
        return body;
    }

    /** The content of the last message when it is the user's, else of a new user message: turns must alternate. */
    private static ArrayNode userContent(ArrayNode messages) {
        if (!messages.isEmpty() && messages.get(messages.size() - 1).path("role").asString("").equals("user")) {
            return (ArrayNode) messages.get(messages.size() - 1).get("content");
        }
        return messages.addObject().put("role", "user").putArray("content");
    }

    private LlmResponse parse(JsonNode answer) {
        if (!answer.path("content").isArray()) {
            throw new LlmException(LlmException.Kind.MALFORMED_RESPONSE, null, null, "The answer has no content array");
        }
        StringBuilder text = new StringBuilder();
        List<ToolCall> calls = new ArrayList<>();
        for (JsonNode block : answer.path("content")) {
            switch (block.path("type").asString("")) {
                case "text" -> text.append(block.path("text").asString(""));
                case "tool_use" -> calls.add(new ToolCall(block.path("id").asString(""), block.path("name").asString(""),
                        block.path("input").isMissingNode() ? "{}" : block.path("input").toString()));
                default -> { }
            }
        }
        return new LlmResponse(text.toString(), calls, answer.path("stop_reason").asString(""),
                usage(answer.path("usage"), TokenUsage.NONE), answer.path("model").asString(model));
    }

    /** Fields present in {@code node} replace those of {@code base} (message_delta repeats only some). */
    private static TokenUsage usage(JsonNode node, TokenUsage base) {
        return new TokenUsage(
                node.path("input_tokens").asLong(base.input()),
                node.path("output_tokens").asLong(base.output()),
                node.path("cache_read_input_tokens").asLong(base.cacheRead()),
                node.path("cache_creation_input_tokens").asLong(base.cacheWrite()));
    }

    private final class StreamState {
        private final StreamListener listener;
        private final StringBuilder text = new StringBuilder();
        private final ToolCallAssembler tools = new ToolCallAssembler();
        private TokenUsage usage = TokenUsage.NONE;
        private String stopReason = "";
        private String answeredBy = model;
        private boolean stopped;

        StreamState(StreamListener listener) {
            this.listener = listener;
        }

        void accept(SseEvent event) {
            JsonNode data = JsonArguments.parse(http.json(), event.data());
            if (data == null) {
                throw new LlmException(LlmException.Kind.MALFORMED_RESPONSE, null, null, "A streamed event is not JSON");
            }
            String type = data.path("type").asString(event.event());
            switch (type) {
                case "message_start" -> {
                    usage = usage(data.path("message").path("usage"), usage);
                    answeredBy = data.path("message").path("model").asString(model);
                }
                case "content_block_start" -> {
                    JsonNode block = data.path("content_block");
                    if (block.path("type").asString("").equals("tool_use")) {
                        int index = data.path("index").asInt();
                        String id = block.path("id").asString("");
                        String name = block.path("name").asString("");
                        tools.start(index, id, name);
                        listener.toolCallStarted(id, name);
                    }
                }
                case "content_block_delta" -> {
                    JsonNode delta = data.path("delta");
                    switch (delta.path("type").asString("")) {
                        case "text_delta" -> {
                            String piece = delta.path("text").asString("");
                            text.append(piece);
                            listener.text(piece);
                        }
                        case "input_json_delta" -> tools.appendArguments(data.path("index").asInt(),
                                delta.path("partial_json").asString(""));
                        default -> { }
                    }
                }
                case "message_delta" -> {
                    stopReason = data.path("delta").path("stop_reason").asString(stopReason);
                    usage = usage(data.path("usage"), usage);
                }
                case "message_stop" -> stopped = true;
                case "error" -> throw http.streamError(data);
                default -> { }
            }
        }

        LlmResponse response() {
            if (!stopped) {
                throw new LlmException(LlmException.Kind.TRANSPORT, null, null, "The stream ended before message_stop");
            }
            return new LlmResponse(text.toString(), tools.calls(), stopReason, usage, answeredBy);
        }
    }
}
