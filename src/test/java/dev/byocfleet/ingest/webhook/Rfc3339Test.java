package dev.byocfleet.ingest.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The direct read of the common RFC 3339 form gives what the ISO formatter gives, and leaves it everything else. */
class Rfc3339Test {

    private static Object formatter(String text) {
        try {
            return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        } catch (DateTimeParseException e) {
            return "refused";
        }
    }

    private static Object ours(String text) {
        try {
            return Rfc3339.parse(text);
        } catch (DateTimeParseException e) {
            return "refused";
        }
    }

    @Test
    void theFormsSendersUseAreReadDirectlyWithTheirOffsetsAndFractions() {
        assertThat(Rfc3339.fast("2026-11-29T04:30:02Z"))
                .isEqualTo(OffsetDateTime.of(2026, 11, 29, 4, 30, 2, 0, ZoneOffset.UTC));
        assertThat(Rfc3339.fast("2026-11-29T04:30:02.819723422Z"))
                .isEqualTo(OffsetDateTime.of(2026, 11, 29, 4, 30, 2, 819_723_422, ZoneOffset.UTC));
        assertThat(Rfc3339.fast("2026-11-29T12:30:02.5+08:00"))
                .isEqualTo(OffsetDateTime.of(2026, 11, 29, 12, 30, 2, 500_000_000, ZoneOffset.ofHours(8)));
        assertThat(Rfc3339.fast("2026-11-29T00:00:00.000123-05:30"))
                .isEqualTo(OffsetDateTime.of(2026, 11, 29, 0, 0, 0, 123_000, ZoneOffset.ofHoursMinutes(-5, -30)));
        assertThat(Rfc3339.fast("0001-01-01T00:00:00Z"))
                .isEqualTo(OffsetDateTime.of(1, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC));
        assertThat(Rfc3339.fast("2026-11-29T04:30:02-00:00")).isEqualTo(OffsetDateTime.of(2026, 11, 29, 4, 30, 2, 0, ZoneOffset.UTC));
    }

    @Test
    void everyOtherFormGoesToTheFormatterAndGetsItsAnswer() {
        List<String> texts = List.of("2026-11-29t04:30:02z", "2026-11-29T04:30Z", "2026-11-29T04:30:02+08:00:30",
                "+12026-11-29T04:30:02Z", "2026-02-30T00:00:00Z", "2026-11-29T24:00:00Z", "2026-11-29T23:59:60Z",
                "2026-13-01T00:00:00Z", "2026-11-29T04:30:02.Z", "2026-11-29T04:30:02.1234567891Z",
                "2026-11-29T04:30:02+19:00", "2026-11-29T04:30:02+08:60", "2026-11-29T04:30:02", "2026-11-29 04:30:02Z",
                "2026-11-29T04:30:02ZZ", "2026-11-29T04:30:02+0800", "2026-11-29T04:30:02+18:00", "", "not a time",
                "２０２６-11-29T04:30:02Z", "2026-11-29T04:30:02.٣Z", "-2026-11-29T04:30:02Z", "2024-02-29T00:00:00Z");
        for (String t : texts) {
            assertThat(ours(t)).as(t).isEqualTo(formatter(t));
        }
        assertThat(Rfc3339.fast("2026-11-29t04:30:02z")).isNull();
        assertThat(Rfc3339.fast("2026-02-30T00:00:00Z")).isNull();
        assertThatThrownBy(() -> Rfc3339.parse("2026-02-30T00:00:00Z")).isInstanceOf(DateTimeParseException.class);
    }

    @Test
    void mutatedTimesGetTheFormattersAnswer() {
        String[] seeds = {"2026-11-29T04:30:02.819723422Z", "2026-11-29T12:30:02+08:00", "0001-01-01T00:00:00Z",
                "1999-12-31T23:59:59.9-11:45"};
        String alphabet = "0123456789-:.TZ+ tz9";
        Random r = new Random(3339);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder t = new StringBuilder(seeds[r.nextInt(seeds.length)]);
            for (int m = r.nextInt(3); m >= 0; m--) {
                int at = r.nextInt(t.length());
                switch (r.nextInt(3)) {
                    case 0 -> t.setCharAt(at, alphabet.charAt(r.nextInt(alphabet.length())));
                    case 1 -> t.deleteCharAt(at);
                    default -> t.insert(at, alphabet.charAt(r.nextInt(alphabet.length())));
                }
            }
            String text = t.toString();
            assertThat(ours(text)).as(text).isEqualTo(formatter(text));
        }
    }

    @Test
    void instantTextIsTheInstantsOwnTextAndTheRunHourTheFormattersPattern() {
        Random r = new Random(8601);
        java.time.format.DateTimeFormatter hour = java.time.format.DateTimeFormatter.ofPattern("yyyyMMddHH");
        int[] nanos = {0, 1, 999_999_999, 5_000_000, 120_000, 819_723_422, 1_000, 100_000_000};
        for (int i = 0; i < 20_000; i++) {
            java.time.LocalDateTime t = java.time.LocalDateTime.of(r.nextInt(i % 100 == 0 ? 30_000 : 10_000) - (i % 97 == 0 ? 20_000 : 0),
                    1 + r.nextInt(12), 1 + r.nextInt(28), r.nextInt(24), r.nextInt(60), r.nextInt(60),
                    i % 3 == 0 ? nanos[r.nextInt(nanos.length)] : r.nextInt(1_000_000_000));
            assertThat(Rfc3339.instantText(t)).isEqualTo(t.toInstant(ZoneOffset.UTC).toString());
            if (t.getYear() > 0) {
                assertThat(WebhookRuns.hour(t)).isEqualTo(hour.format(t));
            }
        }
        assertThat(Rfc3339.instantText(java.time.LocalDateTime.of(2026, 11, 29, 4, 30, 2))).isEqualTo("2026-11-29T04:30:02Z");
        assertThat(Rfc3339.instantText(java.time.LocalDateTime.of(2026, 11, 29, 4, 30, 2, 819_000_000)))
                .isEqualTo("2026-11-29T04:30:02.819Z");
        assertThat(WebhookRuns.hour(java.time.LocalDateTime.of(2026, 1, 2, 3, 4))).isEqualTo("2026010203");
    }
}
