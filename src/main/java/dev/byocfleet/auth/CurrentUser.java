package dev.byocfleet.auth;

import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The user a request acts for. Set by the bearer-token check of every request (own tokens and
 * external identity tokens alike); services read it through {@link AccessGuard}.
 */
public record CurrentUser(String userId, String email, String displayName, Role role) {

    /** The user of the current request, if it is signed in. */
    public static Optional<CurrentUser> current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof CurrentUser user
                ? Optional.of(user)
                : Optional.empty();
    }
}
