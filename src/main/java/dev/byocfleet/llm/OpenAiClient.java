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
 * OpenAI-compatible Chat Completions ({@code POST <base>/chat/completions}; OpenAI, vLLM, Ollama,
 * LiteLLM, DeepSeek): messages with tool_calls and role tool; streamed as chat.completion.chunk
 * deltas whose tool_calls arrive in fragments by index, with a last usage-only chunk
 * ({@code stream_options.include_usage}) and {@code data: [DONE]}.
 */
final class OpenAiClient implements ProviderClient {

    private final LlmHttp http;
    private final URI uri;
    private final @Nullable String apiKey;
    private final String model;
    private final int defaultMaxTokens;
    private final String maxTokensField;

    OpenAiClient(LlmHttp http, String baseUrl, @Nullable String apiKey, String model, int defaultMaxTokens) {
        this.http = http;
        this.uri = URI.create(baseUrl + "/chat/completions");
        // OpenAI's own API replaced max_tokens (refused by its reasoning models); compatible servers
        // (vLLM, Ollama, LiteLLM, DeepSeek) take the original name.
        this.maxTokensField = "api.openai.com".equals(uri.getHost()) ? "max_completion_tokens" : "max_tokens";
        this.apiKey = apiKey;
        this.model = model;
        this.defaultMaxTokens = defaultMaxTokens;
    }

    @Override
    public String provider() {
        return "openai";
    }

    @Override
    public String model() {
        return model;
    }

    @Override
    public LlmResponse send(LlmRequest request, @Nullable StreamListener listener, Cancellation cancellation) {
        String body = body(request, listener != null).toString();
        Map<String, String> headers = apiKey == null ? Map.of() : Map.of("Authorization", "Bearer " + apiKey);
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
        body.put(maxTokensField, request.maxTokens() > 0 ? request.maxTokens() : defaultMaxTokens);
        ArrayNode messages = body.putArray("messages");
        if (!request.system().isEmpty()) {
            messages.addObject().put("role", "system").put("content", request.system());
        }
        for (LlmMessage m : request.messages()) {
            switch (m) {
                case UserText u -> messages.addObject().put("role", "user").put("content", u.text());
                case AssistantTurn a -> {
                    ObjectNode msg = messages.addObject().put("role", "assistant");
                    if (a.text().isEmpty()) {
                        msg.putNull("content");
                    } else {
                        msg.put("content", a.text());
                    }
                    if (!a.toolCalls().isEmpty()) {
                        ArrayNode calls = msg.putArray("tool_calls");
                        for (ToolCall call : a.toolCalls()) {
                            calls.addObject().put("id", call.id()).put("type", "function").putObject("function")
                                    .put("name", call.name())
                                    .put("arguments", JsonArguments.objectOrEmpty(http.json(), call.arguments()).toString());
                        }
                    }
                }
                case ToolResults r -> {
                    for (ToolResult result : r.results()) {
                        messages.addObject().put("role", "tool").put("tool_call_id", result.toolCallId())
                                .put("content", result.isError() ? "ERROR: " + result.content() : result.content());
                    }
                }
            }
        }
        if (!request.tools().isEmpty()) {
            ArrayNode tools = body.putArray("tools");
            for (ToolSpec tool : request.tools()) {
                tools.addObject().put("type", "function").putObject("function")
                        .put("name", tool.name()).put("description", tool.description())
                        .set("parameters", http.json().valueToTree(tool.inputSchema()));
            }
        }
        if (request.toolsRefused() && !request.tools().isEmpty()) {
            body.put("tool_choice", "none");
        }
        if (stream) {
            body.put("stream", true);
            body.putObject("stream_options").put("include_usage", true);
        }
        return body;
    }

    private LlmResponse parse(JsonNode answer) {
        JsonNode choice = answer.path("choices").path(0);
        if (choice.isMissingNode()) {
            throw new LlmException(LlmException.Kind.MALFORMED_RESPONSE, null, null, "The answer has no choices");
        }
        JsonNode message = choice.path("message");
        List<ToolCall> calls = new ArrayList<>();
        int i = 0;
        for (JsonNode call : message.path("tool_calls")) {
            JsonNode fn = call.path("function");
            calls.add(new ToolCall(call.path("id").asString("call_" + i), fn.path("name").asString(""),
                    arguments(fn.path("arguments"))));
            i++;
        }
        return new LlmResponse(message.path("content").asString(""), calls, choice.path("finish_reason").asString(""),
                usage(answer.path("usage")), answer.path("model").asString(model));
    }

    /** Arguments are a JSON string on the wire; some servers send an object instead. */
    private static String arguments(JsonNode node) {
        if (node.isString()) {
            return node.asString();
        }
        return node.isMissingNode() || node.isNull() ? "{}" : node.toString();
    }

    /**
     * prompt_tokens include cached input (OpenAI's prompt_tokens_details.cached_tokens, DeepSeek's
     * prompt_cache_hit_tokens); the cached part is counted as a cache read only.
     */
    static TokenUsage usage(JsonNode usage) {
        if (usage.isMissingNode() || usage.isNull()) {
            return TokenUsage.NONE;
        }
        long prompt = usage.path("prompt_tokens").asLong(0);
        long cached = usage.path("prompt_tokens_details").path("cached_tokens").asLong(
                usage.path("prompt_cache_hit_tokens").asLong(0));
        cached = Math.min(Math.max(cached, 0), prompt);
        return new TokenUsage(prompt - cached, usage.path("completion_tokens").asLong(0), cached, 0);
    }

    private final class StreamState {
        private final StreamListener listener;
        private final StringBuilder text = new StringBuilder();
        private final ToolCallAssembler tools = new ToolCallAssembler();
        private TokenUsage usage = TokenUsage.NONE;
        private String finishReason = "";
        private String answeredBy = model;
        private boolean done;
        private boolean anyChunk;

        StreamState(StreamListener listener) {
            this.listener = listener;
        }

        void accept(SseEvent event) {
            if (event.data().strip().equals("[DONE]")) {
                done = true;
                return;
            }
            JsonNode chunk = JsonArguments.parse(http.json(), event.data());
            if (chunk == null) {
                throw new LlmException(LlmException.Kind.MALFORMED_RESPONSE, null, null, "A streamed chunk is not JSON");
            }
            if (chunk.has("error")) {
                throw http.streamError(chunk);
            }
            anyChunk = true;
            answeredBy = chunk.path("model").asString(answeredBy);
            if (chunk.path("usage").isObject()) {
                usage = usage(chunk.path("usage"));
            }
            for (JsonNode choice : chunk.path("choices")) {
                JsonNode delta = choice.path("delta");
                String piece = delta.path("content").asString("");
                if (!piece.isEmpty()) {
                    text.append(piece);
                    listener.text(piece);
                }
                for (JsonNode call : delta.path("tool_calls")) {
                    int index = call.path("index").asInt(0);
                    JsonNode fn = call.path("function");
                    String id = call.path("id").asString("");
                    String name = fn.path("name").asString("");
                    if (tools.start(index, id, name)) {
                        listener.toolCallStarted(id, name);
                    }
                    tools.appendArguments(index, fn.path("arguments").asString(""));
                }
                String reason = choice.path("finish_reason").asString("");
                if (!reason.isEmpty()) {
                    finishReason = reason;
                }
            }
        }

        LlmResponse response() {
            // Some servers end without [DONE]; a stream with no chunk at all is broken.
            if (!done && !anyChunk) {
                throw new LlmException(LlmException.Kind.TRANSPORT, null, null, "The stream ended without a chunk");
            }
            return new LlmResponse(text.toString(), tools.calls(), finishReason, usage, answeredBy);
        }
    }
}
