package dev.byocfleet.ingest.source.lark;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Times as alert cards print them, to UTC: RFC 3339 with {@code Z} or an offset (any fraction),
 * {@code 2026-11-29 12:30:02} with an optional offset ({@code +08:00}, {@code +0800}), zone
 * ({@code (Asia/Shanghai)}, {@code UTC}, {@code CST} as China time) or none (then the zone the
 * caller says: the card's local zone or UTC), slashes for dashes, minutes without seconds, and Unix
 * seconds or milliseconds.
 */
final class CardTimes {

    /** Words bridges print where an alert has not ended. */
    private static final Pattern NOT_ENDED = Pattern.compile(
            "(?i)|-+|to be resolved|<no value>|n/?a|null|none|未恢复|—|0001-01-01.*");
    private static final Pattern SHAPE = Pattern.compile(
            "(\\d{4})[-/](\\d{1,2})[-/](\\d{1,2})[T ](\\d{1,2}):(\\d{2})(?::(\\d{2})(?:[.,](\\d{1,9}))?)?\\s*(.*)");
    private static final Pattern OFFSET = Pattern.compile("(Z|[+-]\\d{2}:?\\d{2}|[+-]\\d{2})");
    private static final Pattern EPOCH = Pattern.compile("\\d{10}|\\d{13}");
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private CardTimes() {
    }

    /** Whether the text says the alert has not ended (rather than giving an end). */
    static boolean notEnded(String text) {
        return text == null || NOT_ENDED.matcher(text.trim()).matches();
    }

    /**
     * The UTC time the text gives, reading a zone-less time in {@code localZone}; empty when the
     * text is not a time in any of the forms above.
     */
    static Optional<LocalDateTime> parse(String text, ZoneId localZone) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.trim();
        if (EPOCH.matcher(t).matches()) {
            long n = Long.parseLong(t);
            Instant i = t.length() == 13 ? Instant.ofEpochMilli(n) : Instant.ofEpochSecond(n);
            return Optional.of(LocalDateTime.ofInstant(i, ZoneOffset.UTC));
        }
        Matcher m = SHAPE.matcher(t);
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            LocalDateTime local = LocalDateTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)),
                    m.group(6) == null ? 0 : Integer.parseInt(m.group(6)), nanos(m.group(7)));
            Optional<ZoneId> zone = zone(m.group(8), localZone);
            return zone.map(z -> LocalDateTime.ofInstant(local.atZone(z).toInstant(), ZoneOffset.UTC));
        } catch (DateTimeException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static int nanos(String fraction) {
        if (fraction == null) {
            return 0;
        }
        return Integer.parseInt((fraction + "000000000").substring(0, 9));
    }

    /** The zone the text after the time names; empty when it names something else. */
    private static Optional<ZoneId> zone(String rest, ZoneId localZone) {
        String r = rest.replaceAll("^[\\s(（\\[]+|[\\s)）\\]]+$", "");
        if (r.isEmpty()) {
            return Optional.of(localZone);
        }
        if (r.equalsIgnoreCase("UTC") || r.equalsIgnoreCase("GMT")) {
            return Optional.of(ZoneOffset.UTC);
        }
        if (r.equals("CST") || r.equals("北京时间")) {
            return Optional.of(CHINA);
        }
        if (OFFSET.matcher(r).matches()) {
            return Optional.of(ZoneOffset.of(r));
        }
        try {
            return Optional.of(ZoneId.of(r));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }
}
