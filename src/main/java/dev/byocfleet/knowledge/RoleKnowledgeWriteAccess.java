package dev.byocfleet.knowledge;

import dev.byocfleet.auth.AccessGuard;
import dev.byocfleet.auth.Role;
import org.springframework.stereotype.Component;

/**
 * Operators and admins change the Knowledge Lake; the change is recorded under their email. The
 * check runs in the service, so REST and MCP callers meet the same rule.
 */
@Component
class RoleKnowledgeWriteAccess implements KnowledgeWriteAccess {

    private final AccessGuard access;

    RoleKnowledgeWriteAccess(AccessGuard access) {
        this.access = access;
    }

    @Override
    public String requireWriter() {
        return access.require(Role.OPERATOR).email();
    }
}
