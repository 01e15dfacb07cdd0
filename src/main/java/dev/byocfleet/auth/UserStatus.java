package dev.byocfleet.auth;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** A disabled user cannot sign in, and tokens already issued to them stop working. */
public enum UserStatus {
    ACTIVE, DISABLED;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    static UserStatus fromJson(String value) {
        for (UserStatus s : values()) {
            if (s.wire().equals(value)) {
                return s;
            }
        }
        throw new IllegalArgumentException("status must be active or disabled");
    }
}
