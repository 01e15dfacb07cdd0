package dev.byocfleet.auth;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/** Requests and answers of user and invite administration. */
public final class UserMessages {

    private UserMessages() {
    }

    public record UserView(String userId, String email, String displayName, Role role, UserStatus status,
                           String externalSubject, Instant createdAt, Instant lastLoginAt) {}

    /**
     * Fields left out keep their value. {@code external_subject} maps an external identity
     * provider's {@code sub} to this user; an empty string removes the mapping.
     */
    public record UserUpdate(Role role, UserStatus status, @Size(max = 256) String externalSubject) {}

    public record InviteRequest(@NotBlank @Email @Size(max = 320) String email, @NotNull Role role) {}

    /** The token is shown here once and never again; only its hash is stored. */
    public record InviteCreated(String inviteId, String email, Role role, Instant expiresAt, String token,
                                String activationPath) {
        @Override
        public String toString() {
            return "InviteCreated[inviteId=" + inviteId + ", email=" + email + "]";
        }
    }

    /** @param status {@code pending}, {@code used} or {@code expired} */
    public record InviteView(String inviteId, String email, Role role, String status, String invitedBy,
                             Instant createdAt, Instant expiresAt, Instant usedAt) {}
}
