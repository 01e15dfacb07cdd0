package dev.byocfleet.agents;

import dev.byocfleet.health.HealthService;
import dev.byocfleet.issues.IssueService;
import dev.byocfleet.store.JsonColumns;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/**
 * The rule-based watcher (no LLM): four triggers, one open task per (cluster, trigger) within the
 * cooldown, priority by trigger and customer tier. Callers run it under the scheduler lock, so two
 * replicas never open the same task twice.
 */
@Service
public class Sentinel {

    /**
     * Which open issue a trigger is about: the issue of an alert (its grouping key's open issue),
     * or the newest open issue of a storm on a cluster. Read as the agent identity.
     */
    interface AlertIssues {
        Optional<Long> ofAlert(String messageId, String clusterId, @Nullable String alertName);

        Optional<Long> ofStorm(String clusterId, LocalDateTime from, LocalDateTime to);

        AlertIssues NONE = new AlertIssues() {
            @Override
            public Optional<Long> ofAlert(String messageId, String clusterId, @Nullable String alertName) {
                return Optional.empty();
            }

            @Override
            public Optional<Long> ofStorm(String clusterId, LocalDateTime from, LocalDateTime to) {
                return Optional.empty();
            }
        };
    }

    /** One pass: the tasks it opened and how many triggers the cooldown held back. */
    public record SentinelRun(LocalDateTime at, List<AgentTask> created, int suppressed) {}

    private static final Logger log = LoggerFactory.getLogger(Sentinel.class);

    private final SignalRepository signals;
    private final AgentTaskRepository tasks;
    private final Function<LocalDateTime, Map<String, Double>> scoresAtOrBefore;
    private final AgentsProperties props;
    private final AlertIssues issues;

    @Autowired
    Sentinel(SignalRepository signals, AgentTaskRepository tasks, HealthService health, IssueService issues,
             AgentsProperties props) {
        this(signals, tasks, health::scoreValuesAtOrBefore, props, new AlertIssues() {
            @Override
            public Optional<Long> ofAlert(String messageId, String clusterId, @Nullable String alertName) {
                return AgentIdentity.asAgent(() -> issues.activeIssueOfAlert(messageId, clusterId, alertName));
            }

            @Override
            public Optional<Long> ofStorm(String clusterId, LocalDateTime from, LocalDateTime to) {
                return AgentIdentity.asAgent(() -> issues.newestActiveIssue(clusterId, from, to));
            }
        });
    }

    /**
     * @param scoresAtOrBefore health scores by cluster of the newest scored hour at or before a time
     * @param issues           the open issue of each alert trigger
     */
    Sentinel(SignalRepository signals, AgentTaskRepository tasks,
             Function<LocalDateTime, Map<String, Double>> scoresAtOrBefore, AgentsProperties props, AlertIssues issues) {
        this.signals = signals;
        this.tasks = tasks;
        this.scoresAtOrBefore = scoresAtOrBefore;
        this.props = props;
        this.issues = issues;
    }

    /** Looks at the fleet as of {@code at} and opens the tasks its triggers call for. */
    public synchronized SentinelRun run(LocalDateTime at) {
        Map<String, String> tiers = signals.tiers();
        LocalDateTime since = at.minus(props.alertLookback());
        List<Candidate> candidates = new ArrayList<>();
        for (var a : signals.firing("critical", since, at)) {
            candidates.add(new Candidate(a.clusterId(), TriggerType.CRITICAL_ALERT, a.messageId(), alertIssue(a),
                    Map.of("alert_name", String.valueOf(a.alertName()), "severity", a.severity(), "starts_at", a.alertAt().toString())));
        }
        for (var c : signals.storms(at.minusHours(1), at, props.stormAlertsPerHour())) {
            Supplier<Optional<Long>> issue = () -> issues.ofStorm(c.clusterId(), at.minusHours(1), at);
            candidates.add(new Candidate(c.clusterId(), TriggerType.ALERT_STORM, c.alerts() + " alerts in 1h", issue,
                    Map.of("alerts_last_hour", c.alerts(), "threshold", props.stormAlertsPerHour())));
        }
        for (var a : signals.firing("warning", since, at)) {
            String tier = tiers.get(a.clusterId());
            if ("S".equals(tier) || "A".equals(tier)) {
                candidates.add(new Candidate(a.clusterId(), TriggerType.TIER_WARNING, a.messageId(), alertIssue(a),
                        Map.of("alert_name", String.valueOf(a.alertName()), "tier", tier, "starts_at", a.alertAt().toString())));
            }
        }
        candidates.addAll(cliffs(at));

        List<AgentTask> created = new ArrayList<>();
        int suppressed = 0;
        for (Candidate c : candidates) {
            if (tasks.blocked(c.clusterId(), c.trigger().id(), at)) {
                suppressed++;
                continue;
            }
            // Looked up only for a task that opens: the issue the Investigator will update.
            Long issueId = c.issue().get().orElse(null);
            AgentTask task = new AgentTask(UUID.randomUUID().toString(), c.clusterId(), issueId, c.trigger().id(), c.ref(),
                    c.trigger().priority(tiers.get(c.clusterId())), AgentTask.PENDING, at, null, null,
                    at.plus(props.cooldown()), null, JsonColumns.write(c.facts()));
            tasks.insert(task);
            created.add(task);
        }
        log.info("sentinel as of {}: {} task(s) opened, {} held back by the cooldown", at, created.size(), suppressed);
        return new SentinelRun(at, created, suppressed);
    }

    private List<Candidate> cliffs(LocalDateTime at) {
        LocalDateTime hour = at.truncatedTo(ChronoUnit.HOURS);
        Map<String, Double> now = scoresAtOrBefore.apply(hour);
        Map<String, Double> before = scoresAtOrBefore.apply(hour.minusHours(props.cliffWindowHours()));
        List<Candidate> out = new ArrayList<>();
        now.forEach((clusterId, score) -> {
            Double earlier = before.get(clusterId);
            if (score != null && earlier != null && earlier - score > props.cliffPoints()) {
                Map<String, Object> facts = new LinkedHashMap<>();
                facts.put("score_before", earlier);
                facts.put("score_now", score);
                facts.put("window_hours", props.cliffWindowHours());
                out.add(new Candidate(clusterId, TriggerType.HEALTH_CLIFF,
                        "score %.0f -> %.0f".formatted(earlier, score), Optional::empty, facts));
            }
        });
        out.sort(java.util.Comparator.comparing(Candidate::clusterId));
        return out;
    }

    private Supplier<Optional<Long>> alertIssue(SignalRepository.FiringAlert a) {
        return () -> issues.ofAlert(a.messageId(), a.clusterId(), a.alertName());
    }

    private record Candidate(String clusterId, TriggerType trigger, String ref, Supplier<Optional<Long>> issue,
                             Map<String, ?> facts) {}
}
