package dev.byocfleet.recommend;

import dev.byocfleet.metrics.CanonicalMetric;
import dev.byocfleet.recommend.RecommendationRepository.AlertKey;
import dev.byocfleet.recommend.RecommendationRepository.Row;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes {@code alerts.alert_recommendations} for the alerts an ingestion run added: one row per
 * (cluster, alert name, UTC day of the alert's start), source {@code rules}, from the official rule
 * behind the alert name (what it means, what to check first) and the metric dictionary's
 * thresholds. The row id hashes that key, so re-running a run, or another run with the same
 * alerts, adds nothing. Alert names without an official rule get no row. Issues do not exist yet;
 * when they do, the key becomes the issue.
 */
@Service
public class AlertRecommendations {

    public static final String SOURCE = "rules";
    private static final Map<String, String> DOCS = Map.of(
            "A", "StarRocks docs, \"Manage Alerts\"",
            "G", "StarRocks docs, \"Monitor and Alert with Prometheus and Grafana\"");

    private final RecommendationRepository repository;
    private final TransactionTemplate tx;
    private final RuleBook rules = RuleBook.load();

    public AlertRecommendations(RecommendationRepository repository, TransactionTemplate tx) {
        this.repository = repository;
        this.tx = tx;
    }

    /** Writes what is missing for the run's alerts; returns how many rows were new. */
    public int forRun(String runId) {
        Map<String, Row> rows = new LinkedHashMap<>();
        LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
        for (AlertKey key : repository.keysOfRun(runId)) {
            advice(key.alertName(), key.clusterId(), key.day().toString()).ifPresent(text -> {
                String id = id(key);
                rows.putIfAbsent(id, new Row(id, key.clusterId(), key.alertName(), now, SOURCE, text));
            });
        }
        if (rows.isEmpty()) {
            return 0;
        }
        Integer written = tx.execute(status -> {
            var existing = repository.existing(rows.keySet());
            int n = 0;
            for (Row r : rows.values()) {
                if (!existing.contains(r.id())) {
                    repository.insert(r);
                    n++;
                }
            }
            return n;
        });
        return written == null ? 0 : written;
    }

    /** The advice for an alert name, or empty when no official rule has that name. */
    public Optional<String> advice(String alertName, String clusterId, String day) {
        return rules.find(alertName).map(rule -> {
            StringBuilder text = new StringBuilder()
                    .append(alertName).append(" on ").append(clusterId == null ? "an unmapped cluster" : "cluster " + clusterId)
                    .append(" (").append(day).append(", UTC).\n")
                    .append(rule.means()).append('\n');
            List<String> steps = rules.steps(rule);
            if (!steps.isEmpty()) {
                text.append("Check first:\n");
                for (int i = 0; i < steps.size(); i++) {
                    text.append(i + 1).append(". ").append(steps.get(i)).append('\n');
                }
            }
            CanonicalMetric.byName(rule.metric()).ifPresent(m -> text.append(metricLine(m)).append('\n'));
            text.append("Rule: ").append(rule.name()).append(" (").append(DOCS.getOrDefault(rule.doc(), "StarRocks docs"))
                    .append(").");
            return text.toString();
        });
    }

    private static String metricLine(CanonicalMetric m) {
        String line = "Metric " + m.metricName() + " (" + m.description() + ")";
        if (m.warnThreshold() == null || m.critThreshold() == null) {
            return line + ": no fixed threshold; compare with the cluster's own baseline.";
        }
        String side = m.direction() == CanonicalMetric.Direction.LOWER_IS_WORSE ? " below " : " above ";
        String unit = m.unit().equals("%") ? "%" : " " + m.unit();
        return line + ": warning" + side + number(m.warnThreshold()) + unit + ", critical" + side
                + number(m.critThreshold()) + unit + ".";
    }

    private static String number(double v) {
        return new DecimalFormat("#,##0.##", DecimalFormatSymbols.getInstance(Locale.ROOT)).format(v);
    }

    private static String id(AlertKey key) {
        String k = SOURCE + "|" + (key.clusterId() == null ? "" : key.clusterId()) + "|"
                + key.alertName().strip().toLowerCase(Locale.ROOT) + "|" + key.day();
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(k.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
