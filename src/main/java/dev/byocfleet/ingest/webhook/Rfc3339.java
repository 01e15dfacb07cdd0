package dev.byocfleet.ingest.webhook;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Reads an RFC 3339 time as {@link DateTimeFormatter#ISO_OFFSET_DATE_TIME} does. The form
 * Alertmanager and Grafana send, {@code 2026-11-29T04:30:02[.fraction](Z|+08:00)}, is read digit by
 * digit; anything else (lower-case letters, no seconds, offset seconds, a six-digit year, bad values)
 * goes to the formatter, so every text gets the formatter's answer or its exception.
 */
final class Rfc3339 {

    private Rfc3339() {
    }

    /** The time, or a {@link java.time.format.DateTimeParseException} as the formatter throws it. */
    static OffsetDateTime parse(String text) {
        OffsetDateTime fast = fast(text);
        return fast != null ? fast : OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    /** The common form read directly, or null when the text is not in it or its values are out of range. */
    static OffsetDateTime fast(String s) {
        int n = s.length();
        if (n < 20 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T' || s.charAt(13) != ':'
                || s.charAt(16) != ':') {
            return null;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 2);
        int day = digits(s, 8, 2);
        int hour = digits(s, 11, 2);
        int minute = digits(s, 14, 2);
        int second = digits(s, 17, 2);
        if ((year | month | day | hour | minute | second) < 0) {
            return null;
        }
        int at = 19;
        int nanos = 0;
        if (s.charAt(at) == '.') {
            int from = ++at;
            while (at < n && at - from < 9 && isDigit(s.charAt(at))) {
                nanos = nanos * 10 + (s.charAt(at) - '0');
                at++;
            }
            int count = at - from;
            if (count == 0 || (at < n && isDigit(s.charAt(at)))) {
                return null;
            }
            for (int i = count; i < 9; i++) {
                nanos *= 10;
            }
        }
        ZoneOffset offset;
        if (at == n - 1 && s.charAt(at) == 'Z') {
            offset = ZoneOffset.UTC;
        } else if (at == n - 6 && (s.charAt(at) == '+' || s.charAt(at) == '-') && s.charAt(at + 3) == ':') {
            int oh = digits(s, at + 1, 2);
            int om = digits(s, at + 4, 2);
            if ((oh | om) < 0 || oh > 18 || om > 59) {
                return null;
            }
            int sign = s.charAt(at) == '-' ? -1 : 1;
            try {
                offset = ZoneOffset.ofTotalSeconds(sign * (oh * 3600 + om * 60));
            } catch (DateTimeException e) {
                return null;
            }
        } else {
            return null;
        }
        try {
            return OffsetDateTime.of(LocalDateTime.of(year, month, day, hour, minute, second, nanos), offset);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /**
     * {@code t.toInstant(ZoneOffset.UTC).toString()}: seconds always, then 3, 6 or 9 fraction digits
     * as the nanoseconds need, then Z; written directly for the years 0-9999, by the JDK otherwise.
     */
    static String instantText(LocalDateTime t) {
        int year = t.getYear();
        if (year < 0 || year > 9999) {
            return t.toInstant(ZoneOffset.UTC).toString();
        }
        int nanos = t.getNano();
        int fraction = nanos == 0 ? 0 : nanos % 1_000_000 == 0 ? 3 : nanos % 1_000 == 0 ? 6 : 9;
        char[] c = new char[20 + (fraction == 0 ? 0 : fraction + 1)];
        digits(c, 0, year, 4);
        c[4] = '-';
        digits(c, 5, t.getMonthValue(), 2);
        c[7] = '-';
        digits(c, 8, t.getDayOfMonth(), 2);
        c[10] = 'T';
        digits(c, 11, t.getHour(), 2);
        c[13] = ':';
        digits(c, 14, t.getMinute(), 2);
        c[16] = ':';
        digits(c, 17, t.getSecond(), 2);
        int at = 19;
        if (fraction > 0) {
            c[at++] = '.';
            int scaled = fraction == 3 ? nanos / 1_000_000 : fraction == 6 ? nanos / 1_000 : nanos;
            digits(c, at, scaled, fraction);
            at += fraction;
        }
        c[at] = 'Z';
        return new String(c);
    }

    /** Writes {@code value} as {@code len} decimal digits, zero-padded, at {@code from}. */
    static void digits(char[] c, int from, int value, int len) {
        int v = value;
        for (int i = from + len - 1; i >= from; i--) {
            c[i] = (char) ('0' + v % 10);
            v /= 10;
        }
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** The decimal value of {@code len} ASCII digits from {@code from}, or -1 when one is not a digit. */
    private static int digits(String s, int from, int len) {
        int v = 0;
        for (int i = from; i < from + len; i++) {
            char c = s.charAt(i);
            if (!isDigit(c)) {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }
}
