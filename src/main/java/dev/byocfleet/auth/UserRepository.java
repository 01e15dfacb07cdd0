package dev.byocfleet.auth;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class UserRepository {

    private static final String SELECT = """
            SELECT user_id, email, display_name, password_hash, role, status, external_subject,
                   created_at, updated_at, last_login_at
            FROM alerts.users""";
    private static final RowMapper<UserAccount> ROW = UserRepository::map;

    private final JdbcClient jdbc;

    UserRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<UserAccount> findById(String userId) {
        return jdbc.sql(SELECT + " WHERE user_id = ?").param(userId).query(ROW).optional();
    }

    Optional<UserAccount> findByEmail(String email) {
        return jdbc.sql(SELECT + " WHERE email = ?").param(email).query(ROW).optional();
    }

    Optional<UserAccount> findByExternalSubject(String subject) {
        return jdbc.sql(SELECT + " WHERE external_subject = ?").param(subject).query(ROW).optional();
    }

    List<UserAccount> findAll() {
        return jdbc.sql(SELECT + " ORDER BY email").query(ROW).list();
    }

    long count() {
        return jdbc.sql("SELECT count(*) FROM alerts.users").query(Long.class).single();
    }

    long countActiveAdmins() {
        return jdbc.sql("SELECT count(*) FROM alerts.users WHERE role = 'admin' AND status = 'active'")
                .query(Long.class).single();
    }

    void insert(UserAccount u) {
        jdbc.sql("""
                        INSERT INTO alerts.users (user_id, email, display_name, password_hash, role, status,
                                                  external_subject, created_at, updated_at, last_login_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(u.userId(), u.email(), u.displayName(), u.passwordHash(), u.role().wire(), u.status().wire(),
                        u.externalSubject(), ts(u.createdAt()), ts(u.updatedAt()), ts(u.lastLoginAt()))
                .update();
    }

    void update(UserAccount u) {
        jdbc.sql("""
                        UPDATE alerts.users SET role = ?, status = ?, external_subject = ?, updated_at = ?
                        WHERE user_id = ?""")
                .params(u.role().wire(), u.status().wire(), u.externalSubject(), ts(u.updatedAt()), u.userId())
                .update();
    }

    void recordLogin(String userId, LocalDateTime at) {
        jdbc.sql("UPDATE alerts.users SET last_login_at = ? WHERE user_id = ?").params(ts(at), userId).update();
    }

    private static UserAccount map(ResultSet rs, int row) throws SQLException {
        return new UserAccount(rs.getString("user_id"), rs.getString("email"), rs.getString("display_name"),
                rs.getString("password_hash"),
                Role.parse(rs.getString("role")).orElse(Role.VIEWER),
                "active".equals(rs.getString("status")) ? UserStatus.ACTIVE : UserStatus.DISABLED,
                rs.getString("external_subject"),
                time(rs, "created_at"), time(rs, "updated_at"), time(rs, "last_login_at"));
    }

    static LocalDateTime time(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toLocalDateTime();
    }

    static Timestamp ts(LocalDateTime t) {
        return t == null ? null : Timestamp.valueOf(t);
    }
}
