package dev.byocfleet.agents;

/**
 * The seam to an LLM: one model call with a system prompt and a user message, answering the
 * model's text. The LLM package's agent loop implements it (with tools and budgets); tests use
 * canned replies.
 */
@FunctionalInterface
public interface DiagnosisModel {

    String complete(String system, String user);

    /** The model's name, for the investigation record. */
    default String name() {
        return "llm";
    }
}
