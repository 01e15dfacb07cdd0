package dev.byocfleet.analysis;

import dev.byocfleet.api.InvalidParameterException;
import dev.byocfleet.fleet.FleetService;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Scope of the usage patterns: one cluster, or the fleet narrowed by tier, region and cluster
 * type (combined with AND); {@code days} overrides the configured window.
 */
public record UsageQuery(@Nullable String clusterId, @Nullable String tier, @Nullable String region,
                         @Nullable String type, @Nullable Integer days) {

    static final int MAX_DAYS = 60;

    public static UsageQuery of(@Nullable String clusterId, @Nullable String tier, @Nullable String region,
                                @Nullable String type, @Nullable Integer days) {
        String id = blankToNull(clusterId);
        if (id != null && id.length() > FleetService.MAX_CLUSTER_ID_LENGTH) {
            throw new InvalidParameterException("cluster_id", "a cluster id has 1 to "
                    + FleetService.MAX_CLUSTER_ID_LENGTH + " characters");
        }
        if (id != null && (tier != null || region != null || type != null)) {
            throw new InvalidParameterException("cluster_id", "cluster_id cannot be combined with tier, region or type");
        }
        if (days != null && (days < 1 || days > MAX_DAYS)) {
            throw new InvalidParameterException("days", "days must be between 1 and " + MAX_DAYS);
        }
        return new UsageQuery(id, upper(tier), blankToNull(region), upper(type), days);
    }

    private static @Nullable String upper(@Nullable String s) {
        String v = blankToNull(s);
        return v == null ? null : v.toUpperCase(Locale.ROOT);
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
