package dev.byocfleet.settings;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Optional;

/** Where a notification channel delivers. */
public enum ChannelKind {
    /** A Lark (Feishu) custom bot webhook, optionally with a signing secret. */
    LARK_BOT("lark_bot"),
    /** Any HTTP endpoint taking a JSON POST, optionally with a bearer token or an HMAC signature. */
    WEBHOOK("webhook");

    private final String wire;

    ChannelKind(String wire) {
        this.wire = wire;
    }

    @JsonValue
    public String wire() {
        return wire;
    }

    static Optional<ChannelKind> parse(String value) {
        for (ChannelKind k : values()) {
            if (k.wire.equals(value)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }

    @JsonCreator
    static ChannelKind fromJson(String value) {
        return parse(value).orElseThrow(() -> new IllegalArgumentException("kind must be lark_bot or webhook"));
    }
}
