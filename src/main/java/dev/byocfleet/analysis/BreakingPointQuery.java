package dev.byocfleet.analysis;

import dev.byocfleet.api.InvalidParameterException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Filters of the breaking-point table, validated.
 *
 * @param statuses   statuses to list; default breached and breach
 * @param withinDays only crossings (central estimate) at most this many days after "as of"
 */
public record BreakingPointQuery(@Nullable String metric, @Nullable String tier, @Nullable String region,
                                 @Nullable String type, List<String> statuses, @Nullable Double withinDays,
                                 int limit, int offset) {

    static final List<String> STATUSES = List.of("breached", "breach", "no_breach", "insufficient_data");
    static final int MAX_LIMIT = 500;

    public static BreakingPointQuery of(@Nullable String metric, @Nullable String tier, @Nullable String region,
                                        @Nullable String type, @Nullable String status, @Nullable Double withinDays,
                                        int limit, int offset) {
        if (metric != null && CapacityMetric.byName(metric).isEmpty()) {
            throw new InvalidParameterException("metric", "metric must be one of " + CapacityMetric.names());
        }
        List<String> statuses;
        if (status == null || status.isBlank()) {
            statuses = List.of("breached", "breach");
        } else if (status.equalsIgnoreCase("all")) {
            statuses = STATUSES;
        } else {
            statuses = Arrays.stream(status.split(",")).map(s -> s.trim().toLowerCase(Locale.ROOT)).toList();
            if (!STATUSES.containsAll(statuses)) {
                throw new InvalidParameterException("status", "status must be 'all' or a comma-separated list of " + STATUSES);
            }
        }
        if (withinDays != null && withinDays < 0) {
            throw new InvalidParameterException("within_days", "within_days must be 0 or more");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidParameterException("limit", "limit must be between 1 and " + MAX_LIMIT);
        }
        if (offset < 0) {
            throw new InvalidParameterException("offset", "offset must be 0 or more");
        }
        return new BreakingPointQuery(metric, tier == null || tier.isBlank() ? null : tier.trim().toUpperCase(Locale.ROOT), blankToNull(region),
                type == null || type.isBlank() ? null : type.trim().toUpperCase(Locale.ROOT), statuses, withinDays, limit,
                offset);
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
