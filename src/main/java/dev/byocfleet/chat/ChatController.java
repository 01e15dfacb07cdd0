package dev.byocfleet.chat;

import dev.byocfleet.chat.ChatRecords.ChatRequest;
import dev.byocfleet.chat.ChatRecords.ChatSession;
import dev.byocfleet.chat.ChatRecords.ChatStatus;
import dev.byocfleet.chat.ChatRecords.DirectToolResult;
import dev.byocfleet.chat.ChatRecords.RenameRequest;
import dev.byocfleet.chat.ChatRecords.SessionDetail;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

@RestController
@Tag(name = "chat", description = "The chat agent (BYOCAgent): streamed turns with MCP tools, sessions, direct tools")
class ChatController {

    private final ChatService chat;
    private final ChatTools tools;

    ChatController(ChatService chat, ChatTools tools) {
        this.chat = chat;
        this.tools = tools;
    }

    @PostMapping(path = "/api/chat", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(summary = "Ask the agent; answers a Server-Sent Events stream",
            description = "Events: session {session_id}, text {delta}, tool_started {id, tool, arguments}, "
                    + "tool_finished {id, tool, error, truncated, duration_ms, preview}, notice {message}, "
                    + "error {message}, usage {input_tokens, output_tokens, ..., steps, tool_calls}, done {outcome, answer}. "
                    + "Without session_id a new session starts. 409 when no LLM is configured (use the direct tools); "
                    + "409 while another turn of the session runs.")
    SseEmitter ask(@RequestBody(required = false) ChatRequest request) {
        return chat.chat(request);
    }

    @GetMapping("/api/chat/status")
    @Operation(summary = "Whether the agent can answer, the direct tools and suggested questions")
    ChatStatus status() {
        return chat.status();
    }

    @GetMapping("/api/chat/sessions")
    @Operation(summary = "The signed-in user's sessions, most recent first")
    List<ChatSession> sessions() {
        return chat.sessions();
    }

    @GetMapping("/api/chat/sessions/{id}")
    @Operation(summary = "One session with its messages and their tool calls")
    SessionDetail session(@PathVariable String id) {
        return chat.session(id);
    }

    @PatchMapping("/api/chat/sessions/{id}")
    @Operation(summary = "Rename a session")
    ChatSession rename(@PathVariable String id, @RequestBody(required = false) RenameRequest request) {
        return chat.rename(id, request);
    }

    @DeleteMapping("/api/chat/sessions/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete a session and its messages (a running turn is stopped)")
    void delete(@PathVariable String id) {
        chat.delete(id);
    }

    @PostMapping("/api/chat/sessions/{id}/cancel")
    @Operation(summary = "Stop the session's running turn", description = "The model call in flight is aborted.")
    Map<String, Boolean> cancel(@PathVariable String id) {
        return Map.of("cancelled", chat.cancel(id));
    }

    @PostMapping("/api/chat/tools/{name}")
    @Operation(summary = "Call one read-only product tool directly (viewers and up)",
            description = "The chat page's fallback without a model: knowledge_search, sql_query (guarded), "
                    + "cluster_profile and the other tools of GET /api/chat/status. The body is the tool's arguments.")
    DirectToolResult callTool(@PathVariable String name, @RequestBody(required = false) Map<String, Object> arguments) {
        return tools.call(name, arguments == null ? Map.of() : arguments);
    }
}
