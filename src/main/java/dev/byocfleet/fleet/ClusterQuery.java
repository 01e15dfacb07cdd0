package dev.byocfleet.fleet;

import dev.byocfleet.api.InvalidParameterException;
import dev.byocfleet.api.ListParameters;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A page of the fleet list: filters, sort and paging, already checked. Invalid input fails with
 * {@link InvalidParameterException} naming the parameter as the API spells it.
 *
 * @param text    case-insensitive substring of the cluster name, cluster id or organization name
 * @param state   cluster state, case-insensitive (RUNNING)
 * @param type    cluster type, case-insensitive (CLASSIC, ELASTIC)
 * @param tier    customer tier: S, A or B
 * @param version version prefix by whole components: "3.3" matches "3.3" and "3.3.7", not "3.30.1"
 */
public record ClusterQuery(
        int page,
        int size,
        SortField sort,
        boolean descending,
        @Nullable String text,
        @Nullable String state,
        @Nullable String type,
        @Nullable String tier,
        @Nullable String version,
        @Nullable String region,
        @Nullable String orgId) {

    public static final int DEFAULT_SIZE = 25;
    public static final int MAX_SIZE = 200;
    static final int MAX_FILTER_LENGTH = 128;
    static final Set<String> TIERS = Set.of("S", "A", "B");

    /** The fields the list can be sorted by, as the API names them. */
    public enum SortField {
        CLUSTER_NAME, CLUSTER_STATE, CLUSTER_TYPE, CLUSTER_VERSION, REGION, TIER, ORG_NAME, CREATED_AT,
        CCU_7D, FE_COUNT, BE_COUNT, CN_COUNT;

        public String apiName() {
            return ListParameters.apiName(this);
        }
    }

    public ClusterQuery {
        ListParameters.checkPage(page, size, MAX_SIZE, sort);
        text = filter("q", text);
        state = upper(filter("state", state));
        type = upper(filter("type", type));
        tier = upper(filter("tier", tier));
        version = filter("version", version);
        region = filter("region", region);
        orgId = filter("org_id", orgId);
        if (tier != null && !TIERS.contains(tier)) {
            throw new InvalidParameterException("tier", "tier must be one of S, A, B");
        }
    }

    /** The API form: {@code sort} is {@code field}, {@code field,asc} or {@code field,desc}; null means by name. */
    public static ClusterQuery of(int page, int size, @Nullable String sort, @Nullable String q, @Nullable String state,
                                  @Nullable String type, @Nullable String tier, @Nullable String version,
                                  @Nullable String region, @Nullable String orgId) {
        ListParameters.Sort<SortField> order = ListParameters.sort(sort, SortField.class,
                new ListParameters.Sort<>(SortField.CLUSTER_NAME, false));
        return new ClusterQuery(page, size, order.field(), order.descending(), q, state, type, tier, version, region, orgId);
    }

    public long offset() {
        return (long) page * size;
    }

    private static @Nullable String filter(String parameter, @Nullable String value) {
        return ListParameters.text(parameter, value, MAX_FILTER_LENGTH);
    }

    private static @Nullable String upper(@Nullable String value) {
        return value == null ? null : value.toUpperCase(Locale.ROOT);
    }
}
