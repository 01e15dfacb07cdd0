package dev.byocfleet.ingest.webhook;

import dev.byocfleet.ingest.PayloadException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Typed reads of one JSON object of a webhook body; every wrong type or missing required value
 * fails with a {@link PayloadException} naming the value's path ({@code alerts[3].startsAt}).
 */
public final class JsonFields {

    /** Go's zero time: what Alertmanager and Grafana send as endsAt while an alert fires. */
    private static final int ZERO_YEAR = 1;
    private static final int MIN_YEAR = 1970;
    private static final int MAX_YEAR = 9999;

    private final JsonNode node;
    private final String path;

    JsonFields(JsonNode node, String path) {
        this.node = node;
        this.path = path;
    }

    public String path(String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    /** The value, or null when the field is absent or JSON null. */
    public JsonNode get(String name) {
        JsonNode v = node.get(name);
        return v == null || v.isNull() ? null : v;
    }

    public String optionalString(String name) {
        JsonNode v = get(name);
        if (v == null) {
            return null;
        }
        if (!v.isString()) {
            throw new PayloadException(path(name), path(name) + " must be a string, not " + kind(v) + ".");
        }
        return v.asString();
    }

    public String requireString(String name) {
        String v = optionalString(name);
        if (v == null || v.isBlank()) {
            throw new PayloadException(path(name), path(name) + " is required.");
        }
        return v;
    }

    /** A whole number, or {@code fallback} when absent. */
    public long optionalLong(String name, long fallback, long min) {
        JsonNode v = get(name);
        if (v == null) {
            return fallback;
        }
        if (!v.isIntegralNumber() || !v.canConvertToLong() || v.asLong() < min) {
            throw new PayloadException(path(name), path(name) + " must be a whole number of at least " + min + ".");
        }
        return v.asLong();
    }

    /** A map of strings (labels, annotations), in the order sent; empty when absent unless required. */
    public Map<String, String> stringMap(String name, boolean required) {
        JsonNode v = get(name);
        Map<String, String> out = new LinkedHashMap<>();
        if (v == null) {
            if (required) {
                throw new PayloadException(path(name), path(name) + " is required (an object of strings).");
            }
            return out;
        }
        if (!v.isObject()) {
            throw new PayloadException(path(name), path(name) + " must be an object of strings, not " + kind(v) + ".");
        }
        for (var e : v.properties()) {
            if (!e.getValue().isString()) {
                String p = path(name) + "." + e.getKey();
                throw new PayloadException(p, p + " must be a string, not " + kind(e.getValue()) + ".");
            }
            out.put(e.getKey(), e.getValue().asString());
        }
        return out;
    }

    /** An RFC 3339 time as UTC; required. Go's zero time is not a time here. */
    public LocalDateTime requireTime(String name) {
        LocalDateTime t = optionalTime(name);
        if (t == null) {
            throw new PayloadException(path(name), path(name) + " is required (an RFC 3339 time).");
        }
        return t;
    }

    /** An RFC 3339 time as UTC, or null when absent, empty or Go's zero time (no end yet). */
    public LocalDateTime optionalTime(String name) {
        String text = optionalString(name);
        if (text == null || text.isBlank()) {
            return null;
        }
        OffsetDateTime t;
        try {
            t = Rfc3339.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new PayloadException(path(name), path(name) + " must be an RFC 3339 time with an offset, such as "
                    + "2026-11-29T04:30:02.819723422Z or 2026-11-29T12:30:02+08:00.");
        }
        if (t.getYear() == ZERO_YEAR) {
            return null;
        }
        LocalDateTime utc = t.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
        if (utc.getYear() < MIN_YEAR || utc.getYear() > MAX_YEAR) {
            throw new PayloadException(path(name), path(name) + " must lie between the years " + MIN_YEAR
                    + " and " + MAX_YEAR + ".");
        }
        return utc;
    }

    public static String kind(JsonNode v) {
        if (v.isObject()) {
            return "an object";
        }
        if (v.isArray()) {
            return "an array";
        }
        if (v.isNumber()) {
            return "a number";
        }
        if (v.isBoolean()) {
            return "a boolean";
        }
        return v.isNull() ? "null" : "a string";
    }
}
