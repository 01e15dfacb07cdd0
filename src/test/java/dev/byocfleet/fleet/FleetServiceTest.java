package dev.byocfleet.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.byocfleet.api.UnauthorizedException;
import dev.byocfleet.auth.AccessGuard;
import dev.byocfleet.auth.Role;
import dev.byocfleet.support.SignedIn;
import dev.byocfleet.support.TestStore;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.jdbc.core.simple.JdbcClient;

class FleetServiceTest {

    @Test
    void emptyStoreGivesAnEmptySummaryAndNoClusters() {
        try (TestStore store = new TestStore(); SignedIn viewer = SignedIn.as(Role.VIEWER)) {
            FleetService fleet = fleetOn(store);

            FleetSummary summary = fleet.summary();
            assertThat(summary.organizations()).isZero();
            assertThat(summary.clusters()).isZero();
            assertThat(summary.nodes()).isEqualTo(new FleetSummary.NodeCounts(0, 0, 0, 0));
            assertThat(summary.clustersByState()).isEmpty();
            assertThat(summary.ccuThisWeek()).isZero();
            assertThat(summary.ccuLastWeek()).isZero();
            assertThat(summary.usdThisWeek()).isZero();
            assertThat(summary.weekStart()).isNull();
            assertThat(summary.dataThrough()).isNull();

            ClusterPage page = fleet.clusters(ClusterQuery.of(0, 25, null, null, null, null, null, null, null, null));
            assertThat(page.items()).isEmpty();
            assertThat(page.total()).isZero();
            assertThat(fleet.cluster("c-1")).isEmpty();
        }
    }

    @Test
    void readingTheFleetNeedsASignedInUser() {
        try (TestStore store = new TestStore()) {
            assertThatThrownBy(() -> fleetOn(store).summary()).isInstanceOf(UnauthorizedException.class);
        }
    }

    private static FleetService fleetOn(TestStore store) {
        return new FleetService(new FleetRepository(JdbcClient.create(store.dataSource())),
                FleetFiguresTest.directory(JdbcClient.create(store.dataSource())), new AccessGuard(), Runnable::run);
    }

    @ParameterizedTest
    @CsvSource({"3.3.7, 3.3", "3.3, 3.3", "3.3.7-ee, 3.3", "v3.2.11, 3.2", "3, 3", "main-nightly, main-nightly"})
    void versionsGroupByMajorMinor(String version, String expected) {
        assertThat(FleetService.majorMinor(version)).isEqualTo(expected);
    }

    @Test
    void missingVersionHasNoMajorMinor() {
        assertThat(FleetService.majorMinor(null)).isNull();
        assertThat(FleetService.majorMinor(" ")).isNull();
    }

    @Test
    void versionsOrderNumericallyWithTextLast() {
        List<String> sorted = Stream.of("3.10", "unknown", "3.9", "2.5", "3.3").sorted(FleetService::compareVersions).toList();
        assertThat(sorted).containsExactly("2.5", "3.3", "3.9", "3.10", "unknown");
    }
}
