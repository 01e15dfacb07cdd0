package dev.byocfleet.auth;

import dev.byocfleet.api.ForbiddenException;
import dev.byocfleet.api.UnauthorizedException;
import org.springframework.stereotype.Component;

/**
 * The role check every feature service makes before it acts, so REST and MCP callers meet the
 * same rules: {@code access.require(Role.OPERATOR)}.
 */
@Component
public class AccessGuard {

    /** The signed-in user when their role is at least {@code minimum}; 401 or 403 otherwise. */
    public CurrentUser require(Role minimum) {
        CurrentUser user = CurrentUser.current()
                .orElseThrow(() -> new UnauthorizedException("Sign in first: this needs a signed-in user."));
        if (!user.role().atLeast(minimum)) {
            throw new ForbiddenException("This needs the " + minimum.wire() + " role; you have " + user.role().wire() + ".");
        }
        return user;
    }
}
