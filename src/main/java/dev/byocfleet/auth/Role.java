package dev.byocfleet.auth;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.Optional;

/** What a user may do: viewers read, operators triage, admins manage users, settings and channels. */
public enum Role {
    VIEWER, OPERATOR, ADMIN;

    /** True when this role includes everything {@code minimum} may do. */
    public boolean atLeast(Role minimum) {
        return ordinal() >= minimum.ordinal();
    }

    /** The name in JSON and in the store: {@code viewer}, {@code operator}, {@code admin}. */
    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Role> parse(String value) {
        if (value != null) {
            for (Role r : values()) {
                if (r.wire().equals(value.strip().toLowerCase(Locale.ROOT))) {
                    return Optional.of(r);
                }
            }
        }
        return Optional.empty();
    }

    @JsonCreator
    static Role fromJson(String value) {
        return parse(value).orElseThrow(() -> new IllegalArgumentException("role must be admin, operator or viewer"));
    }
}
