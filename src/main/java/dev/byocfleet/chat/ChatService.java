package dev.byocfleet.chat;

import dev.byocfleet.api.InvalidParameterException;
import dev.byocfleet.api.NotFoundException;
import dev.byocfleet.auth.AccessGuard;
import dev.byocfleet.auth.CurrentUser;
import dev.byocfleet.auth.Role;
import dev.byocfleet.chat.ChatRecords.ChatMessage;
import dev.byocfleet.chat.ChatRecords.ChatRequest;
import dev.byocfleet.chat.ChatRecords.ChatSession;
import dev.byocfleet.chat.ChatRecords.ChatStatus;
import dev.byocfleet.chat.ChatRecords.RenameRequest;
import dev.byocfleet.chat.ChatRecords.SessionDetail;
import dev.byocfleet.chat.ChatRecords.ToolCallView;
import dev.byocfleet.chat.ChatRepository.StoredMessage;
import dev.byocfleet.llm.Cancellation;
import dev.byocfleet.llm.LlmService;
import dev.byocfleet.llm.LlmStatus;
import dev.byocfleet.store.JsonColumns;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import tools.jackson.core.type.TypeReference;

/**
 * The chat agent (BYOCAgent): each user's sessions and their messages, and turns that stream the
 * agent's answer. A user sees and changes only their own sessions (another's is "not found").
 */
@Service
public class ChatService {

    static final int MAX_MESSAGE_CHARS = 8_000;
    static final int MAX_TITLE_CHARS = 120;
    static final long STREAM_TIMEOUT_MS = 15 * 60 * 1000L;
    static final List<String> SUGGESTIONS = List.of(
            "Which tier S clusters are at risk this week?",
            "Summarize the fleet: clusters by version and tier.",
            "Which clusters used the most disk in the last day?",
            "Are there known bugs for the StarRocks versions we run?");
    private static final TypeReference<List<ToolCallView>> CALLS = new TypeReference<>() { };

    private final ChatRepository repository;
    private final ChatTurns turns;
    private final ChatTools tools;
    private final LlmService llm;
    private final AccessGuard access;
    private final ChatProperties props;
    private final Clock clock = Clock.systemUTC();

    ChatService(ChatRepository repository, ChatTurns turns, ChatTools tools, LlmService llm, AccessGuard access,
                ChatProperties props) {
        this.repository = repository;
        this.turns = turns;
        this.tools = tools;
        this.llm = llm;
        this.access = access;
        this.props = props;
    }

    public List<ChatSession> sessions() {
        return repository.sessions(access.require(Role.VIEWER).userId(), 200);
    }

    public SessionDetail session(String sessionId) {
        ChatSession session = owned(access.require(Role.VIEWER), sessionId);
        return new SessionDetail(session, repository.messages(sessionId).stream().map(ChatService::view).toList());
    }

    public ChatSession rename(String sessionId, RenameRequest request) {
        CurrentUser user = access.require(Role.VIEWER);
        String title = request == null || request.title() == null ? "" : request.title().strip();
        if (title.isEmpty() || title.length() > MAX_TITLE_CHARS) {
            throw new InvalidParameterException("title", "title must be 1-" + MAX_TITLE_CHARS + " characters");
        }
        owned(user, sessionId);
        repository.rename(user.userId(), sessionId, title, LocalDateTime.now(clock));
        return owned(user, sessionId);
    }

    public void delete(String sessionId) {
        CurrentUser user = access.require(Role.VIEWER);
        owned(user, sessionId);
        turns.cancel(sessionId);
        repository.delete(user.userId(), sessionId);
    }

    /** Stops the running turn of the session; false when none was running. */
    public boolean cancel(String sessionId) {
        owned(access.require(Role.VIEWER), sessionId);
        return turns.cancel(sessionId);
    }

    ChatStatus status() {
        access.require(Role.VIEWER);
        LlmStatus status = llm.status();
        return new ChatStatus(status.configured(), status.reason(), status.model(), tools.directTools(), SUGGESTIONS);
    }

    /**
     * Starts a turn and answers its event stream. Bad input, a foreign session, a turn already
     * running or no model configured are refused before any event is sent.
     */
    SseEmitter chat(ChatRequest request) {
        CurrentUser user = access.require(Role.VIEWER);
        String message = request == null || request.message() == null ? "" : request.message().strip();
        if (message.isEmpty() || message.length() > MAX_MESSAGE_CHARS) {
            throw new InvalidParameterException("message", "message must be 1-" + MAX_MESSAGE_CHARS + " characters");
        }
        if (!turns.configured()) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, llm.status().reason()
                    + " Use the direct tools (POST /api/chat/tools/{name}) instead.");
        }
        LocalDateTime now = LocalDateTime.now(clock);
        String sessionId = request.sessionId();
        if (sessionId == null || sessionId.isBlank()) {
            sessionId = UUID.randomUUID().toString();
            repository.createSession(sessionId, user.userId(), title(message), now);
        } else {
            owned(user, sessionId);
        }
        Cancellation cancellation = turns.claim(sessionId);
        try {
            List<StoredMessage> earlier = repository.messages(sessionId);
            ConversationWindow.Window window = ConversationWindow.of(earlier, props.contextTokens(), props.keepRecent());
            repository.addMessage(sessionId, UUID.randomUUID().toString(), "user", message, null, null, now);
            repository.touch(sessionId, window.summary(), now);
            SseEmitter emitter = new SseEmitter(STREAM_TIMEOUT_MS);
            ChatTurns.Turn turn = new ChatTurns.Turn(user.userId(), sessionId, message, window,
                    SecurityContextHolder.getContext());
            turns.start(turn, cancellation, new ChatStream(emitter), this::record);
            return emitter;
        } catch (RuntimeException e) {
            turns.release(sessionId, cancellation);
            throw e;
        }
    }

    private void record(ChatTurns.Turn turn, ChatTurns.Finished finished) {
        LocalDateTime now = LocalDateTime.now(clock);
        String calls = finished.calls().isEmpty() ? null : JsonColumns.write(finished.calls());
        repository.addMessage(turn.sessionId(), UUID.randomUUID().toString(), "assistant", finished.answer(), calls,
                (int) Math.min(Integer.MAX_VALUE, finished.tokens()), now);
        repository.touch(turn.sessionId(), turn.window().summary(), now);
    }

    private ChatSession owned(CurrentUser user, String sessionId) {
        return repository.session(user.userId(), sessionId)
                .orElseThrow(() -> new NotFoundException("No chat session '" + sessionId + "' of yours."));
    }

    private static String title(String message) {
        String t = message.replaceAll("\\s+", " ").strip();
        return t.length() <= 60 ? t : t.substring(0, 60) + "…";
    }

    private static ChatMessage view(StoredMessage m) {
        List<ToolCallView> calls = m.toolCalls() == null || m.toolCalls().isBlank() ? List.of()
                : JsonColumns.MAPPER.readValue(m.toolCalls(), CALLS);
        return new ChatMessage(m.messageId(), m.seq(), m.role(), m.content() == null ? "" : m.content(), calls, m.tokens(),
                m.createdAt());
    }
}
