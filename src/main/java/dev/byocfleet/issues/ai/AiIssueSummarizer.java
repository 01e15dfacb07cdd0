package dev.byocfleet.issues.ai;

/**
 * Writes the summary of an AI issue group. The default builds it from templates and facts; an LLM
 * summarizer (the agents feature) replaces the bean and reports the tokens it used.
 */
public interface AiIssueSummarizer {

    /** @param source {@code template} or {@code llm}; tokens are null without an LLM */
    record Summary(String text, String source, Long inputTokens, Long outputTokens) {}

    Summary summarize(AiIssueFacts facts);
}
