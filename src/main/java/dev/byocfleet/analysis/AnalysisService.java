package dev.byocfleet.analysis;

import dev.byocfleet.api.InvalidParameterException;
import dev.byocfleet.api.NotFoundException;
import dev.byocfleet.fleet.FleetService;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Capacity analysis of the fleet: breaking-point forecasts with their back-test, and usage
 * patterns. "As of" is the newest snapshot hour, never the wall clock.
 */
@Service
public class AnalysisService {

    private static final Logger log = LoggerFactory.getLogger(AnalysisService.class);

    private final ForecastRepository forecasts;
    private final BreakingPoints breakingPoints;
    private final ForecastBacktest backtest;
    private final UsagePatterns usage;
    private final AnalysisProperties props;
    private final TransactionTemplate tx;
    /** Read models change only when forecasts or a back-test are stored; the expiry covers other instances. */
    private final Cache<Object, Object> views = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofSeconds(60)).maximumSize(512).build();
    /**
     * The nearest breaches of the forecasts this instance stored last, so risk, which follows every
     * pass, takes them from memory instead of reading back what was just written.
     */
    private volatile @Nullable StoredBreaches lastStored;

    private record StoredBreaches(LocalDateTime computedAt, Map<String, Forecast> nearest) {
    }

    AnalysisService(ForecastRepository forecasts, BreakingPoints breakingPoints, ForecastBacktest backtest,
                    UsagePatterns usage, AnalysisProperties props, TransactionTemplate tx) {
        this.forecasts = forecasts;
        this.breakingPoints = breakingPoints;
        this.backtest = backtest;
        this.usage = usage;
        this.props = props;
        this.tx = tx;
    }

    /** Forecasts every capacity series at {@code asOf} (default: the newest snapshot hour) and stores them. */
    public synchronized Optional<ForecastRun> refreshForecasts(@Nullable LocalDateTime asOf) {
        long started = System.nanoTime();
        Optional<LocalDateTime> at = asOf != null ? Optional.of(asOf) : forecasts.newestSnapshotHour();
        if (at.isEmpty()) {
            return Optional.empty();
        }
        List<Forecast> all = breakingPoints.forecastFleet(at.get());
        long stored = System.nanoTime();
        lastStored = null;
        tx.executeWithoutResult(s -> forecasts.replaceForecasts(at.get(), all, at.get().minusDays(props.keepDays())));
        lastStored = new StoredBreaches(at.get(), Map.copyOf(BreakingPoints.nearestBreaches(all)));
        views.invalidateAll();
        log.debug("forecasts: {} stored in {} ms", all.size(), (System.nanoTime() - stored) / 1_000_000);
        Map<String, Long> byStatus = all.stream().collect(Collectors.groupingBy(Forecast::status, TreeMap::new,
                Collectors.counting()));
        ForecastRun run = new ForecastRun(at.get(), all.size(), byStatus, (System.nanoTime() - started) / 1_000_000);
        log.info("forecasts: {} series as of {} {} in {} ms", run.series(), run.asOf(), run.byStatus(), run.millis());
        return Optional.of(run);
    }

    /** Refreshes the forecasts when the newest ones are more than {@code refresh-hours} older than {@code asOf}. */
    public synchronized Optional<ForecastRun> refreshForecastsIfStale(LocalDateTime asOf) {
        Optional<LocalDateTime> latest = forecasts.latestComputedAt();
        if (latest.isPresent() && latest.get().isAfter(asOf.minusHours(props.refreshHours()))) {
            return Optional.empty();
        }
        return refreshForecasts(asOf);
    }

    /** Days of daily peaks the trends are fitted on. */
    public int lookbackDays() {
        return props.lookbackDays();
    }

    /** Per cluster, its nearest critical crossing in the newest forecasts (breached or forecast). */
    public Map<String, Forecast> nearestBreaches() {
        Optional<LocalDateTime> latest = forecasts.latestComputedAt();
        StoredBreaches last = lastStored;
        if (last != null && latest.isPresent() && last.computedAt().equals(latest.get())) {
            return last.nearest();
        }
        return latest.map(forecasts::nearestBreaches).orElse(Map.of());
    }

    /**
     * Forgets the newest {@code hours} hours of the hourly values kept between fleet forecasts, so the
     * next refresh reads them again: a benchmark round that forecasts the same hour again thus reads
     * what the app's refresh {@code refresh-hours} after the last one reads.
     */
    public void forgetNewestCapacityHours(int hours) {
        breakingPoints.capacityHours().forgetNewest(hours);
    }

    /**
     * Has the next refresh check the hourly values held against a fingerprint of the whole window, as
     * the app's refresh does once a day and after a write of unknown extent (see {@link CapacityHours}).
     */
    public void verifyCapacityHoursNext() {
        breakingPoints.capacityHours().verifyNext();
    }

    /** Hours between the app's forecast refreshes. */
    public int refreshHours() {
        return props.refreshHours();
    }

    /** Forgets what the last refresh kept in memory (after the stored forecasts were deleted behind this service). */
    public void forgetLastRefresh() {
        lastStored = null;
    }

    public BreakingPointTable breakingPoints(BreakingPointQuery query) {
        return (BreakingPointTable) views.get(query, k -> table(query));
    }

    private BreakingPointTable table(BreakingPointQuery query) {
        Optional<LocalDateTime> at = forecasts.latestComputedAt();
        if (at.isEmpty()) {
            return new BreakingPointTable(null, props.horizonDays(), Map.of(), 0, query.limit(), query.offset(), List.of());
        }
        return new BreakingPointTable(at.get(), props.horizonDays(), forecasts.countsByStatus(at.get(), query),
                forecasts.countTable(at.get(), query), query.limit(), query.offset(), forecasts.table(at.get(), query));
    }

    /**
     * One cluster's forecasts with what a chart needs; the hourly values of the lookback only when
     * asked for, since they are the one part that reads the snapshot table.
     */
    public ClusterBreakingPoint clusterBreakingPoint(String clusterId, @Nullable String metric, boolean withHourly) {
        if (clusterId == null || clusterId.isBlank() || clusterId.length() > FleetService.MAX_CLUSTER_ID_LENGTH) {
            throw new InvalidParameterException("cluster_id", "a cluster id has 1 to "
                    + FleetService.MAX_CLUSTER_ID_LENGTH + " characters");
        }
        if (metric != null && CapacityMetric.byName(metric).isEmpty()) {
            throw new InvalidParameterException("metric", "metric must be one of " + CapacityMetric.names());
        }
        return (ClusterBreakingPoint) views.get("cluster|" + clusterId + "|" + metric + "|" + withHourly,
                k -> chart(clusterId, metric, withHourly));
    }

    private ClusterBreakingPoint chart(String clusterId, @Nullable String metric, boolean withHourly) {
        String name = forecasts.clusterName(clusterId)
                .orElseThrow(() -> new NotFoundException("No cluster with id '" + clusterId + "'."));
        Optional<LocalDateTime> at = forecasts.latestComputedAt();
        if (at.isEmpty()) {
            return new ClusterBreakingPoint(clusterId, name, null, List.of());
        }
        Map<CapacityMetric, List<String>> series = new java.util.EnumMap<>(CapacityMetric.class);
        for (CapacityMetric m : CapacityMetric.values()) {
            if (metric == null || metric.equals(m.metricName())) {
                series.put(m, List.of(clusterId));
            }
        }
        Map<String, List<ForecastRepository.HourlyValue>> hourly = !withHourly ? Map.of() : forecasts
                .hourly(series, at.get().minusDays(props.lookbackDays()), at.get()).stream()
                .collect(Collectors.groupingBy(ForecastRepository.HourlyValue::metricName));
        List<ClusterBreakingPoint.MetricChart> charts = new ArrayList<>();
        for (Forecast f : forecasts.forecastsOf(clusterId, at.get())) {
            CapacityMetric m = CapacityMetric.byName(f.metricName()).orElseThrow();
            if (series.containsKey(m)) {
                charts.add(new ClusterBreakingPoint.MetricChart(m.metricName(), m.metric().unit(), m.hourlyStatistic(),
                        m.warn(), m.crit(), f, ForecastCharts.dailyPeaks(f),
                        ForecastCharts.hourly(hourly.getOrDefault(m.metricName(), List.of())), ForecastCharts.trend(f)));
            }
        }
        return new ClusterBreakingPoint(clusterId, name, at.get(), charts);
    }

    /** The newest stored back-test; runs one first when there is none. */
    public Optional<Backtest> backtest() {
        Backtest stored = (Backtest) views.get("backtest", k -> forecasts.latestBacktest().orElse(null));
        return stored != null ? Optional.of(stored) : runBacktest(null);
    }

    /** Runs and stores a back-test as of {@code asOf} (default: the newest snapshot hour). */
    public synchronized Optional<Backtest> runBacktest(@Nullable LocalDateTime asOf) {
        Optional<LocalDateTime> at = asOf != null ? Optional.of(asOf) : forecasts.newestSnapshotHour();
        if (at.isEmpty()) {
            return Optional.empty();
        }
        Backtest b = backtest.run(at.get(), LocalDateTime.now(java.time.ZoneOffset.UTC).withNano(0));
        forecasts.saveBacktest(b);
        views.invalidateAll();
        log.info("forecast back-test as of {}: {} in {} ms", b.asOf(), b.overall(), b.millis());
        return Optional.of(b);
    }

    /** Runs a back-test when the newest is older than a day of data. */
    public Optional<Backtest> runBacktestIfStale(LocalDateTime asOf) {
        Optional<Backtest> stored = forecasts.latestBacktest();
        if (stored.isPresent() && stored.get().asOf().isAfter(asOf.minusHours(24))) {
            return Optional.empty();
        }
        return runBacktest(asOf);
    }

    public UsageReport usage(UsageQuery query) {
        return usage.report(query);
    }
}
