package dev.byocfleet.agents;

import dev.byocfleet.auth.CurrentUser;
import dev.byocfleet.auth.Role;
import dev.byocfleet.issues.IssueService;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Scheduled agents act as a viewer: their tools go through the same role checks as people, so an
 * agent can read the fleet but no service would let it write, whatever an alert's text asks for.
 * A request that already has a user (an operator pressing "start") keeps that user. The one write
 * an agent makes is the Investigator's own bookkeeping on the issue it investigates
 * ({@code IssueService.investigationStarted/Finished}), called by code, never offered as a tool.
 */
final class AgentIdentity {

    static final CurrentUser AGENT = new CurrentUser(IssueService.SYSTEM_ACTOR_PREFIX + "investigator", "agents@byoc-fleet.local", "BYOC agents",
            Role.VIEWER);

    private AgentIdentity() {
    }

    static <T> T asAgent(Supplier<T> body) {
        if (CurrentUser.current().isPresent()) {
            return body.get();
        }
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(AGENT, null,
                List.of(new SimpleGrantedAuthority("ROLE_" + AGENT.role().name()))));
        SecurityContextHolder.setContext(context);
        try {
            return body.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }
}
