package dev.byocfleet.ingest.lark;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** Window bounds as users write them: an instant, a date-time with an offset, or without one (UTC), or a date (its UTC midnight). */
public final class IsoTimes {

    private IsoTimes() {
    }

    /** @throws IllegalArgumentException naming the accepted forms */
    public static Instant parse(String text) {
        String t = text == null ? "" : text.strip();
        try {
            if (t.length() == 10) {
                return LocalDate.parse(t).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            if (t.endsWith("Z") || t.matches(".*[+-]\\d{2}:?\\d{2}$")) {
                return OffsetDateTime.parse(t).toInstant();
            }
            return LocalDateTime.parse(t).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + t + "' is not an ISO-8601 time such as 2026-11-28T00:00:00Z, "
                    + "2026-11-28T08:00:00+08:00, 2026-11-28T00:00 (UTC) or 2026-11-28");
        }
    }
}
