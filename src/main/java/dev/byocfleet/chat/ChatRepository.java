package dev.byocfleet.chat;

import dev.byocfleet.store.RecordRows;
import dev.byocfleet.chat.ChatRecords.ChatSession;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** {@code alerts.chat_sessions} and {@code alerts.chat_messages}; every query scoped to the owner. */
@Repository
class ChatRepository {

    /** A stored message as read back; {@code toolCalls} is the JSON text of the calls, or null. */
    record StoredMessage(String messageId, int seq, String role, String content, @Nullable String toolCalls,
                         @Nullable Integer tokens, LocalDateTime createdAt) {}

    private static final String SESSION_COLUMNS = """
            s.session_id, s.title, s.created_at, s.updated_at,
            CAST((SELECT count(*) FROM alerts.chat_messages m WHERE m.session_id = s.session_id) AS INTEGER) AS messages
            """;

    private final JdbcClient jdbc;

    ChatRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<ChatSession> sessions(String userId, int limit) {
        return jdbc.sql("SELECT " + SESSION_COLUMNS + """
                         FROM alerts.chat_sessions s
                        WHERE s.user_id = :user AND (s.deleted IS NULL OR s.deleted = FALSE)
                        ORDER BY s.updated_at DESC, s.session_id LIMIT :limit""")
                .param("user", userId).param("limit", limit)
                .query(RecordRows.of(ChatSession.class)).list();
    }

    Optional<ChatSession> session(String userId, String sessionId) {
        return jdbc.sql("SELECT " + SESSION_COLUMNS + """
                         FROM alerts.chat_sessions s
                        WHERE s.session_id = :id AND s.user_id = :user AND (s.deleted IS NULL OR s.deleted = FALSE)""")
                .param("id", sessionId).param("user", userId)
                .query(RecordRows.of(ChatSession.class)).optional();
    }

    @Nullable String summary(String sessionId) {
        return jdbc.sql("SELECT summary FROM alerts.chat_sessions WHERE session_id = :id")
                .param("id", sessionId).query(String.class).optional().orElse(null);
    }

    void createSession(String sessionId, String userId, String title, LocalDateTime now) {
        jdbc.sql("""
                        INSERT INTO alerts.chat_sessions (session_id, user_id, title, summary, created_at, updated_at, deleted)
                        VALUES (:id, :user, :title, NULL, :now, :now, FALSE)""")
                .param("id", sessionId).param("user", userId).param("title", title).param("now", now)
                .update();
    }

    boolean rename(String userId, String sessionId, String title, LocalDateTime now) {
        return jdbc.sql("""
                        UPDATE alerts.chat_sessions SET title = :title, updated_at = :now
                         WHERE session_id = :id AND user_id = :user AND (deleted IS NULL OR deleted = FALSE)""")
                .param("title", title).param("now", now).param("id", sessionId).param("user", userId)
                .update() > 0;
    }

    void touch(String sessionId, @Nullable String summary, LocalDateTime now) {
        jdbc.sql("UPDATE alerts.chat_sessions SET updated_at = :now, summary = :summary WHERE session_id = :id")
                .param("now", now).param("summary", summary).param("id", sessionId).update();
    }

    /** Deletes the session and its messages; false when the user has no such session. */
    boolean delete(String userId, String sessionId) {
        if (session(userId, sessionId).isEmpty()) {
            return false;
        }
        jdbc.sql("DELETE FROM alerts.chat_messages WHERE session_id = :id").param("id", sessionId).update();
        jdbc.sql("DELETE FROM alerts.chat_sessions WHERE session_id = :id AND user_id = :user")
                .param("id", sessionId).param("user", userId).update();
        return true;
    }

    List<StoredMessage> messages(String sessionId) {
        return jdbc.sql("""
                        SELECT message_id, seq, role, content, CAST(tool_calls AS VARCHAR) AS tool_calls, tokens, created_at
                          FROM alerts.chat_messages WHERE session_id = :id ORDER BY seq""")
                .param("id", sessionId).query(RecordRows.of(StoredMessage.class)).list();
    }

    void addMessage(String sessionId, String messageId, String role, String content, @Nullable String toolCallsJson,
                    @Nullable Integer tokens, LocalDateTime now) {
        int seq = jdbc.sql("SELECT CAST(coalesce(max(seq), 0) + 1 AS INTEGER) FROM alerts.chat_messages WHERE session_id = :id")
                .param("id", sessionId).query(Integer.class).single();
        jdbc.sql("""
                        INSERT INTO alerts.chat_messages (message_id, session_id, seq, role, content, tool_calls, tokens, created_at)
                        VALUES (:mid, :sid, :seq, :role, :content, :calls, :tokens, :now)""")
                .param("mid", messageId).param("sid", sessionId).param("seq", seq).param("role", role)
                .param("content", content).param("calls", toolCallsJson).param("tokens", tokens).param("now", now)
                .update();
    }
}
