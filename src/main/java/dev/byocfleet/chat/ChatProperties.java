package dev.byocfleet.chat;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Bound from {@code byoc.chat.*}.
 *
 * @param contextTokens   estimated tokens of earlier turns above which the older ones are summarized
 * @param keepRecent      messages kept word for word when older ones are summarized
 * @param maxSteps        model calls of one turn (the budget, as for the other agents)
 * @param maxTokens       tokens of one turn
 * @param maxWallTime     time of one turn
 * @param maxToolOutputChars longest tool output given to the model; the rest is cut with a note
 */
@ConfigurationProperties("byoc.chat")
public record ChatProperties(Integer contextTokens, Integer keepRecent, Integer maxSteps, Long maxTokens,
                             Duration maxWallTime, Integer maxToolOutputChars) {

    public ChatProperties {
        contextTokens = contextTokens == null ? 24_000 : contextTokens;
        keepRecent = keepRecent == null ? 6 : keepRecent;
        maxSteps = maxSteps == null ? 10 : maxSteps;
        maxTokens = maxTokens == null ? 150_000L : maxTokens;
        maxWallTime = maxWallTime == null ? Duration.ofMinutes(3) : maxWallTime;
        maxToolOutputChars = maxToolOutputChars == null ? 12_000 : maxToolOutputChars;
        if (contextTokens < 500 || keepRecent < 0) {
            throw new IllegalStateException("byoc.chat.context-tokens must be at least 500 and keep-recent not negative");
        }
    }
}
