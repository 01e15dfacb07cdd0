package dev.byocfleet.auth;

import static dev.byocfleet.auth.UserRepository.time;
import static dev.byocfleet.auth.UserRepository.ts;

import java.time.LocalDateTime;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class RefreshTokenRepository {

    /**
     * A row of {@code alerts.refresh_tokens}. Every token of one sign-in shares a family: rotating
     * a token marks it used and issues the next one in the same family.
     */
    record RefreshToken(String tokenHash, String familyId, String userId, LocalDateTime issuedAt,
                        LocalDateTime expiresAt, @Nullable LocalDateTime usedAt, @Nullable LocalDateTime revokedAt) {}

    private final JdbcClient jdbc;

    RefreshTokenRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(RefreshToken t) {
        jdbc.sql("""
                        INSERT INTO alerts.refresh_tokens (token_hash, family_id, user_id, issued_at, expires_at,
                                                           used_at, revoked_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(t.tokenHash(), t.familyId(), t.userId(), ts(t.issuedAt()), ts(t.expiresAt()),
                        ts(t.usedAt()), ts(t.revokedAt()))
                .update();
    }

    Optional<RefreshToken> find(String tokenHash) {
        return jdbc.sql("""
                        SELECT token_hash, family_id, user_id, issued_at, expires_at, used_at, revoked_at
                        FROM alerts.refresh_tokens WHERE token_hash = ?""")
                .param(tokenHash)
                .query((rs, row) -> new RefreshToken(rs.getString("token_hash"), rs.getString("family_id"),
                        rs.getString("user_id"), time(rs, "issued_at"), time(rs, "expires_at"),
                        time(rs, "used_at"), time(rs, "revoked_at")))
                .optional();
    }

    /** Marks the token used unless it already is used or revoked; true for the one caller that got it. */
    boolean markUsed(String tokenHash, LocalDateTime at) {
        return jdbc.sql("""
                        UPDATE alerts.refresh_tokens SET used_at = ?
                        WHERE token_hash = ? AND used_at IS NULL AND revoked_at IS NULL""")
                .params(ts(at), tokenHash).update() == 1;
    }

    void revokeFamily(String familyId, LocalDateTime at) {
        jdbc.sql("UPDATE alerts.refresh_tokens SET revoked_at = ? WHERE family_id = ? AND revoked_at IS NULL")
                .params(ts(at), familyId).update();
    }

    void revokeUser(String userId, LocalDateTime at) {
        jdbc.sql("UPDATE alerts.refresh_tokens SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL")
                .params(ts(at), userId).update();
    }

    int deleteExpiredBefore(LocalDateTime before) {
        return jdbc.sql("DELETE FROM alerts.refresh_tokens WHERE expires_at < ?").param(ts(before)).update();
    }
}
