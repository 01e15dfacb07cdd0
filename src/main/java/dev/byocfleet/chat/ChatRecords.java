package dev.byocfleet.chat;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The records of the chat API, in and out (snake_case on the wire). */
public final class ChatRecords {

    private ChatRecords() {
    }

    /** {@code POST /api/chat}: a new session when {@code sessionId} is absent. */
    public record ChatRequest(@Nullable String sessionId, @Nullable String message) {}

    /** {@code PATCH /api/chat/sessions/{id}}. */
    public record RenameRequest(@Nullable String title) {}

    public record ChatSession(String sessionId, String title, LocalDateTime createdAt, LocalDateTime updatedAt,
                              int messages) {}

    /** One stored message; {@code toolCalls} only on assistant messages. */
    public record ChatMessage(String messageId, int seq, String role, String content, List<ToolCallView> toolCalls,
                              @Nullable Integer tokens, LocalDateTime createdAt) {}

    public record SessionDetail(ChatSession session, List<ChatMessage> messages) {}

    /** A tool call as the page shows it: arguments as given, output as the model saw it (capped). */
    public record ToolCallView(String id, String tool, String arguments, String output, boolean error,
                               boolean truncated, long durationMs) {}

    /** {@code GET /api/chat/status}: whether the agent can answer, and what works without it. */
    public record ChatStatus(boolean llmConfigured, @Nullable String reason, @Nullable String model,
                             List<DirectTool> directTools, List<String> suggestions) {}

    /** A read-only product tool a viewer may call directly. */
    public record DirectTool(String name, String description, Map<String, Object> inputSchema) {}

    /** What a direct tool call answered. */
    public record DirectToolResult(String tool, String output, boolean error, boolean truncated) {}

    /** {@code POST/PUT /api/chat/mcp-servers}: {@code headers} values may hold a token. */
    public record McpServerRequest(@Nullable String name, @Nullable String url, @Nullable Map<String, String> headers,
                                   @Nullable Boolean writable) {}

    /**
     * An external MCP server as the API shows it: the URL redacted (scheme, host, port, path; query
     * values masked), header names only, never their values. {@code secretState} is none, stored or
     * unreadable (then {@code url} may be null and {@code problem} says why: save it again).
     */
    public record McpServerView(String name, @Nullable String url, List<String> headerNames, boolean writable,
                                String secretState, @Nullable String problem, LocalDateTime createdAt,
                                LocalDateTime updatedAt) {}

    /** An external MCP server's tools as seen now (or why it could not be reached). */
    public record McpServerTools(String name, boolean reachable, @Nullable String error, List<String> tools) {}
}
