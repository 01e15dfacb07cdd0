package dev.byocfleet.knowledge;

import dev.byocfleet.api.ForbiddenException;
import org.springframework.stereotype.Component;

/**
 * Write access while the product has no authentication: denied unless
 * {@code byoc.knowledge.writes-enabled} ({@code BYOC_KNOWLEDGE_WRITES_ENABLED}) is true, and then
 * recorded as {@code api}. Replaced by a role check (operator or admin) once users and tokens exist.
 */
@Component
class ConfiguredKnowledgeWriteAccess implements KnowledgeWriteAccess {

    static final String ACTOR = "api";

    private final boolean enabled;

    ConfiguredKnowledgeWriteAccess(KnowledgeProperties props) {
        this.enabled = props.writesEnabled();
    }

    @Override
    public String requireWriter() {
        if (!enabled) {
            throw new ForbiddenException("Changing the Knowledge Lake is disabled: it needs an operator or admin, "
                    + "and this server has no sign-in yet. Set BYOC_KNOWLEDGE_WRITES_ENABLED=true to allow it anyway.");
        }
        return ACTOR;
    }
}
