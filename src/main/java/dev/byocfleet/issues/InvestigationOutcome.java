package dev.byocfleet.issues;

import org.jspecify.annotations.Nullable;

/**
 * How an investigation of an issue ended, as the issue's result comment tells it.
 *
 * @param failed     the investigation ended in an error; {@code error} says which
 * @param confidence 0..1
 * @param summary    the diagnosis summary (Markdown); its first line goes into the comment
 */
public record InvestigationOutcome(String investigationId, boolean failed, @Nullable String rootCause,
                                   @Nullable Double confidence, @Nullable Boolean escalate, @Nullable String summary,
                                   @Nullable String error) {

    public static InvestigationOutcome failure(String investigationId, @Nullable String error) {
        return new InvestigationOutcome(investigationId, true, null, null, null, null, error);
    }
}
