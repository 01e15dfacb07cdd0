package dev.byocfleet.auth;

import static dev.byocfleet.auth.UserRepository.time;
import static dev.byocfleet.auth.UserRepository.ts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class InviteRepository {

    /** A row of {@code alerts.invites}; the token itself is never stored, only its hash. */
    record Invite(String inviteId, String email, Role role, String tokenHash, @Nullable String invitedBy,
                  LocalDateTime createdAt, LocalDateTime expiresAt, @Nullable LocalDateTime usedAt) {}

    private static final String SELECT = """
            SELECT invite_id, email, role, token_hash, invited_by, created_at, expires_at, used_at
            FROM alerts.invites""";
    private static final RowMapper<Invite> ROW = InviteRepository::map;

    private final JdbcClient jdbc;

    InviteRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Invite i) {
        jdbc.sql("""
                        INSERT INTO alerts.invites (invite_id, email, role, token_hash, invited_by, created_at,
                                                    expires_at, used_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(i.inviteId(), i.email(), i.role().wire(), i.tokenHash(), i.invitedBy(), ts(i.createdAt()),
                        ts(i.expiresAt()), ts(i.usedAt()))
                .update();
    }

    Optional<Invite> findByTokenHash(String tokenHash) {
        return jdbc.sql(SELECT + " WHERE token_hash = ?").param(tokenHash).query(ROW).optional();
    }

    List<Invite> findAll() {
        return jdbc.sql(SELECT + " ORDER BY created_at DESC, invite_id").query(ROW).list();
    }

    /** Marks the invite used unless it already is; true for the one caller that got it. */
    boolean markUsed(String inviteId, LocalDateTime at) {
        return jdbc.sql("UPDATE alerts.invites SET used_at = ? WHERE invite_id = ? AND used_at IS NULL")
                .params(ts(at), inviteId).update() == 1;
    }

    boolean delete(String inviteId) {
        return jdbc.sql("DELETE FROM alerts.invites WHERE invite_id = ?").param(inviteId).update() == 1;
    }

    private static Invite map(ResultSet rs, int row) throws SQLException {
        return new Invite(rs.getString("invite_id"), rs.getString("email"),
                Role.parse(rs.getString("role")).orElse(Role.VIEWER), rs.getString("token_hash"),
                rs.getString("invited_by"), time(rs, "created_at"), time(rs, "expires_at"), time(rs, "used_at"));
    }
}
