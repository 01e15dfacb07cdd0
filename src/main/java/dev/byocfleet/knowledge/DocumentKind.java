package dev.byocfleet.knowledge;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.byocfleet.api.InvalidParameterException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What a knowledge document is. */
public enum DocumentKind {
    /** What on-call saw and did during an incident. */
    ONCALL_LOG,
    /** A StarRocks defect, with the versions it affects and the versions that fix it. */
    KNOWN_BUG,
    /** A monitoring guideline or runbook. */
    GUIDELINE,
    /** A fix that worked, written back from a confirmed investigation. */
    RESOLUTION;

    @JsonValue
    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static DocumentKind parse(String value) {
        String v = value == null ? "" : value.strip().toLowerCase(Locale.ROOT).replace('-', '_');
        return Arrays.stream(values()).filter(k -> k.apiName().equals(v)).findFirst()
                .orElseThrow(() -> new InvalidParameterException("kind", "kind must be one of " + names()));
    }

    public static String names() {
        return Arrays.stream(values()).map(DocumentKind::apiName).collect(Collectors.joining(", "));
    }
}
