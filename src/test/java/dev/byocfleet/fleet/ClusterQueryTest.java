package dev.byocfleet.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.byocfleet.api.InvalidParameterException;
import dev.byocfleet.fleet.ClusterQuery.SortField;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ClusterQueryTest {

    @Test
    void sortsByNameAscendingWhenNoSortIsGiven() {
        ClusterQuery q = query(0, 25, null);
        assertThat(q.sort()).isEqualTo(SortField.CLUSTER_NAME);
        assertThat(q.descending()).isFalse();
    }

    @ParameterizedTest
    @CsvSource({"'ccu_7d,desc', CCU_7D, true", "'tier', TIER, false", "' Org_Name , ASC ', ORG_NAME, false"})
    void readsSortFieldAndDirectionCaseInsensitively(String sort, SortField field, boolean descending) {
        ClusterQuery q = query(0, 25, sort);
        assertThat(q.sort()).isEqualTo(field);
        assertThat(q.descending()).isEqualTo(descending);
    }

    @ParameterizedTest
    @CsvSource({"'cluster_name; DROP TABLE x', sort", "'c.cluster_name', sort", "'cluster_name,', sort",
            "'cluster_name,up', sort", "'cluster_name,asc,desc', sort"})
    void rejectsSortsOutsideTheAllowList(String sort, String parameter) {
        assertThatThrownBy(() -> query(0, 25, sort))
                .isInstanceOfSatisfying(InvalidParameterException.class, e -> assertThat(e.parameter()).isEqualTo(parameter));
    }

    @ParameterizedTest
    @CsvSource({"-1, 25, page", "0, 0, size", "0, 201, size"})
    void rejectsPagesAndSizesOutOfRange(int page, int size, String parameter) {
        assertThatThrownBy(() -> query(page, size, null))
                .isInstanceOfSatisfying(InvalidParameterException.class, e -> assertThat(e.parameter()).isEqualTo(parameter));
    }

    @Test
    void acceptsTheLargestPageSize() {
        assertThat(query(3, ClusterQuery.MAX_SIZE, null).offset()).isEqualTo(600);
    }

    @Test
    void normalisesFiltersAndDropsBlankOnes() {
        ClusterQuery q = ClusterQuery.of(0, 25, null, "  Acme ", "running", "elastic", "s", " ", "", null);
        assertThat(q.text()).isEqualTo("Acme");
        assertThat(q.state()).isEqualTo("RUNNING");
        assertThat(q.type()).isEqualTo("ELASTIC");
        assertThat(q.tier()).isEqualTo("S");
        assertThat(q.version()).isNull();
        assertThat(q.region()).isNull();
    }

    @Test
    void rejectsAnUnknownTier() {
        assertThatThrownBy(() -> ClusterQuery.of(0, 25, null, null, null, null, "platinum", null, null, null))
                .isInstanceOfSatisfying(InvalidParameterException.class, e -> assertThat(e.parameter()).isEqualTo("tier"));
    }

    @Test
    void rejectsAnOverlongFilterNamingIt() {
        String longId = "o".repeat(ClusterQuery.MAX_FILTER_LENGTH + 1);
        assertThatThrownBy(() -> ClusterQuery.of(0, 25, null, null, null, null, null, null, null, longId))
                .isInstanceOfSatisfying(InvalidParameterException.class, e -> assertThat(e.parameter()).isEqualTo("org_id"));
    }

    private static ClusterQuery query(int page, int size, String sort) {
        return ClusterQuery.of(page, size, sort, null, null, null, null, null, null, null);
    }
}
