package dev.byocfleet.auth;

import java.time.LocalDateTime;
import org.jspecify.annotations.Nullable;

/** A row of {@code alerts.users}. Emails are stored lower-case; times are UTC. */
record UserAccount(
        String userId,
        String email,
        @Nullable String displayName,
        @Nullable String passwordHash,
        Role role,
        UserStatus status,
        @Nullable String externalSubject,
        LocalDateTime createdAt,
        LocalDateTime updatedAt,
        @Nullable LocalDateTime lastLoginAt) {

    boolean active() {
        return status == UserStatus.ACTIVE;
    }

    CurrentUser asCurrentUser() {
        return new CurrentUser(userId, email, displayName, role);
    }

    /** Keeps the hash out of logs. */
    @Override
    public String toString() {
        return "UserAccount[userId=" + userId + ", email=" + email + ", role=" + role + ", status=" + status + "]";
    }
}
