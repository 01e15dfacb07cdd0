package dev.byocfleet.issues;

import dev.byocfleet.api.InvalidParameterException;
import java.util.Arrays;
import java.util.Locale;

/** What an operator can do to an issue, as the API names it. */
public enum TriageAction {
    ACKNOWLEDGE, INVESTIGATE, ASSIGN, COMMENT, SEVERITY, SILENCE, RESOLVE, CLOSE, MERGE, LINK;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    static TriageAction parse(String value) {
        return Arrays.stream(values()).filter(a -> value != null && a.wire().equals(value.strip().toLowerCase(Locale.ROOT)))
                .findFirst().orElseThrow(() -> new InvalidParameterException("action", "action must be one of "
                        + String.join(", ", Arrays.stream(values()).map(TriageAction::wire).toList())));
    }
}
