package dev.byocfleet.auth;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Requests and answers of sign-in, refresh, logout and activation. Secrets never reach toString. */
public final class AuthMessages {

    private AuthMessages() {
    }

    public record LoginRequest(@NotBlank @Size(max = 320) String email, @NotNull @Size(max = 1024) String password) {
        @Override
        public String toString() {
            return "LoginRequest[email=" + email + "]";
        }
    }

    public record RefreshRequest(@NotBlank @Size(max = 512) String refreshToken) {
        @Override
        public String toString() {
            return "RefreshRequest[]";
        }
    }

    /** Without a refresh token, every session of the user is signed out. */
    public record LogoutRequest(@Size(max = 512) String refreshToken) {
        @Override
        public String toString() {
            return "LogoutRequest[]";
        }
    }

    public record ActivateRequest(@NotBlank @Size(max = 512) String token, @NotNull @Size(max = 1024) String password,
                                  @Size(max = 256) String displayName) {
        @Override
        public String toString() {
            return "ActivateRequest[displayName=" + displayName + "]";
        }
    }

    /** The answer of login, refresh and activation. */
    public record TokenResponse(String accessToken, String tokenType, long expiresIn, String refreshToken,
                                CurrentUser user) {
        @Override
        public String toString() {
            return "TokenResponse[user=" + user + "]";
        }
    }
}
