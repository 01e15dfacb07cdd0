package dev.byocfleet.knowledge;

/**
 * Who may change the Knowledge Lake (create, update, delete, import): operators and admins. The
 * service asks before every write; an implementation answers with the name to record as
 * {@code updated_by} or throws {@link dev.byocfleet.api.ForbiddenException}.
 */
@FunctionalInterface
public interface KnowledgeWriteAccess {

    String requireWriter();
}
