package dev.byocfleet.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.byocfleet.api.InvalidParameterException;
import dev.byocfleet.knowledge.VersionRanges.Interval;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class VersionRangesTest {

    private static boolean affects(List<String> affected, List<String> fixed, String version) {
        Interval v = VersionRanges.parseQuery(version);
        return VersionRanges.effective(affected, fixed).stream().anyMatch(i -> i.intersects(v));
    }

    @ParameterizedTest(name = "{0} with fix {1} at {2}: {3}")
    @CsvSource(delimiter = ';', value = {
            "*;              ;        3.3.2;  true",
            "3.3;            ;        3.3.7;  true",
            "3.3;            ;        3.4.0;  false",
            "3.3.2;          ;        3.3.2;  true",
            "3.3.2;          ;        3.3.3;  false",
            "3.3.0-3.3.5;    3.3.6;   3.3.5;  true",
            "3.3.0-3.3.5;    3.3.6;   3.3.6;  false",
            ">=3.5.0 <3.5.20; 3.5.20; 3.5.19; true",
            ">=3.5.0 <3.5.20; 3.5.20; 3.5.20; false",
            "<3.3.0;         3.3.0;   3.2.9;  true",
            "<3.3.0;         3.3.0;   3.3.0;  false",
            "*;              3.3.4;   3.3.9;  false",
            "*;              3.3.4;   3.3.3;  true",
            "*;              3.3.4;   3.4.1;  true",
            "3.5.x;          ;        3.5.1;  true",
            "3;              ;        3.1.2;  true",
            "3;              ;        2.5.3;  false",
            ">=2.4;          ;        2.3.9;  false",
            "<=3.1;          ;        3.1.14; true"})
    void appliesToAVersionWhenARangeHoldsItAndNoFixOnItsLineCameBefore(String affected, String fixed, String version,
                                                                       boolean expected) {
        assertThat(affects(List.of(affected.strip()), fixed == null ? List.of() : List.of(fixed.strip()), version.strip()))
                .isEqualTo(expected);
    }

    @Test
    void aReleaseLineQueryMatchesAnyOfItsPatches() {
        assertThat(affects(List.of("3.3.0-3.3.3"), List.of("3.3.4"), "3.3")).isTrue();
        assertThat(affects(List.of("3.3.0-3.3.3"), List.of("3.3.4"), "3.4")).isFalse();
    }

    @Test
    void queryVersionsMayCarryAPrefixOrSuffix() {
        assertThat(VersionRanges.parseQuery("v3.3.7-ee")).isEqualTo(VersionRanges.parseQuery("3.3.7"));
    }

    @Test
    void badRangesAndVersionsNameTheField() {
        assertThatThrownBy(() -> VersionRanges.parseRange("newest"))
                .isInstanceOf(InvalidParameterException.class)
                .extracting(e -> ((InvalidParameterException) e).parameter()).isEqualTo("affected_versions");
        assertThatThrownBy(() -> VersionRanges.parseRange(">=3.4 <3.3")).hasMessageContaining("empty");
        assertThatThrownBy(() -> VersionRanges.parseQuery("latest"))
                .extracting(e -> ((InvalidParameterException) e).parameter()).isEqualTo("version");
    }
}
