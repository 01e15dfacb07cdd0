package dev.byocfleet.agents;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The agents' settings ({@code byoc.agents.*}).
 *
 * @param scheduleEnabled     run the Sentinel (then the Investigator) and the Patrol on their schedules
 * @param sentinelInterval    how often the Sentinel looks (15 minutes)
 * @param alertLookback       how far back a Sentinel pass looks for new alerts; longer than the interval
 *                            so a late pass misses nothing (the cooldown keeps it from doubling tasks)
 * @param cooldown            one task per (cluster, trigger) within this
 * @param cliffPoints         a health drop of more than this many points is a cliff
 * @param cliffWindowHours    ... within this many hours
 * @param stormAlertsPerHour  more firing alerts than this on one cluster within an hour is a storm
 * @param investigateBatch    tasks the Investigator takes after each Sentinel pass
 * @param patrolCron          the Patrol's schedule (UTC), twice a day by default
 * @param patrolChannelId     a notification channel (settings) the Patrol posts its card to; none when null
 */
@ConfigurationProperties("byoc.agents")
public record AgentsProperties(
        @Nullable Boolean scheduleEnabled,
        @Nullable Duration sentinelInterval,
        @Nullable Duration alertLookback,
        @Nullable Duration cooldown,
        @Nullable Double cliffPoints,
        @Nullable Integer cliffWindowHours,
        @Nullable Integer stormAlertsPerHour,
        @Nullable Integer investigateBatch,
        @Nullable String patrolCron,
        @Nullable String patrolChannelId) {

    public AgentsProperties {
        scheduleEnabled = scheduleEnabled == null || scheduleEnabled;
        sentinelInterval = sentinelInterval == null ? Duration.ofMinutes(15) : sentinelInterval;
        alertLookback = alertLookback == null ? Duration.ofHours(1) : alertLookback;
        cooldown = cooldown == null ? Duration.ofHours(6) : cooldown;
        cliffPoints = cliffPoints == null ? 15.0 : cliffPoints;
        cliffWindowHours = cliffWindowHours == null ? 6 : cliffWindowHours;
        stormAlertsPerHour = stormAlertsPerHour == null ? 5 : stormAlertsPerHour;
        investigateBatch = investigateBatch == null ? 20 : investigateBatch;
        patrolCron = patrolCron == null ? "0 0 6,18 * * *" : patrolCron;
        patrolChannelId = patrolChannelId == null || patrolChannelId.isBlank() ? null : patrolChannelId;
    }

    /** The defaults. */
    public static AgentsProperties defaults() {
        return new AgentsProperties(null, null, null, null, null, null, null, null, null, null);
    }
}
