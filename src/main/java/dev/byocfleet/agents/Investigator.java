package dev.byocfleet.agents;

import dev.byocfleet.api.NotFoundException;
import dev.byocfleet.auth.CurrentUser;
import dev.byocfleet.issues.InvestigationOutcome;
import dev.byocfleet.issues.IssueService;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * Runs the 8-step protocol (DESIGN.md section 6) for a task or a cluster: evidence first (steps
 * 1-6 with tools, always), then the diagnoser (rules, or the model with a rules fallback), then
 * the record in {@code agent_investigations}. Tasks are claimed atomically, so two Investigators
 * never take the same one. Tools run as the read-only agent identity unless a user started it.
 */
@Service
public class Investigator {

    private static final Logger log = LoggerFactory.getLogger(Investigator.class);

    private final EvidenceCollector collector;
    private final AgentTaskRepository tasks;
    private final InvestigationRepository investigations;
    private final IssueService issues;
    /** The error column's size. */
    static final int MAX_ERROR = 2_000;
    private final Diagnoser rules = new RulesDiagnoser();
    private final @org.jspecify.annotations.Nullable Diagnoser byModel;
    private final @org.jspecify.annotations.Nullable DiagnosisModel model;

    Investigator(EvidenceCollector collector, AgentTaskRepository tasks, InvestigationRepository investigations,
                 IssueService issues, ObjectProvider<DiagnosisModel> model) {
        this.collector = collector;
        this.tasks = tasks;
        this.investigations = investigations;
        this.issues = issues;
        this.model = model.getIfAvailable();
        this.byModel = this.model == null ? null : new ModelDiagnoser(this.model, rules);
    }

    /**
     * Claims pending tasks (most urgent first, optionally of one cluster) and investigates them as of
     * {@code at}; answers the investigations that completed. A task whose investigation fails is
     * marked failed (its failed record stored, its issue told) and the next task runs, so one bad
     * task does not hold up the rest of the batch until the next pass.
     */
    public List<Investigation> runPending(LocalDateTime at, int limit, @Nullable String clusterId) {
        List<Investigation> done = new ArrayList<>();
        for (AgentTask task : tasks.pending(limit, clusterId)) {
            if (!claim(task.taskId(), at)) {
                continue;
            }
            try {
                done.add(runClaimed(task, at));
            } catch (RuntimeException e) {
                // logged and recorded by runClaimed; the batch goes on
            }
        }
        return done;
    }

    /** Takes a pending task; false when someone else took it first. */
    public boolean claim(String taskId, LocalDateTime at) {
        return tasks.claim(taskId, at);
    }

    private Investigation runClaimed(AgentTask task, LocalDateTime at) {
        Investigation result;
        try {
            result = investigate(task.clusterId(), at, task.triggerType(), task.taskId(), task.issueId());
        } catch (RuntimeException e) {
            log.warn("investigator: task {} failed: {}", task.taskId(), e.getMessage());
            tasks.finish(task.taskId(), AgentTask.FAILED, null, at);
            throw e;
        }
        tasks.finish(task.taskId(), AgentTask.DONE, result.investigationId(), at);
        return result;
    }

    /**
     * Investigates one cluster as of {@code at} and stores the record. With an issue, the issue
     * hears of it (see {@link IssueService#investigationStarted}): at the start, and with the
     * result or the failure at the end. A failed run is stored too, with its error.
     */
    public Investigation investigate(String clusterId, LocalDateTime at, String trigger, @Nullable String taskId,
                                     @Nullable Long issueId) {
        LocalDateTime started = LocalDateTime.now(java.time.ZoneOffset.UTC);
        String investigationId = UUID.randomUUID().toString();
        String actor = IssueService.signedInPerson().map(CurrentUser::email).orElse(AgentIdentity.AGENT.userId());
        Long issue = issueId == null ? null : issueStarted(issueId, actor, investigationId, trigger);
        Diagnoser diagnoser = byModel != null && model != null && model.available() ? byModel : rules;
        Investigation inv;
        try {
            EvidencePack pack = AgentIdentity.asAgent(() -> collector.collect(clusterId, at, trigger));
            // The model diagnoses when a provider is configured now; otherwise the rules do, and say so.
            // The model's tools run as the agent too, and its calls are recorded against this investigation.
            Diagnosis d = AgentIdentity.asAgent(() -> InvestigationScope.with(investigationId, () -> diagnoser.diagnose(pack)));
            inv = new Investigation(investigationId, taskId, issue, clusterId, "done", d.mode(),
                    started, LocalDateTime.now(java.time.ZoneOffset.UTC), d.rootCause(), d.confidence(), d.severity(),
                    d.escalate(), d.summary(), d.hypotheses(), pack.evidence(), d.recommendations(), steps(pack, d),
                    d.model(), null, 0, 0, 0);
            investigations.insert(inv);
        } catch (RuntimeException e) {
            failed(investigationId, taskId, issue, clusterId, diagnoser == rules ? "rules" : ModelDiagnoser.MODE, started,
                    actor, e);
            throw e;
        }
        log.info("investigator: {} on {} ({}) -> {} ({}%)", trigger, clusterId, inv.mode(), inv.rootCause(),
                Math.round(inv.confidence() * 100));
        if (issue != null) {
            issueFinished(issue, actor, new InvestigationOutcome(investigationId, false, inv.rootCause(), inv.confidence(),
                    inv.escalate(), inv.summary(), null));
        }
        return inv;
    }

    private void failed(String investigationId, @Nullable String taskId, @Nullable Long issue, String clusterId, String mode,
                        LocalDateTime started, String actor, RuntimeException e) {
        String error = String.valueOf(e.getMessage());
        error = error.length() <= MAX_ERROR ? error : error.substring(0, MAX_ERROR);
        try {
            investigations.insert(new Investigation(investigationId, taskId, issue, clusterId, "failed", mode, started,
                    LocalDateTime.now(java.time.ZoneOffset.UTC), null, null, null, null, null, List.of(), List.of(),
                    List.of(), List.of(), null, error, 0, 0, 0));
        } catch (RuntimeException storeFailed) {
            log.warn("investigator: could not record failed investigation {}: {}", investigationId, storeFailed.getMessage());
        }
        if (issue != null) {
            issueFinished(issue, actor, InvestigationOutcome.failure(investigationId, error));
        }
    }

    /** The issue bookkeeping never fails an investigation: a gone issue is logged and skipped. */
    private @Nullable Long issueStarted(long issueId, String actor, String investigationId, String trigger) {
        try {
            return issues.investigationStarted(issueId, actor, investigationId, trigger);
        } catch (RuntimeException e) {
            log.warn("investigator: issue {} not updated for investigation {}: {}", issueId, investigationId, e.getMessage());
            return issueId;
        }
    }

    private void issueFinished(long issueId, String actor, InvestigationOutcome outcome) {
        try {
            issues.investigationFinished(issueId, actor, outcome);
        } catch (RuntimeException e) {
            log.warn("investigator: issue {} not told the result of {}: {}", issueId, outcome.investigationId(), e.getMessage());
        }
    }

    /** {@code llm} while a provider is configured (the model diagnoses), {@code rules} otherwise. */
    public String mode() {
        return byModel != null && model != null && model.available() ? ModelDiagnoser.MODE : "rules";
    }

    public Investigation get(String id) {
        return investigations.find(id).orElseThrow(() -> new NotFoundException("No investigation with id '" + id + "'."));
    }

    List<Investigation> list(@Nullable String clusterId, @Nullable String rootCause, int offset, int limit) {
        return investigations.list(clusterId, rootCause, offset, limit);
    }

    long count(@Nullable String clusterId, @Nullable String rootCause) {
        return investigations.count(clusterId, rootCause);
    }

    private static List<Investigation.Step> steps(EvidencePack pack, Diagnosis d) {
        List<Investigation.Step> steps = new ArrayList<>();
        for (int s = 1; s <= 6; s++) {
            int step = s;
            List<Evidence> items = pack.evidence().stream().filter(e -> e.step() == step).toList();
            steps.add(new Investigation.Step(step, Investigation.STEP_NAMES.get(step - 1),
                    items.size() + " tool result(s)", items.stream().map(Evidence::id).toList()));
        }
        List<String> cited = d.hypotheses().stream().flatMap(h -> h.evidence().stream()).distinct().toList();
        steps.add(new Investigation.Step(7, Investigation.STEP_NAMES.get(6),
                d.hypotheses().size() + " hypotheses (" + d.mode() + "); root cause " + d.rootCause(), cited));
        steps.add(new Investigation.Step(8, Investigation.STEP_NAMES.get(7),
                "severity " + d.severity() + (d.escalate() ? ", escalate" : ", no escalation") + "; "
                        + d.recommendations().size() + " recommendation(s)",
                d.hypotheses().isEmpty() ? List.of() : d.hypotheses().getFirst().evidence().stream()
                        .collect(Collectors.toList())));
        return steps;
    }
}
