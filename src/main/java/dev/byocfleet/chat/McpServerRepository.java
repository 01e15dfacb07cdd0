package dev.byocfleet.chat;

import dev.byocfleet.store.RecordRows;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** {@code alerts.chat_mcp_servers}: the external MCP servers of the chat agent. */
@Repository
class McpServerRepository {

    /** A stored server; {@code headers} is the JSON object text of the request headers, or null. */
    record StoredServer(String name, String url, @Nullable String headers, boolean writable, LocalDateTime createdAt,
                        LocalDateTime updatedAt) {}

    private static final String COLUMNS = "name, url, headers, writable, created_at, updated_at";

    private final JdbcClient jdbc;

    McpServerRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<StoredServer> all() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM alerts.chat_mcp_servers ORDER BY name").query(RecordRows.of(StoredServer.class)).list();
    }

    Optional<StoredServer> find(String name) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM alerts.chat_mcp_servers WHERE name = :name")
                .param("name", name).query(RecordRows.of(StoredServer.class)).optional();
    }

    void insert(StoredServer s, String createdBy) {
        jdbc.sql("""
                        INSERT INTO alerts.chat_mcp_servers (name, url, headers, writable, created_by, created_at, updated_at)
                        VALUES (:name, :url, :headers, :writable, :by, :created, :updated)""")
                .param("name", s.name()).param("url", s.url()).param("headers", s.headers())
                .param("writable", s.writable()).param("by", createdBy).param("created", s.createdAt())
                .param("updated", s.updatedAt()).update();
    }

    void update(StoredServer s) {
        jdbc.sql("""
                        UPDATE alerts.chat_mcp_servers SET url = :url, headers = :headers, writable = :writable,
                               updated_at = :updated WHERE name = :name""")
                .param("name", s.name()).param("url", s.url()).param("headers", s.headers())
                .param("writable", s.writable()).param("updated", s.updatedAt()).update();
    }

    boolean delete(String name) {
        return jdbc.sql("DELETE FROM alerts.chat_mcp_servers WHERE name = :name").param("name", name).update() > 0;
    }
}
