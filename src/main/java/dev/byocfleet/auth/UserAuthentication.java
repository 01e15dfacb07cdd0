package dev.byocfleet.auth;

import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** A request's verified identity: the {@link CurrentUser} and {@code ROLE_<role>} as its authority. */
final class UserAuthentication extends AbstractAuthenticationToken {

    private final CurrentUser user;

    UserAuthentication(CurrentUser user) {
        super(List.of(new SimpleGrantedAuthority("ROLE_" + user.role().name())));
        this.user = user;
        setAuthenticated(true);
    }

    @Override
    public Object getPrincipal() {
        return user;
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public String getName() {
        return user.userId();
    }
}
