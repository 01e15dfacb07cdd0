package dev.byocfleet.agents;

import dev.byocfleet.agents.PatrolReport.Breach;
import dev.byocfleet.agents.PatrolReport.Bucket;
import dev.byocfleet.agents.PatrolReport.Changes;
import dev.byocfleet.agents.PatrolReport.Delivery;
import dev.byocfleet.agents.PatrolReport.Findings;
import dev.byocfleet.agents.PatrolReport.Mover;
import dev.byocfleet.agents.PatrolReport.Pattern;
import dev.byocfleet.agents.PatrolReport.ProblemCluster;
import dev.byocfleet.agents.PatrolReport.Progress;
import dev.byocfleet.analysis.AnalysisService;
import dev.byocfleet.analysis.UsageQuery;
import dev.byocfleet.api.NotFoundException;
import dev.byocfleet.health.FleetHealth;
import dev.byocfleet.health.HealthService;
import dev.byocfleet.risk.RiskService;
import dev.byocfleet.settings.ChannelService;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The fleet-wide scan (rules mode): risk counts, the score distribution and movers, clusters in
 * trouble with their reasons, cross-cluster patterns by version, region and instance type,
 * capacity breaches coming, idle spend, and what changed since the previous report. Optionally
 * posted as a Lark card to the configured channel.
 */
@Service
public class Patrol {

    static final int STEPS = 8;
    static final int PATTERN_HOURS = 12;
    static final int MIN_PATTERN_CLUSTERS = 2;
    static final int MAX_PROBLEMS = 20;
    static final int BREACH_DAYS = 14;

    private static final Logger log = LoggerFactory.getLogger(Patrol.class);

    private final PatrolRepository reports;
    private final RiskService risk;
    private final HealthService health;
    private final AnalysisService analysis;
    private final ChannelService channels;
    private final AgentsProperties props;
    private final @Nullable PatrolNarrator narrator;
    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "patrol");
        t.setDaemon(true);
        return t;
    });

    Patrol(PatrolRepository reports, RiskService risk, HealthService health, AnalysisService analysis,
           ChannelService channels, AgentsProperties props) {
        this(reports, risk, health, analysis, channels, props, null);
    }

    @org.springframework.beans.factory.annotation.Autowired
    Patrol(PatrolRepository reports, RiskService risk, HealthService health, AnalysisService analysis,
           ChannelService channels, AgentsProperties props, @Nullable PatrolNarrator narrator) {
        this.narrator = narrator;
        this.reports = reports;
        this.risk = risk;
        this.health = health;
        this.analysis = analysis;
        this.channels = channels;
        this.props = props;
    }

    /** Starts a run in the background and answers its report at once (status running). */
    public PatrolReport start(String requestedBy) {
        LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
        PatrolReport first = initial(UUID.randomUUID().toString(), now, requestedBy);
        reports.save(first);
        background.submit(() -> {
            try {
                AgentIdentity.asAgent(() -> scan(first, now));
            } catch (RuntimeException e) {
                log.warn("patrol {} failed: {}", first.reportId(), e.getMessage());
            }
        });
        return first;
    }

    /** Runs a whole scan now, in this thread. */
    public PatrolReport run(LocalDateTime at, String requestedBy) {
        PatrolReport first = initial(UUID.randomUUID().toString(), at, requestedBy);
        reports.save(first);
        return AgentIdentity.asAgent(() -> scan(first, at));
    }

    public PatrolReport get(String id) {
        return reports.find(id).orElseThrow(() -> new NotFoundException("No patrol report with id '" + id + "'."));
    }

    /** The report and the previous finished one, side by side with the changes between them. */
    public AgentMessages.PatrolDiff diff(String id) {
        PatrolReport report = get(id);
        PatrolReport previous = reports.previous(report.startedAt()).orElse(null);
        return new AgentMessages.PatrolDiff(report, previous, changes(report.problemClusters(), report.findings(), previous));
    }

    List<PatrolReport> list(int offset, int limit) {
        return reports.list(offset, limit);
    }

    long count() {
        return reports.count();
    }

    private PatrolReport initial(String id, LocalDateTime at, String requestedBy) {
        return new PatrolReport(id, at, null, "rules", "running", null, List.of(), List.of(), null,
                new Findings(new Progress(0, STEPS, "starting"), requestedBy, Map.of(), null, null, List.of(), List.of(),
                        List.of(), null, 0, null), null, null);
    }

    private PatrolReport scan(PatrolReport start, LocalDateTime at) {
        Stepper step = new Stepper(start);
        try {
            var distribution = step.next("risk counts", r -> risk.distribution());
            Map<String, Integer> riskCounts = new LinkedHashMap<>(distribution.byLevel());
            FleetHealth fleet = step.next("score distribution", r -> health.fleet());
            List<ProblemCluster> problems = step.next("clusters in trouble", r -> problems());
            List<Pattern> patterns = step.next("cross-cluster patterns", r -> patterns(at));
            List<Breach> breaches = step.next("capacity breaches", r -> breaches(at));
            var usage = step.next("idle spend", r -> analysis.usage(UsageQuery.of(null, null, null, null, null)));
            List<Mover> movers = new ArrayList<>();
            fleet.movers().drops().stream().limit(5).forEach(m -> movers.add(new Mover(m.clusterId(), m.clusterName(), m.score(), m.change())));
            fleet.movers().rises().stream().limit(5).forEach(m -> movers.add(new Mover(m.clusterId(), m.clusterName(), m.score(), m.change())));
            Findings findings = new Findings(new Progress(6, STEPS, "idle spend"), start.findings().requestedBy(), riskCounts,
                    fleet.averageScore(), fleet.medianScore(),
                    fleet.histogram().stream().map(b -> new Bucket(b.from(), b.to(), b.count())).toList(), movers, breaches,
                    usage.waste().usdPerWeek(), usage.waste().idleClusters(), null);
            PatrolReport previous = reports.previous(start.startedAt()).orElse(null);
            Changes changes = step.next("changes since the previous patrol", r -> changes(problems, findings, previous));
            String rulesMarkdown = PatrolMarkdown.render(at, findings, problems, patterns, changes);
            var narration = narrator == null ? java.util.Optional.<PatrolNarrator.Narration>empty()
                    : narrator.narrate(start.reportId(), rulesMarkdown);
            String markdown = narration.map(n -> PatrolNarrator.withOverview(rulesMarkdown, n)).orElse(rulesMarkdown);
            String mode = narration.isPresent() ? "llm" : "rules";
            String model = narration.map(PatrolNarrator.Narration::model).orElse("rules");
            Delivery delivery = step.next("report", r -> post(markdown, problems));
            Findings done = new Findings(new Progress(STEPS, STEPS, "done"), findings.requestedBy(), riskCounts,
                    findings.averageScore(), findings.medianScore(), findings.scoreHistogram(), movers, breaches,
                    findings.idleUsdPerWeek(), findings.idleClusters(), delivery);
            PatrolReport report = new PatrolReport(start.reportId(), start.startedAt(), LocalDateTime.now(ZoneOffset.UTC),
                    mode, "done", markdown, problems, patterns, changes, done, model, null);
            reports.save(report);
            log.info("patrol {}: {} problem cluster(s), {} pattern(s)", report.reportId(), problems.size(), patterns.size());
            return report;
        } catch (RuntimeException e) {
            PatrolReport failed = new PatrolReport(start.reportId(), start.startedAt(), LocalDateTime.now(ZoneOffset.UTC),
                    "rules", "failed", null, List.of(), List.of(), null, step.current.findings(), "rules",
                    String.valueOf(e.getMessage()));
            reports.save(failed);
            throw e;
        }
    }

    private List<ProblemCluster> problems() {
        return risk.critical("critical,high", null, MAX_PROBLEMS).items().stream()
                .map(i -> new ProblemCluster(i.clusterId(), i.clusterName(), i.tier(), i.riskLevel(), i.healthScore(), i.reasons()))
                .toList();
    }

    private List<Pattern> patterns(LocalDateTime at) {
        var rows = reports.firingClusters(at.minusHours(PATTERN_HOURS), at);
        List<Pattern> out = new ArrayList<>();
        Map<String, List<PatrolRepository.AlertCluster>> byAlert = rows.stream()
                .collect(Collectors.groupingBy(PatrolRepository.AlertCluster::alertName, LinkedHashMap::new, Collectors.toList()));
        byAlert.forEach((alert, list) -> {
            group(out, alert, "version", list, PatrolRepository.AlertCluster::version);
            group(out, alert, "region", list, PatrolRepository.AlertCluster::region);
            group(out, alert, "instance_type", list, PatrolRepository.AlertCluster::instanceType);
        });
        out.sort(Comparator.comparingInt(Pattern::clusters).reversed().thenComparing(Pattern::alertName));
        return out.stream().limit(20).toList();
    }

    private static void group(List<Pattern> out, String alert, String dimension, List<PatrolRepository.AlertCluster> list,
                              Function<PatrolRepository.AlertCluster, String> key) {
        list.stream().filter(r -> key.apply(r) != null)
                .collect(Collectors.groupingBy(key, Collectors.mapping(PatrolRepository.AlertCluster::clusterId,
                        Collectors.toCollection(java.util.TreeSet::new))))
                .forEach((value, ids) -> {
                    if (ids.size() >= MIN_PATTERN_CLUSTERS) {
                        out.add(new Pattern(alert, dimension, value, ids.size(), List.copyOf(ids)));
                    }
                });
    }

    private List<Breach> breaches(LocalDateTime at) {
        return analysis.nearestBreaches().values().stream()
                .filter(f -> f.daysToBreach() != null && f.daysToBreach() <= BREACH_DAYS)
                .sorted(Comparator.comparing(f -> f.daysToBreach()))
                .limit(20)
                .map(f -> new Breach(f.clusterId(), f.metricName(), f.breachAt(), f.daysToBreach()))
                .toList();
    }

    private static Changes changes(List<ProblemCluster> problems, Findings findings, @Nullable PatrolReport previous) {
        if (previous == null) {
            return new Changes(null, null, Map.of(), problems.stream().map(ProblemCluster::clusterId).toList(), List.of(), null);
        }
        Map<String, Integer> delta = new LinkedHashMap<>();
        Set<String> levels = new HashSet<>(findings.riskCounts().keySet());
        levels.addAll(previous.findings().riskCounts().keySet());
        levels.stream().sorted().forEach(l -> delta.put(l, findings.riskCounts().getOrDefault(l, 0)
                - previous.findings().riskCounts().getOrDefault(l, 0)));
        Set<String> before = previous.problemClusters().stream().map(ProblemCluster::clusterId).collect(Collectors.toSet());
        Set<String> now = problems.stream().map(ProblemCluster::clusterId).collect(Collectors.toSet());
        Double avgDelta = findings.averageScore() == null || previous.findings().averageScore() == null ? null
                : Math.round((findings.averageScore() - previous.findings().averageScore()) * 10) / 10.0;
        return new Changes(previous.reportId(), previous.startedAt(), delta,
                now.stream().filter(c -> !before.contains(c)).sorted().toList(),
                before.stream().filter(c -> !now.contains(c)).sorted().toList(), avgDelta);
    }

    private @Nullable Delivery post(String markdown, List<ProblemCluster> problems) {
        if (props.patrolChannelId() == null) {
            return null;
        }
        try {
            var r = channels.notify(props.patrolChannelId(), "BYOC Fleet patrol", problems.isEmpty() ? "green" : "orange",
                    PatrolMarkdown.card(markdown));
            return new Delivery(r.delivered(), r.retryable(), r.httpStatus(), r.code(), r.detail());
        } catch (NotFoundException e) {
            return new Delivery(false, false, null, null, "The configured channel does not exist.");
        }
    }

    /** Runs the steps and saves the progress after each. */
    private final class Stepper {
        private PatrolReport current;
        private int done;

        Stepper(PatrolReport start) {
            this.current = start;
        }

        <T> T next(String label, Function<Void, T> body) {
            T result = body.apply(null);
            done++;
            Findings f = current.findings();
            current = new PatrolReport(current.reportId(), current.startedAt(), null, current.mode(), "running", null,
                    List.of(), List.of(), null, new Findings(new Progress(done, STEPS, label), f.requestedBy(), f.riskCounts(),
                    f.averageScore(), f.medianScore(), f.scoreHistogram(), f.movers(), f.capacityBreaches(),
                    f.idleUsdPerWeek(), f.idleClusters(), null), null, null);
            reports.save(current);
            return result;
        }
    }
}
