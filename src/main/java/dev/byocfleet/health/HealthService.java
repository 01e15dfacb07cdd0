package dev.byocfleet.health;

import dev.byocfleet.api.InvalidParameterException;
import dev.byocfleet.api.NotFoundException;
import dev.byocfleet.fleet.FleetService;
import dev.byocfleet.health.HealthRepository.ClusterState;
import dev.byocfleet.health.HealthScorer.FiringAlert;
import dev.byocfleet.health.HealthScorer.MetricWindow;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Health scores of the whole fleet. "As of" is the newest snapshot hour in the store, not the
 * wall clock, so a replica or a generated fleet scores meaningfully whenever it is read. One
 * scoring pass reads the window of every cluster with three statements (snapshot statistics,
 * firing alerts, cluster states) and writes all scores of that hour in one transaction.
 */
@Service
public class HealthService {

    private static final Logger log = LoggerFactory.getLogger(HealthService.class);
    static final int DEFAULT_HISTORY_HOURS = 168;
    static final int MAX_HISTORY_HOURS = 24 * 90;
    static final int REASONS = 5;
    /** How long a fleet-wide read model is served from memory at most. */
    static final Duration READ_CACHE = Duration.ofSeconds(60);
    /** Later than any score: "the newest". */
    private static final LocalDateTime FAR_FUTURE = LocalDateTime.of(9999, 12, 31, 0, 0);

    private final HealthRepository repository;
    private final HealthProperties props;
    private final HealthScorer scorer;
    private final TransactionTemplate tx;
    private final ApplicationEventPublisher events;
    /** Read views change only when a pass stores scores; the expiry covers other instances' passes. */
    private final Cache<String, Object> views = Caffeine.newBuilder()
            .expireAfterWrite(READ_CACHE).maximumSize(2_048).build();
    /**
     * The scores this instance stored last, so risk, which follows every pass, takes them from
     * memory instead of reading back (and parsing) what was just written.
     */
    private volatile @Nullable StoredHour lastStored;

    private record StoredHour(LocalDateTime scoredAt, List<HealthScore> scores) {
    }

    HealthService(HealthRepository repository, HealthProperties props, TransactionTemplate tx,
                  ApplicationEventPublisher events) {
        this.repository = repository;
        this.props = props;
        this.scorer = new HealthScorer(props);
        this.tx = tx;
        this.events = events;
    }

    /**
     * Scores the fleet at {@code asOf} (default: the newest snapshot hour, after filling missing
     * hours of the recent history) and tells the listeners (risk) so they follow.
     */
    public synchronized RecomputeResult recompute(@Nullable LocalDateTime asOf) {
        long started = System.nanoTime();
        LocalDateTime at = asOf != null ? asOf.truncatedTo(ChronoUnit.HOURS) : repository.newestSnapshotHour().orElse(null);
        if (at == null) {
            return new RecomputeResult(null, 0, 0, 0, elapsed(started));
        }
        int backfilled = asOf == null ? backfill(at) : 0;
        List<HealthScore> scores = scoreAndStore(at);
        events.publishEvent(new HealthScoresComputed(at, scores.size()));
        RecomputeResult result = new RecomputeResult(at, scores.size(), noData(scores), backfilled, elapsed(started));
        log.info("health: scored {} clusters as of {} ({} without data, {} earlier hours filled) in {} ms",
                result.clusters(), at, result.noData(), backfilled, result.millis());
        return result;
    }

    /** The scheduled pass: scores the newest snapshot hour unless that is already done. */
    public synchronized Optional<RecomputeResult> recomputeIfNewData() {
        Optional<LocalDateTime> newest = repository.newestSnapshotHour();
        if (newest.isEmpty() || newest.equals(repository.latestScoredAt())) {
            return Optional.empty();
        }
        return Optional.of(recompute(null));
    }

    /** Scores and stores one hour without telling listeners (the benchmark times the steps apart). */
    public synchronized RecomputeResult scoreFleet(LocalDateTime asOf) {
        long started = System.nanoTime();
        List<HealthScore> scores = scoreAndStore(asOf.truncatedTo(ChronoUnit.HOURS));
        return new RecomputeResult(asOf, scores.size(), noData(scores), 0, elapsed(started));
    }

    /** Scores the hours of the configured history before {@code asOf} that have no scores yet. */
    public synchronized int backfill(LocalDateTime asOf) {
        if (props.historyHours() <= 0) {
            return 0;
        }
        LocalDateTime first = asOf.minusHours(props.historyHours());
        Set<LocalDateTime> done = new HashSet<>(repository.scoredHours(first, asOf.minusHours(1)));
        int filled = 0;
        for (LocalDateTime h = first; h.isBefore(asOf); h = h.plusHours(1)) {
            if (!done.contains(h)) {
                scoreAndStore(h);
                filled++;
            }
        }
        return filled;
    }

    private List<HealthScore> scoreAndStore(LocalDateTime asOf) {
        long t0 = System.nanoTime();
        List<HealthScore> scores = computeScores(asOf);
        long t1 = System.nanoTime();
        lastStored = null;
        tx.executeWithoutResult(status -> repository.replaceScores(asOf, scores, asOf.minusDays(props.keepDays())));
        lastStored = new StoredHour(asOf, List.copyOf(scores));
        views.invalidateAll();
        log.debug("health: {} scores as of {}: computed in {} ms, stored in {} ms", scores.size(), asOf,
                (t1 - t0) / 1_000_000, (System.nanoTime() - t1) / 1_000_000);
        return scores;
    }

    List<HealthScore> computeScores(LocalDateTime asOf) {
        LocalDateTime after = asOf.minusHours(props.windowHours());
        long t0 = System.nanoTime();
        List<ClusterState> clusters = repository.clustersAt(asOf);
        long t1 = System.nanoTime();
        Map<String, List<MetricWindow>> stats = repository.windowStats(after, asOf).stream()
                .collect(Collectors.groupingBy(MetricWindow::clusterId));
        long t2 = System.nanoTime();
        Map<String, List<FiringAlert>> alerts = repository.firingAlerts(after, asOf,
                        asOf.minusDays(props.alertLookbackDays())).stream()
                .collect(Collectors.groupingBy(FiringAlert::clusterId));
        log.debug("health: clusters {} ms, window statistics {} ms, alerts {} ms", (t1 - t0) / 1_000_000,
                (t2 - t1) / 1_000_000, (System.nanoTime() - t2) / 1_000_000);
        List<HealthScore> scores = new ArrayList<>(clusters.size());
        for (ClusterState c : clusters) {
            scores.add(scorer.score(c.clusterId(), c.state(), stats.getOrDefault(c.clusterId(), List.of()),
                    alerts.getOrDefault(c.clusterId(), List.of()), asOf));
        }
        return scores;
    }

    public ClusterHealth cluster(String clusterId, @Nullable Integer hours) {
        int h = hours == null ? DEFAULT_HISTORY_HOURS : hours;
        if (h < 1 || h > MAX_HISTORY_HOURS) {
            throw new InvalidParameterException("hours", "hours must be between 1 and " + MAX_HISTORY_HOURS);
        }
        String name = clusterName(clusterId);
        return (ClusterHealth) views.get("cluster|" + clusterId + "|" + h, k -> clusterView(clusterId, name, h));
    }

    private ClusterHealth clusterView(String clusterId, String name, int h) {
        Optional<HealthScore> latest = repository.scoreAtOrBefore(clusterId, FAR_FUTURE);
        List<ClusterHealth.HistoryPoint> history = latest
                .map(l -> repository.history(clusterId, l.scoredAt().minusHours(h - 1L)).stream()
                        .map(r -> new ClusterHealth.HistoryPoint(r.scoredAt(), r.score(), r.status())).toList())
                .orElse(List.of());
        return new ClusterHealth(clusterId, name, latest.orElse(null), history);
    }

    public HealthWhy why(String clusterId) {
        clusterName(clusterId);
        return (HealthWhy) views.get("why|" + clusterId, k -> whyView(clusterId));
    }

    private HealthWhy whyView(String clusterId) {
        HealthScore s = repository.scoreAtOrBefore(clusterId, FAR_FUTURE)
                .orElseThrow(() -> new NotFoundException("Cluster '" + clusterId + "' has no health score yet."));
        List<HealthWhy.Reason> reasons = s.explanation().factors().stream().limit(REASONS)
                .map(f -> new HealthWhy.Reason(HealthNarrative.reason(f), f.dimension(), f.metric(), f.pointsLost()))
                .toList();
        return new HealthWhy(clusterId, s.scoredAt(), s.score(), s.status(), HealthNarrative.headline(s), reasons);
    }

    /** Compares the scores at or before {@code from} (default: 24 h before {@code to}) and {@code to} (default: newest). */
    public HealthDiff diff(String clusterId, @Nullable LocalDateTime from, @Nullable LocalDateTime to) {
        clusterName(clusterId);
        return (HealthDiff) views.get("diff|" + clusterId + "|" + from + "|" + to, k -> diffView(clusterId, from, to));
    }

    private HealthDiff diffView(String clusterId, @Nullable LocalDateTime from, @Nullable LocalDateTime to) {
        HealthScore end = repository.scoreAtOrBefore(clusterId, to == null ? FAR_FUTURE : to)
                .orElseThrow(() -> new NotFoundException("Cluster '" + clusterId + "' has no health score"
                        + (to == null ? " yet." : " at or before " + to + ".")));
        LocalDateTime fromAt = from == null ? end.scoredAt().minusHours(24) : from;
        if (!fromAt.isBefore(end.scoredAt())) {
            throw new InvalidParameterException("from", "from must be before the score compared with ("
                    + end.scoredAt() + ")");
        }
        HealthScore start = repository.scoreAtOrBefore(clusterId, fromAt)
                .orElseThrow(() -> new NotFoundException("Cluster '" + clusterId + "' has no health score at or before "
                        + fromAt + "."));
        return HealthNarrative.diff(clusterId, start, end);
    }

    public FleetHealth fleet() {
        return (FleetHealth) views.get("fleet", k -> FleetHealthSummary.of(repository));
    }

    /** The newest hourly snapshot in the store: "as of" for a new pass. */
    public Optional<LocalDateTime> newestSnapshotHour() {
        return repository.newestSnapshotHour();
    }

    /** The newest scored hour. */
    public Optional<LocalDateTime> latestScoredAt() {
        return repository.latestScoredAt();
    }

    /**
     * Every score of one hour, with explanations (for risk): from memory when this instance stored
     * that hour last and the store still holds as many scores of it (the same values as stored;
     * the count notices scores deleted since), else from the store.
     */
    public List<HealthScore> scoresAt(LocalDateTime scoredAt) {
        StoredHour last = lastStored;
        if (last != null && last.scoredAt().equals(scoredAt) && repository.countScoresAt(scoredAt) == last.scores().size()) {
            return last.scores();
        }
        return repository.scoresAt(scoredAt);
    }

    /** Forgets the scores kept from the last pass (after the stored ones were deleted behind this service). */
    public void forgetLastPass() {
        lastStored = null;
    }

    /** Scores of the newest scored hour at or before {@code atOrBefore}, by cluster; empty when none. */
    public Map<String, Double> scoreValuesAtOrBefore(LocalDateTime atOrBefore) {
        return repository.scoredAtOrBefore(atOrBefore).map(repository::scoreValuesAt).orElse(Map.of());
    }

    private String clusterName(String clusterId) {
        if (clusterId == null || clusterId.isBlank() || clusterId.length() > FleetService.MAX_CLUSTER_ID_LENGTH) {
            throw new InvalidParameterException("id", "a cluster id has 1 to " + FleetService.MAX_CLUSTER_ID_LENGTH
                    + " characters");
        }
        return (String) views.get("name|" + clusterId, k -> repository.clusterName(clusterId)
                .orElseThrow(() -> new NotFoundException("No cluster with id '" + clusterId + "'.")));
    }

    private static int noData(List<HealthScore> scores) {
        return (int) scores.stream().filter(s -> !s.hasScore()).count();
    }

    private static long elapsed(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1_000_000;
    }
}
