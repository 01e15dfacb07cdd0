package dev.byocfleet.issues;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.UUID;

/**
 * One lifecycle change of an issue (a row of {@code alerts.issue_events}): who, when, what, why.
 * Events the grouping writes have ids derived from their content, so a rebuild writes the same ones.
 *
 * @param actor {@code system} for grouping and lifecycle rules, {@code agent:investigator} for the
 *              Investigator's runs, else the user's email
 */
public record IssueEvent(String eventId, long issueId, String eventType, String actor, LocalDateTime createdAt,
                         String fromStatus, String toStatus, String note, Map<String, Object> details) {

    public IssueEvent {
        details = details == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(details));
    }

    static final String SYSTEM = "system";

    /** An event with an id derived from the issue, type, time and a discriminator. */
    static IssueEvent derived(long issueId, String type, LocalDateTime at, String discriminator, IssueStatus from,
                              IssueStatus to, String note, Map<String, Object> details) {
        String id = UUID.nameUUIDFromBytes((issueId + "|" + type + "|" + at + "|" + discriminator)
                .getBytes(StandardCharsets.UTF_8)).toString();
        return new IssueEvent(id, issueId, type, SYSTEM, at, from == null ? null : from.wire(),
                to == null ? null : to.wire(), note, details);
    }
}
