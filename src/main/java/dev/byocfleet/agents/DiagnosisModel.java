package dev.byocfleet.agents;

/**
 * The seam to an LLM: one model call with a system prompt and a user message, answering the
 * model's text. The LLM package's agent loop implements it (with tools and budgets); tests use
 * canned replies.
 */
@FunctionalInterface
public interface DiagnosisModel {

    String complete(String system, String user);

    /** The same, for one cluster's investigation (recorded with its model usage). */
    default String complete(String system, String user, @org.jspecify.annotations.Nullable String clusterId) {
        return complete(system, user);
    }

    /** Whether a model can be asked now; when not, the Investigator diagnoses by rules. */
    default boolean available() {
        return true;
    }

    /** The model's name, for the investigation record. */
    default String name() {
        return "llm";
    }
}
