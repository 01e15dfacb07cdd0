package dev.byocfleet.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.byocfleet.api.InvalidParameterException;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AlertQueryTest {

    @Test
    void defaultsToTheNewestFiftyReceived() {
        AlertQuery q = AlertServiceTest.query("");
        assertThat(q.sort()).isEqualTo(AlertQuery.SortField.RECEIVED_AT);
        assertThat(q.descending()).isTrue();
        assertThat(q.size()).isEqualTo(50);
        assertThat(q.sources()).isEmpty();
        assertThat(q.unparsed()).isNull();
    }

    @Test
    void readsTimesWithAnOffsetWithoutOneOrAsADateAllAsUtc() {
        assertThat(AlertQuery.time("from", "2026-11-29T12:30:00+08:00")).isEqualTo(LocalDateTime.of(2026, 11, 29, 4, 30));
        assertThat(AlertQuery.time("from", "2026-11-29T04:30:00.5Z")).isEqualTo(LocalDateTime.of(2026, 11, 29, 4, 30, 0, 500_000_000));
        assertThat(AlertQuery.time("from", "2026-11-29T04:30")).isEqualTo(LocalDateTime.of(2026, 11, 29, 4, 30));
        assertThat(AlertQuery.time("from", "2026-11-29")).isEqualTo(LocalDateTime.of(2026, 11, 29, 0, 0));
        assertThat(AlertQuery.time("from", " ")).isNull();
    }

    @Test
    void listsAreTrimmedLowerCasedAndDeduplicated() {
        AlertQuery q = AlertServiceTest.query("source= Grafana ,alertmanager,grafana,&status=FIRING&severity=critical,info");
        assertThat(q.sources()).containsExactly("grafana", "alertmanager");
        assertThat(q.statuses()).containsExactly("firing");
        assertThat(q.severities()).containsExactly("critical", "info");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
            "size=0; size", "size=201; size", "page=-1; page", "sort=password; sort", "sort=severity,up; sort",
            "sort=severity,asc,desc; sort", "from=yesterday; from", "to=2026-13-01; to",
            "from=2026-11-29&to=2026-11-29; to", "from=2026-11-30&to=2026-11-29; to", "from=-999999999-01-01; from",
            "to=+10000-01-01T00:00:00Z; to", "status=pending; status",
            "status=firing,open; status", "severity=high; severity", "tier=C; tier", "source=bad source; source",
            "source=a'b; source", "q=" + "x" + "; none"})
    void rejectsBadParametersNamingThem(String params, String parameter) {
        if (parameter.equals("none")) {
            assertThat(AlertServiceTest.query(params)).isNotNull();
            return;
        }
        assertThatThrownBy(() -> AlertServiceTest.query(params)).isInstanceOfSatisfying(InvalidParameterException.class,
                e -> assertThat(e.parameter()).isEqualTo(parameter));
    }

    @Test
    void rejectsOverlongTextAndIds() {
        assertThatThrownBy(() -> AlertServiceTest.query("q=" + "x".repeat(129)))
                .isInstanceOfSatisfying(InvalidParameterException.class, e -> assertThat(e.parameter()).isEqualTo("q"));
        assertThatThrownBy(() -> AlertServiceTest.query("cluster_id=" + "c".repeat(65)))
                .isInstanceOfSatisfying(InvalidParameterException.class, e -> assertThat(e.parameter()).isEqualTo("cluster_id"));
        assertThatThrownBy(() -> AlertServiceTest.query("org_id=" + "o".repeat(65)))
                .isInstanceOfSatisfying(InvalidParameterException.class, e -> assertThat(e.parameter()).isEqualTo("org_id"));
    }
}
