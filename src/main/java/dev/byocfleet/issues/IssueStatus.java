package dev.byocfleet.issues;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Where an issue is in its lifecycle: open → acknowledged → investigating → resolved → closed, plus silenced. */
public enum IssueStatus {
    OPEN, ACKNOWLEDGED, INVESTIGATING, SILENCED, RESOLVED, CLOSED;

    /** The {@link #active()} statuses as stored. */
    public static final List<String> ACTIVE = Arrays.stream(values()).filter(IssueStatus::active).map(IssueStatus::wire).toList();

    /** Open, acknowledged, investigating or silenced: firing alerts of its key join it. */
    public boolean active() {
        return this != RESOLVED && this != CLOSED;
    }

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<IssueStatus> parse(String value) {
        return value == null ? Optional.empty()
                : Arrays.stream(values()).filter(s -> s.wire().equals(value.strip().toLowerCase(Locale.ROOT))).findFirst();
    }
}
