package dev.byocfleet.issues;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Grouping and lifecycle rules ({@code byoc.issues.*}).
 *
 * @param groupingKey   the alert fields whose values make an issue's key: {@code cluster},
 *                      {@code alert_name}, {@code node}, {@code severity}, {@code source} or
 *                      {@code label:<name>}; default cluster + alert_name
 * @param reopenWindow  a firing alert this soon after its issue resolved reopens it; later it opens
 *                      a new issue (default 6 h)
 * @param resolveTtl    an active issue with no firing alert for this long resolves by itself; covers
 *                      senders that never send a resolve (default 24 h)
 * @param closeAfter    a resolved issue closes after this quiet period (default 3 days)
 * @param stormSize     this many issues opened on one cluster in one clock hour are an alert storm
 *                      and are linked to each other (default 3)
 * @param scheduleEnabled whether the lifecycle sweep and the AI issue grouping run on a schedule
 */
@ConfigurationProperties("byoc.issues")
public record IssueProperties(List<String> groupingKey, Duration reopenWindow, Duration resolveTtl,
                              Duration closeAfter, Integer stormSize, Boolean scheduleEnabled) {

    public IssueProperties {
        groupingKey = groupingKey == null || groupingKey.isEmpty() ? List.of("cluster", "alert_name") : List.copyOf(groupingKey);
        reopenWindow = reopenWindow == null ? Duration.ofHours(6) : reopenWindow;
        resolveTtl = resolveTtl == null ? Duration.ofHours(24) : resolveTtl;
        closeAfter = closeAfter == null ? Duration.ofDays(3) : closeAfter;
        stormSize = stormSize == null ? 3 : stormSize;
        scheduleEnabled = scheduleEnabled == null || scheduleEnabled;
        GroupingKeys.check(groupingKey);
        if (reopenWindow.isNegative() || resolveTtl.isNegative() || resolveTtl.isZero() || closeAfter.isNegative()) {
            throw new IllegalArgumentException("byoc.issues: reopen-window, resolve-ttl and close-after must be positive");
        }
        if (stormSize < 2) {
            throw new IllegalArgumentException("byoc.issues.storm-size must be at least 2");
        }
    }

    static IssueProperties defaults() {
        return new IssueProperties(null, null, null, null, null, null);
    }
}
