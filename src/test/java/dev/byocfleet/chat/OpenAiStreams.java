package dev.byocfleet.chat;

import dev.byocfleet.support.LocalHttpServer.Reply;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import tools.jackson.databind.json.JsonMapper;

/**
 * Streamed Chat Completions answers in the recorded shape of {@code llm/openai/stream-*.sse}
 * (chunks, a usage chunk, {@code [DONE]}), built for the chat's scenarios.
 */
final class OpenAiStreams {

    record Call(String id, String name, String arguments) {}

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private OpenAiStreams() {
    }

    /** The model asks for these tools, each call's arguments in two pieces. */
    static Reply toolCalls(Call... calls) {
        List<String> events = new ArrayList<>();
        for (int i = 0; i < calls.length; i++) {
            Call c = calls[i];
            events.add(chunk(Map.of("tool_calls", List.of(Map.of("index", i, "id", c.id(), "type", "function",
                    "function", Map.of("name", c.name(), "arguments", "")))), null));
            int half = c.arguments().length() / 2;
            for (String piece : List.of(c.arguments().substring(0, half), c.arguments().substring(half))) {
                events.add(chunk(Map.of("tool_calls", List.of(Map.of("index", i, "function", Map.of("arguments", piece)))), null));
            }
        }
        events.add(chunk(Map.of(), "tool_calls"));
        events.add(usage(1200, 40));
        events.add("data: [DONE]\n\n");
        return new Reply(200, "text/event-stream", Map.of(), List.of(String.join("", events)), -1, null);
    }

    /** The model answers this text, one chunk per piece. */
    static Reply text(String... pieces) {
        return new Reply(200, "text/event-stream", Map.of(), List.of(String.join("", textEvents(pieces))), -1, null);
    }

    /** Sends the first piece, then waits for {@code release} (or the client leaving) before the rest. */
    static Reply stalledText(CountDownLatch release, String first, String... rest) {
        List<String> tail = textEvents(rest);
        return new Reply(200, "text/event-stream", Map.of(),
                List.of(chunk(Map.of("role", "assistant", "content", first), null), String.join("", tail)), 1, release);
    }

    private static List<String> textEvents(String... pieces) {
        List<String> events = new ArrayList<>();
        for (String piece : pieces) {
            events.add(chunk(Map.of("content", piece), null));
        }
        events.add(chunk(Map.of(), "stop"));
        events.add(usage(1500, 20));
        events.add("data: [DONE]\n\n");
        return events;
    }

    private static String chunk(Map<String, Object> delta, String finishReason) {
        Map<String, Object> choice = new java.util.LinkedHashMap<>();
        choice.put("index", 0);
        choice.put("delta", delta);
        choice.put("finish_reason", finishReason);
        return "data: " + JSON.writeValueAsString(Map.of("id", "chatcmpl-chat", "object", "chat.completion.chunk",
                "model", "gpt-4.1-2025-04-14", "choices", List.of(choice))) + "\n\n";
    }

    private static String usage(int prompt, int completion) {
        return "data: " + JSON.writeValueAsString(Map.of("id", "chatcmpl-chat", "object", "chat.completion.chunk",
                "model", "gpt-4.1-2025-04-14", "choices", List.of(),
                "usage", Map.of("prompt_tokens", prompt, "completion_tokens", completion, "total_tokens", prompt + completion))) + "\n\n";
    }
}
