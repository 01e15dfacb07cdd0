package dev.byocfleet.metrics;

import dev.byocfleet.api.InvalidParameterException;
import dev.byocfleet.api.NotFoundException;
import dev.byocfleet.metrics.ClusterMetrics.Point;
import dev.byocfleet.metrics.ClusterMetrics.Series;
import dev.byocfleet.metrics.MetricSeriesRepository.DictionaryEntry;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * Hourly metrics of one cluster over a time window, from {@code metrics.amv_hourly_snapshots_v1}.
 * Without an end the window ends at the cluster's newest snapshot (data time, not the wall clock),
 * so a replica or a generated fleet reads the same whenever it is asked.
 */
@Service
public class ClusterMetricsService {

    public static final int DEFAULT_HOURS = 24;
    /** Longest window: 31 days of hourly points per metric. */
    public static final int MAX_HOURS = 31 * 24;
    static final int MAX_CLUSTER_ID_LENGTH = 64;

    private final MetricSeriesRepository repository;

    ClusterMetricsService(MetricSeriesRepository repository) {
        this.repository = repository;
    }

    /**
     * @param metrics metric names; null or empty means every metric in the dictionary
     * @param to      last hour of the window; null means the cluster's newest snapshot hour
     * @param hours   window length in hours, 1 to {@link #MAX_HOURS}; null means {@link #DEFAULT_HOURS}
     * @throws NotFoundException when the cluster has no snapshots at all
     */
    public ClusterMetrics clusterMetrics(String clusterId, @Nullable List<String> metrics,
                                         @Nullable LocalDateTime to, @Nullable Integer hours) {
        if (clusterId == null || clusterId.isBlank() || clusterId.length() > MAX_CLUSTER_ID_LENGTH) {
            throw new InvalidParameterException("cluster_id", "a cluster id has 1 to " + MAX_CLUSTER_ID_LENGTH
                    + " characters");
        }
        int window = hours == null ? DEFAULT_HOURS : hours;
        if (window < 1 || window > MAX_HOURS) {
            throw new InvalidParameterException("hours", "hours must be between 1 and " + MAX_HOURS);
        }
        Map<String, DictionaryEntry> dictionary = repository.dictionary();
        Set<String> names = names(metrics, dictionary);
        LocalDateTime end = to != null ? to.truncatedTo(ChronoUnit.HOURS) : repository.newestHour(clusterId)
                .orElseThrow(() -> new NotFoundException("No hourly metric snapshots for cluster '" + clusterId + "'."));
        LocalDateTime start = end.minusHours(window - 1L);
        Map<String, List<Point>> points = repository.points(clusterId, names, start, end);
        List<Series> series = new ArrayList<>();
        for (String name : names) {
            series.add(series(dictionary.get(name), points.getOrDefault(name, List.of())));
        }
        return new ClusterMetrics(clusterId, start, end, series);
    }

    private static Set<String> names(@Nullable List<String> metrics, Map<String, DictionaryEntry> dictionary) {
        if (metrics == null || metrics.isEmpty()) {
            return new LinkedHashSet<>(dictionary.keySet());
        }
        Set<String> names = new LinkedHashSet<>();
        for (String m : metrics) {
            String name = m == null ? "" : m.strip().toLowerCase(Locale.ROOT);
            if (!dictionary.containsKey(name)) {
                throw new InvalidParameterException("metrics", "unknown metric '" + m + "'; known metrics: "
                        + String.join(", ", dictionary.keySet()));
            }
            names.add(name);
        }
        return names;
    }

    static Series series(DictionaryEntry d, List<Point> points) {
        boolean lowerIsWorse = "lower_is_worse".equals(d.direction());
        Double worst = null;
        int warning = 0;
        int critical = 0;
        for (Point p : points) {
            // The same rule as v_hourly_snapshots_v5: an hour's band comes from its max (its min when lower is worse).
            Double hourWorst = lowerIsWorse ? p.min() : p.max();
            if (hourWorst == null) {
                continue;
            }
            double v = hourWorst;
            worst = worst == null ? v : lowerIsWorse ? Math.min(worst, v) : Math.max(worst, v);
            String band = band(v, d.warnThreshold(), d.critThreshold(), lowerIsWorse);
            warning += "warning".equals(band) ? 1 : 0;
            critical += "critical".equals(band) ? 1 : 0;
        }
        Double latest = points.isEmpty() ? null : points.getLast().last();
        return new Series(d.metricName(), d.unit(), d.category(), d.direction(), d.warnThreshold(), d.critThreshold(),
                worst, latest, worst == null ? null : band(worst, d.warnThreshold(), d.critThreshold(), lowerIsWorse),
                warning, critical, points);
    }

    static @Nullable String band(double value, @Nullable Double warn, @Nullable Double crit, boolean lowerIsWorse) {
        if (warn == null && crit == null) {
            return null;
        }
        if (crit != null && (lowerIsWorse ? value <= crit : value >= crit)) {
            return "critical";
        }
        if (warn != null && (lowerIsWorse ? value <= warn : value >= warn)) {
            return "warning";
        }
        return "ok";
    }
}
