package dev.byocfleet.risk;

import dev.byocfleet.analysis.AnalysisService;
import dev.byocfleet.analysis.Forecast;
import dev.byocfleet.api.InvalidParameterException;
import dev.byocfleet.api.NotFoundException;
import dev.byocfleet.fleet.FleetService;
import dev.byocfleet.health.HealthScore;
import dev.byocfleet.health.HealthScoresComputed;
import dev.byocfleet.health.HealthService;
import dev.byocfleet.risk.RiskRepository.ClusterFacts;
import dev.byocfleet.risk.RiskRepository.CriticalRow;
import dev.byocfleet.risk.RiskRepository.LevelGroup;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Hourly risk of every cluster from its health score, the score's 24 h trend, the nearest capacity
 * crossing, open critical issues and the customer tier. Follows each scoring pass of health.
 */
@Service
public class RiskService {

    private static final Logger log = LoggerFactory.getLogger(RiskService.class);
    static final List<String> LEVELS = List.of("critical", "high", "medium", "low");
    static final String UNKNOWN = "unknown";
    static final int MAX_LIMIT = 500;

    private final RiskRepository repository;
    private final HealthService health;
    private final AnalysisService analysis;
    private final OpenCriticalIssues issues;
    private final RiskScorer scorer;
    private final int keepDays;
    private final TransactionTemplate tx;
    /** Fleet views change only when an assessment is stored; the expiry covers other instances. */
    private final Cache<String, Object> views = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofSeconds(60)).maximumSize(256).build();

    RiskService(RiskRepository repository, HealthService health, AnalysisService analysis, OpenCriticalIssues issues,
                RiskProperties props, TransactionTemplate tx) {
        this.repository = repository;
        this.health = health;
        this.analysis = analysis;
        this.issues = issues;
        this.scorer = new RiskScorer(props);
        this.keepDays = props.keepDays();
        this.tx = tx;
    }

    /** After health scored an hour: forecasts if they are stale, then risk for that hour. */
    @EventListener
    public void onHealthScored(HealthScoresComputed event) {
        analysis.refreshForecastsIfStale(event.asOf());
        assess(event.asOf());
    }

    /** Assesses every scored cluster at {@code asOf} and stores the snapshot of that hour. */
    public synchronized List<RiskAssessment> assess(LocalDateTime asOf) {
        long started = System.nanoTime();
        List<HealthScore> scores = health.scoresAt(asOf);
        long t1 = System.nanoTime();
        Map<String, Double> dayBefore = health.scoreValuesAtOrBefore(asOf.minusHours(24));
        long t2 = System.nanoTime();
        Map<String, Forecast> breaches = analysis.nearestBreaches();
        long t3 = System.nanoTime();
        Map<String, Integer> open = issues.countsByCluster(asOf);
        Map<String, ClusterFacts> facts = repository.clusterFacts().stream()
                .collect(Collectors.toMap(ClusterFacts::clusterId, Function.identity()));
        log.debug("risk: scores {} ms, scores a day before {} ms, breaches {} ms, facts {} ms", (t1 - started) / 1_000_000,
                (t2 - t1) / 1_000_000, (t3 - t2) / 1_000_000, (System.nanoTime() - t3) / 1_000_000);
        long t4 = System.nanoTime();
        List<RiskAssessment> out = new ArrayList<>(scores.size());
        for (HealthScore s : scores) {
            ClusterFacts f = facts.get(s.clusterId());
            out.add(scorer.assess(asOf, new RiskScorer.Inputs(s.clusterId(), f == null ? null : f.tier(),
                    f == null ? null : f.clusterState(), s, dayBefore.get(s.clusterId()), breaches.get(s.clusterId()),
                    open.getOrDefault(s.clusterId(), 0))));
        }
        long t5 = System.nanoTime();
        tx.executeWithoutResult(status -> repository.replace(asOf, out, asOf.minusDays(keepDays)));
        views.invalidateAll();
        log.debug("risk: assessed in {} ms, stored in {} ms", (t5 - t4) / 1_000_000, (System.nanoTime() - t5) / 1_000_000);
        log.info("risk: {} clusters as of {} {} in {} ms", out.size(), asOf,
                out.stream().collect(Collectors.groupingBy(RiskAssessment::riskLevel, TreeMap::new, Collectors.counting())),
                (System.nanoTime() - started) / 1_000_000);
        return out;
    }

    public RiskDistribution distribution() {
        return (RiskDistribution) views.get("distribution", k -> computeDistribution());
    }

    private RiskDistribution computeDistribution() {
        Optional<LocalDateTime> hour = repository.latestHour();
        if (hour.isEmpty()) {
            return new RiskDistribution(null, 0, levels(), Map.of(), Map.of(), Map.of(), Map.of());
        }
        List<LevelGroup> groups = repository.levelGroups(hour.get());
        Map<String, Integer> byLevel = levels();
        groups.forEach(g -> byLevel.merge(g.riskLevel(), g.clusters(), Integer::sum));
        return new RiskDistribution(hour.get(), groups.stream().mapToInt(LevelGroup::clusters).sum(), byLevel,
                breakdown(groups, LevelGroup::tier, FleetService::compareTiers),
                breakdown(groups, LevelGroup::region, Comparator.naturalOrder()),
                breakdown(groups, g -> FleetService.majorMinor(g.clusterVersion()), FleetService::compareVersions),
                breakdown(groups, LevelGroup::clusterType, Comparator.naturalOrder()));
    }

    /** Critical and high (or the given levels) clusters, riskiest first, with their reasons. */
    public CriticalClusters critical(@Nullable String level, @Nullable String tier, int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidParameterException("limit", "limit must be between 1 and " + MAX_LIMIT);
        }
        List<String> levels = level == null || level.isBlank() ? List.of("critical", "high")
                : List.of(level.split(",")).stream().map(s -> s.trim().toLowerCase(Locale.ROOT)).toList();
        if (!LEVELS.containsAll(levels)) {
            throw new InvalidParameterException("level", "level must be a comma-separated list of " + LEVELS);
        }
        String t = tier == null || tier.isBlank() ? null : tier.trim().toUpperCase(Locale.ROOT);
        return (CriticalClusters) views.get("critical|" + levels + "|" + t + "|" + limit, k -> computeCritical(levels, t, limit));
    }

    private CriticalClusters computeCritical(List<String> levels, @Nullable String t, int limit) {
        Optional<LocalDateTime> hour = repository.latestHour();
        if (hour.isEmpty()) {
            return new CriticalClusters(null, 0, List.of());
        }
        List<CriticalClusters.Item> items = repository.atLevels(hour.get(), levels, t, limit).stream()
                .map(RiskService::item).toList();
        return new CriticalClusters(hour.get(), items.size(), items);
    }

    public RiskAssessment cluster(String clusterId) {
        if (clusterId == null || clusterId.isBlank() || clusterId.length() > FleetService.MAX_CLUSTER_ID_LENGTH) {
            throw new InvalidParameterException("id", "a cluster id has 1 to " + FleetService.MAX_CLUSTER_ID_LENGTH
                    + " characters");
        }
        return (RiskAssessment) views.get("cluster|" + clusterId, k -> {
            if (!repository.clusterExists(clusterId)) {
                throw new NotFoundException("No cluster with id '" + clusterId + "'.");
            }
            return repository.latest(clusterId)
                    .orElseThrow(() -> new NotFoundException("Cluster '" + clusterId + "' has no risk assessment yet."));
        });
    }

    private static CriticalClusters.Item item(CriticalRow row) {
        RiskAssessment r = row.risk();
        List<String> reasons = new ArrayList<>();
        r.factors().forEach(f -> reasons.add(f.text() + " (+" + f.points() + ")"));
        r.factors().stream().filter(f -> f.kind().equals("health")).findFirst().ifPresent(f -> reasons.addAll(f.reasons()));
        return new CriticalClusters.Item(r.clusterId(), row.clusterName(), row.customerName(), r.tier(), row.region(),
                row.clusterType(), row.clusterVersion(), r.riskLevel(), r.riskScore(), r.healthScore(),
                r.healthTrend24h(), r.nearestBreachAt(), r.nearestBreachMetric(), r.openCriticalIssues(), reasons);
    }

    private static Map<String, Integer> levels() {
        Map<String, Integer> m = new LinkedHashMap<>();
        LEVELS.forEach(l -> m.put(l, 0));
        return m;
    }

    private static Map<String, Map<String, Integer>> breakdown(List<LevelGroup> groups,
                                                               Function<LevelGroup, @Nullable String> key,
                                                               Comparator<String> order) {
        Map<String, Map<String, Integer>> out = new TreeMap<>(order);
        for (LevelGroup g : groups) {
            String k = key.apply(g);
            out.computeIfAbsent(k == null || k.isBlank() ? UNKNOWN : k, x -> levels())
                    .merge(g.riskLevel(), g.clusters(), Integer::sum);
        }
        return out;
    }
}
