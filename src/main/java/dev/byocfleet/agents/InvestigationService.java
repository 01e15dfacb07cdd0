package dev.byocfleet.agents;

import dev.byocfleet.agents.AgentMessages.InvestigationPage;
import dev.byocfleet.agents.AgentMessages.InvestigationSummary;
import dev.byocfleet.agents.AgentMessages.StartInvestigation;
import dev.byocfleet.agents.AgentMessages.TaskPage;
import dev.byocfleet.api.InvalidParameterException;
import dev.byocfleet.api.ListParameters;
import dev.byocfleet.auth.AccessGuard;
import dev.byocfleet.auth.CurrentUser;
import dev.byocfleet.auth.Role;
import dev.byocfleet.fleet.ClusterDetail;
import dev.byocfleet.fleet.FleetService;
import dev.byocfleet.issues.IssueService;
import dev.byocfleet.issues.IssueSummary;
import dev.byocfleet.store.JsonColumns;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * The investigations and agent tasks as users see them: viewers read, operators start runs. A
 * run started here is recorded as a {@code manual} task (who asked, what it re-runs), claimed at
 * once and investigated in the caller's request. A run for an issue moves the issue to
 * investigating and comments the result on it (see {@link Investigator#investigate}).
 */
@Service
public class InvestigationService {

    static final int MAX_PAGE_SIZE = 200;
    static final int MAX_ID_LENGTH = 128;
    private static final List<String> TASK_STATUSES = List.of(AgentTask.PENDING, AgentTask.RUNNING, AgentTask.DONE,
            AgentTask.FAILED);

    private final Investigator investigator;
    private final AgentTaskRepository tasks;
    private final FleetService fleet;
    private final AccessGuard access;
    private final IssueService issues;

    InvestigationService(Investigator investigator, AgentTaskRepository tasks, FleetService fleet, AccessGuard access,
                         IssueService issues) {
        this.investigator = investigator;
        this.tasks = tasks;
        this.fleet = fleet;
        this.access = access;
        this.issues = issues;
    }

    public InvestigationPage investigations(@Nullable String clusterId, @Nullable String rootCause, int page, int size) {
        access.require(Role.VIEWER);
        ListParameters.checkPage(page, size, MAX_PAGE_SIZE, "started_at");
        String cluster = ListParameters.text("cluster_id", clusterId, MAX_ID_LENGTH);
        String cause = ListParameters.text("root_cause", rootCause, MAX_ID_LENGTH);
        if (cause != null && !RootCause.ALL.contains(cause)) {
            throw new InvalidParameterException("root_cause", "root_cause must be one of " + String.join(", ", RootCause.ALL));
        }
        List<InvestigationSummary> items = investigator.list(cluster, cause, page * size, size).stream()
                .map(InvestigationSummary::of).toList();
        return new InvestigationPage(items, page, size, investigator.count(cluster, cause));
    }

    public Investigation investigation(String id) {
        access.require(Role.VIEWER);
        return investigator.get(id);
    }

    /** Investigates a cluster now (or as of a past time) for an operator. */
    public Investigation start(StartInvestigation request) {
        CurrentUser user = access.require(Role.OPERATOR);
        String clusterId = ListParameters.text("cluster_id", request.clusterId(), MAX_ID_LENGTH);
        if (clusterId == null) {
            throw new InvalidParameterException("cluster_id", "cluster_id is required.");
        }
        ClusterDetail cluster = fleet.cluster(clusterId)
                .orElseThrow(() -> new InvalidParameterException("cluster_id", "No cluster with id '" + clusterId + "'."));
        if (request.issueId() != null) {
            checkIssue(request.issueId(), clusterId);
        }
        LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
        if (request.at() != null && request.at().isAfter(now)) {
            throw new InvalidParameterException("at", "at must not be in the future.");
        }
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("requested_by", user.email());
        return run(cluster, request.issueId(), request.at() == null ? now : request.at(), facts);
    }

    /** Runs an investigation again over the same cluster (and issue), as of now. */
    public Investigation rerun(String id) {
        CurrentUser user = access.require(Role.OPERATOR);
        Investigation previous = investigator.get(id);
        if (previous.clusterId() == null) {
            throw new InvalidParameterException("id", "The investigation has no cluster to investigate again.");
        }
        ClusterDetail cluster = fleet.cluster(previous.clusterId())
                .orElseThrow(() -> new InvalidParameterException("id", "The investigated cluster no longer exists."));
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("requested_by", user.email());
        facts.put("rerun_of", previous.investigationId());
        return run(cluster, previous.issueId(), LocalDateTime.now(ZoneOffset.UTC), facts);
    }

    public TaskPage tasks(@Nullable String status, @Nullable String clusterId, @Nullable String triggerType, int page,
                          int size) {
        access.require(Role.VIEWER);
        ListParameters.checkPage(page, size, MAX_PAGE_SIZE, "created_at");
        String s = ListParameters.text("status", status, MAX_ID_LENGTH);
        if (s != null && !TASK_STATUSES.contains(s)) {
            throw new InvalidParameterException("status", "status must be one of " + String.join(", ", TASK_STATUSES));
        }
        String trigger = ListParameters.text("trigger_type", triggerType, MAX_ID_LENGTH);
        List<String> triggers = Arrays.stream(TriggerType.values()).map(TriggerType::id).toList();
        if (trigger != null && !triggers.contains(trigger)) {
            throw new InvalidParameterException("trigger_type", "trigger_type must be one of " + String.join(", ", triggers));
        }
        String cluster = ListParameters.text("cluster_id", clusterId, MAX_ID_LENGTH);
        return new TaskPage(tasks.list(s, cluster, trigger, page * size, size), page, size, tasks.count(s, cluster, trigger));
    }

    /** The issue must exist and be of the investigated cluster (an issue without a cluster goes with any). */
    private void checkIssue(long issueId, String clusterId) {
        if (issueId <= 0) {
            throw new InvalidParameterException("issue_id", "issue_id must be a positive number.");
        }
        IssueSummary issue = issues.find(issueId)
                .orElseThrow(() -> new InvalidParameterException("issue_id", "No issue " + issueId + "."));
        if (issue.clusterId() != null && !issue.clusterId().equals(clusterId)) {
            throw new InvalidParameterException("issue_id", "Issue " + issueId + " is on cluster " + issue.clusterId()
                    + ", not " + clusterId + ".");
        }
    }

    private Investigation run(ClusterDetail cluster, @Nullable Long issueId, LocalDateTime at, Map<String, Object> facts) {
        LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
        String clusterId = cluster.cluster().clusterId();
        String tier = cluster.organization() == null ? null : cluster.organization().tier();
        AgentTask task = new AgentTask(UUID.randomUUID().toString(), clusterId, issueId, TriggerType.MANUAL.id(),
                "requested by " + facts.get("requested_by"), TriggerType.MANUAL.priority(tier), AgentTask.RUNNING, now, now,
                null, null, null, JsonColumns.write(facts));
        tasks.insert(task);
        try {
            Investigation done = investigator.investigate(clusterId, at, TriggerType.MANUAL.id(), task.taskId(), issueId);
            tasks.finish(task.taskId(), AgentTask.DONE, done.investigationId(), LocalDateTime.now(ZoneOffset.UTC));
            return done;
        } catch (RuntimeException e) {
            tasks.finish(task.taskId(), AgentTask.FAILED, null, LocalDateTime.now(ZoneOffset.UTC));
            throw e;
        }
    }
}
