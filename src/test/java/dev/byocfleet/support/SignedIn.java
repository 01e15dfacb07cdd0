package dev.byocfleet.support;

import dev.byocfleet.auth.CurrentUser;
import dev.byocfleet.auth.Role;
import java.util.List;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/** Runs a service call as a signed-in user without the web layer: {@code try (var u = SignedIn.as(Role.VIEWER))}. */
public final class SignedIn implements AutoCloseable {

    private SignedIn() {
    }

    public static SignedIn as(Role role) {
        CurrentUser user = new CurrentUser("u-test-" + role.wire(), role.wire() + "@byoc.test", "Test " + role.wire(), role);
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                user, null, List.of(new SimpleGrantedAuthority("ROLE_" + role.name()))));
        return new SignedIn();
    }

    @Override
    public void close() {
        SecurityContextHolder.clearContext();
    }
}
