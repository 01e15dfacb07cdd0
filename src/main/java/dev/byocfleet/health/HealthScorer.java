package dev.byocfleet.health;

import dev.byocfleet.metrics.CanonicalMetric;
import dev.byocfleet.metrics.CanonicalMetric.Direction;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Turns one cluster's window statistics into a score and its explanation. Pure: the repository
 * computes the statistics for the whole fleet in one statement, this only does the arithmetic.
 *
 * <p>A metric's severity grows with how far its worst hourly value went: 0 inside the band,
 * 0.25 at the warning threshold rising to 0.6 at the critical one, then to 1 one band-width past
 * it. It costs {@code weight x severity x (0.5 + 0.5 x min(1, hours outside / persist-hours))}:
 * a single bad hour costs half, a problem that persists the full weight.
 */
final class HealthScorer {

    static final String ABNORMAL = "ABNORMAL";

    /**
     * A metric over the window, from the hourly snapshots (the value per hour follows the
     * dictionary's aggregation); {@code checked} is how many metrics the cluster has in the window.
     */
    record MetricWindow(String clusterId, String metricName, int hours, double maxValue, double minValue,
                        double total, double latest, int badHours, int critHours, int checked) {
    }

    /** A distinct alert that was firing in the window. */
    record FiringAlert(String clusterId, String severity, String alertName, String alertKey) {
    }

    private final HealthProperties props;

    HealthScorer(HealthProperties props) {
        this.props = props;
    }

    HealthScore score(String clusterId, @Nullable String state, List<MetricWindow> metrics, List<FiringAlert> alerts,
                      LocalDateTime asOf) {
        LocalDateTime windowStart = asOf.minusHours(props.windowHours() - 1L);
        if (metrics.isEmpty()) {
            String reason = "no hourly snapshots in the " + props.windowHours() + " h window"
                    + (state == null ? "" : "; cluster state " + state);
            Explanation e = new Explanation(null, HealthScore.NO_DATA, props.windowHours(), Map.of(), List.of(), 0, reason);
            return new HealthScore(clusterId, asOf, windowStart, asOf, null, HealthScore.NO_DATA, e);
        }
        List<Factor> factors = new ArrayList<>();
        int checked = metrics.getFirst().checked();
        for (MetricWindow w : metrics) {
            CanonicalMetric m = CanonicalMetric.byName(w.metricName()).orElse(null);
            if (m == null || m.warnThreshold() == null || m.critThreshold() == null) {
                continue;
            }
            Factor f = metricFactor(m, w);
            if (f != null) {
                factors.add(f);
            }
        }
        if (ABNORMAL.equalsIgnoreCase(state) && props.points(HealthProperties.CLUSTER_STATE) > 0) {
            double p = round1(props.points(HealthProperties.CLUSTER_STATE));
            factors.add(new Factor("availability", HealthProperties.CLUSTER_STATE, null, null, null, null, null, null,
                    "critical", 0, 0, 0, p, p, state));
        }
        factors.addAll(alertFactors(alerts));
        factors.sort(Comparator.comparingDouble(Factor::pointsLost).reversed().thenComparing(Factor::metric));

        Map<String, DimensionScore> dimensions = new LinkedHashMap<>();
        double lost = 0;
        for (String d : props.dimensionCaps().keySet()) {
            double cap = props.cap(d);
            double sum = factors.stream().filter(f -> f.dimension().equals(d)).mapToDouble(Factor::pointsLost).sum();
            double taken = round1(Math.min(cap, sum));
            lost += taken;
            dimensions.put(d, new DimensionScore(cap == 0 ? 100 : round1(100 * (1 - taken / cap)), taken, cap));
        }
        double score = round1(Math.max(0, 100 - lost));
        String status = props.status(score);
        Explanation e = new Explanation(score, status, props.windowHours(), dimensions, List.copyOf(factors), checked, null);
        return new HealthScore(clusterId, asOf, windowStart, asOf, score, status, e);
    }

    private @Nullable Factor metricFactor(CanonicalMetric m, MetricWindow w) {
        boolean higher = m.direction() == Direction.HIGHER_IS_WORSE;
        double worst = "sum".equals(m.aggregation()) ? w.total() : higher ? w.maxValue() : w.minValue();
        double sev = severity(m.direction(), m.warnThreshold(), m.critThreshold(), worst);
        double weight = props.points(m.metricName());
        if (sev <= 0 || weight <= 0) {
            return null;
        }
        double persistence = Math.min(1.0, Math.max(1, w.badHours()) / (double) props.persistHours());
        double lost = round1(weight * sev * (0.5 + 0.5 * persistence));
        if (lost <= 0) {
            return null;
        }
        boolean critical = higher ? worst >= m.critThreshold() : worst <= m.critThreshold();
        return new Factor(m.category(), m.metricName(), m.unit(), m.direction().sqlName(), round3(worst),
                round3(w.latest()), m.warnThreshold(), m.critThreshold(), critical ? "critical" : "warning",
                w.hours(), w.badHours(), w.critHours(), lost, weight, null);
    }

    /**
     * 0 inside the band; 0.25 at the warning threshold, 0.6 at the critical one, 1 one band-width
     * (critical minus warning) past it.
     */
    static double severity(Direction direction, double warn, double crit, double value) {
        double width = Math.abs(crit - warn);
        if (width == 0) {
            return 0;
        }
        double beyondWarn = direction == Direction.HIGHER_IS_WORSE ? value - warn : warn - value;
        if (beyondWarn < 0) {
            return 0;
        }
        double x = beyondWarn / width;
        return x < 1 ? 0.25 + 0.35 * x : 0.6 + 0.4 * Math.min(1, x - 1);
    }

    private List<Factor> alertFactors(List<FiringAlert> alerts) {
        List<Factor> out = new ArrayList<>();
        addAlertFactor(out, alerts, "critical", HealthProperties.ALERTS_CRITICAL, props.criticalAlertPoints());
        addAlertFactor(out, alerts, "warning", HealthProperties.ALERTS_WARNING, props.warningAlertPoints());
        return out;
    }

    private static void addAlertFactor(List<Factor> out, List<FiringAlert> alerts, String severity, String metric,
                                       double each) {
        Set<String> keys = new LinkedHashSet<>();
        Set<String> names = new LinkedHashSet<>();
        for (FiringAlert a : alerts) {
            if (severity.equalsIgnoreCase(a.severity())) {
                keys.add(a.alertKey());
                names.add(a.alertName());
            }
        }
        if (keys.isEmpty() || each <= 0) {
            return;
        }
        double lost = round1(keys.size() * each);
        out.add(new Factor("alert_pressure", metric, "alerts", null, (double) keys.size(), null, null, null,
                severity, 0, 0, 0, lost, lost, String.join(", ", names)));
    }

    static double round1(double v) {
        return Math.round(v * 10) / 10.0;
    }

    private static double round3(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
