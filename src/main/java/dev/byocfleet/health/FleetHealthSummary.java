package dev.byocfleet.health;

import dev.byocfleet.health.FleetHealth.Bucket;
import dev.byocfleet.health.FleetHealth.Mover;
import dev.byocfleet.health.HealthRepository.FleetRow;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The fleet view of the newest scores: distribution, histogram and the movers of the last 24 h. */
final class FleetHealthSummary {

    static final int MOVERS = 10;
    static final int MOVER_HOURS = 24;

    private FleetHealthSummary() {
    }

    static FleetHealth of(HealthRepository repository) {
        Optional<LocalDateTime> latest = repository.latestScoredAt();
        if (latest.isEmpty()) {
            return new FleetHealth(null, null, 0, 0, null, null, statusCounts(List.of()), histogram(List.of()),
                    new FleetHealth.Movers(List.of(), List.of()), Map.of());
        }
        LocalDateTime asOf = latest.get();
        List<FleetRow> rows = repository.fleetAt(asOf);
        Optional<LocalDateTime> earlier = repository.scoredAtOrBefore(asOf.minusHours(MOVER_HOURS));
        List<FleetRow> previous = earlier.map(repository::fleetAt).orElse(List.of());
        List<Double> scores = rows.stream().map(FleetRow::score).filter(s -> s != null).sorted().toList();
        Double average = scores.isEmpty() ? null
                : HealthScorer.round1(scores.stream().mapToDouble(Double::doubleValue).average().orElse(0));
        Double median = scores.isEmpty() ? null : HealthScorer.round1(median(scores));
        return new FleetHealth(asOf, earlier.orElse(null), rows.size(), scores.size(), average, median,
                statusCounts(rows), histogram(scores), movers(rows, previous), dimensionAverages(rows));
    }

    private static Map<String, Integer> statusCounts(List<FleetRow> rows) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String s : List.of("healthy", "warning", "critical", HealthScore.NO_DATA)) {
            counts.put(s, 0);
        }
        rows.forEach(r -> counts.merge(r.status(), 1, Integer::sum));
        return counts;
    }

    private static List<Bucket> histogram(List<Double> scores) {
        int[] counts = new int[10];
        for (double s : scores) {
            counts[Math.min(9, Math.max(0, (int) Math.floor(s / 10)))]++;
        }
        List<Bucket> buckets = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            buckets.add(new Bucket(i * 10, i * 10 + 10, counts[i]));
        }
        return buckets;
    }

    private static FleetHealth.Movers movers(List<FleetRow> now, List<FleetRow> before) {
        Map<String, FleetRow> prev = before.stream().filter(r -> r.score() != null)
                .collect(Collectors.toMap(FleetRow::clusterId, Function.identity()));
        List<Mover> all = new ArrayList<>();
        for (FleetRow r : now) {
            FleetRow p = prev.get(r.clusterId());
            if (r.score() == null || p == null) {
                continue;
            }
            double change = HealthScorer.round1(r.score() - p.score());
            if (change != 0) {
                all.add(new Mover(r.clusterId(), r.clusterName(), r.tier(), r.score(), p.score(), change, r.status()));
            }
        }
        Comparator<Mover> byChange = Comparator.comparingDouble(Mover::change).thenComparing(Mover::clusterId);
        List<Mover> drops = all.stream().filter(m -> m.change() < 0).sorted(byChange).limit(MOVERS).toList();
        List<Mover> rises = all.stream().filter(m -> m.change() > 0)
                .sorted(Comparator.comparingDouble(Mover::change).reversed().thenComparing(Mover::clusterId))
                .limit(MOVERS).toList();
        return new FleetHealth.Movers(drops, rises);
    }

    private static Map<String, Double> dimensionAverages(List<FleetRow> rows) {
        Map<String, Function<FleetRow, Double>> columns = new LinkedHashMap<>();
        columns.put("availability", FleetRow::availability);
        columns.put("resources", FleetRow::resources);
        columns.put("query", FleetRow::query);
        columns.put("ingestion", FleetRow::ingestion);
        columns.put("stability", FleetRow::stability);
        columns.put("alert_pressure", FleetRow::alertPressure);
        Map<String, Double> out = new LinkedHashMap<>();
        columns.forEach((name, column) -> rows.stream().map(column).filter(v -> v != null)
                .mapToDouble(Double::doubleValue).average()
                .ifPresent(avg -> out.put(name, HealthScorer.round1(avg))));
        return out;
    }

    private static double median(List<Double> sorted) {
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
