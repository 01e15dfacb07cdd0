package dev.byocfleet.ingest.source.lark;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CardTimesTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "2026-11-29T04:30:02Z|2026-11-29T04:30:02",
            "2026-11-29T04:30:02.819723422Z|2026-11-29T04:30:02.819723422",
            "2026-11-29T06:30:02+02:00|2026-11-29T04:30:02",
            "2026-11-29 12:30:02|2026-11-29T04:30:02",
            "2026-11-29 12:30:02 +08:00|2026-11-29T04:30:02",
            "2026-11-29 12:30:02 +0800|2026-11-29T04:30:02",
            "2026-11-29 04:30:02 UTC|2026-11-29T04:30:02",
            "2026-11-29 12:30:02（Asia/Shanghai）|2026-11-29T04:30:02",
            "2026-11-29 12:30:02 (Asia/Shanghai)|2026-11-29T04:30:02",
            "2026-11-29 12:30:02 CST|2026-11-29T04:30:02",
            "2026/11/29 12:30|2026-11-29T04:30",
            "1795926602|2026-11-29T04:30:02",
            "1795926602900|2026-11-29T04:30:02.900"})
    void readsTheFormsCardsPrint(String text, String utc) {
        assertThat(CardTimes.parse(text, SHANGHAI)).contains(LocalDateTime.parse(utc));
    }

    @ParameterizedTest
    @ValueSource(strings = {"yesterday", "2026-13-40 99:99:99", "2026-11-29 12:30:02 Mars/Olympus", "12:30"})
    void refusesWhatIsNotATime(String text) {
        assertThat(CardTimes.parse(text, ZoneOffset.UTC)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"TO BE RESOLVED", "-", "<no value>", "0001-01-01T00:00:00Z", "", "未恢复"})
    void knowsTheWordsForNotEnded(String text) {
        assertThat(CardTimes.notEnded(text)).isTrue();
    }
}
