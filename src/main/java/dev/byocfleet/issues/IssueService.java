package dev.byocfleet.issues;

import dev.byocfleet.directory.FleetDirectory;
import dev.byocfleet.directory.KeptAnswers;
import dev.byocfleet.api.InvalidParameterException;
import dev.byocfleet.api.ListParameters;
import dev.byocfleet.api.NotFoundException;
import dev.byocfleet.alerts.AlertRetention;
import dev.byocfleet.auth.AccessGuard;
import dev.byocfleet.auth.CurrentUser;
import dev.byocfleet.auth.Role;
import dev.byocfleet.ingest.lark.IsoTimes;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * Issues for people: the list, one issue in full, triage (one issue or many at once) and rebuilds.
 * Viewers read; operators triage; every change is an issue event naming who made it.
 */
@Service
public class IssueService {

    static final int MAX_NOTE = 4_000;
    static final int MAX_BULK = 200;
    /** User ids of system actors (the agents' identity) start with this; people's ids never do. */
    public static final String SYSTEM_ACTOR_PREFIX = "agent:";
    /** List pages kept per version of the issues and of the directory; more distinct queries are read each time. */
    static final int MAX_KEPT_PAGES = 256;

    private final IssueGrouping grouping;
    /** Days the alert retention keeps alerts (0: it is off): a rebuild may not start earlier. */
    private final int alertKeepDays;
    private final IssueRepository repository;
    private final IssueQueryRepository queries;
    private final AccessGuard access;
    private final FleetDirectory directory;
    /** List pages of queries without a maximum age (which moves with the clock), kept per version of the issues. */
    private final KeptAnswers<IssueQuery, IssuePage> pages;
    /** The hours of the kept health passes, read at the directory's pace (an issue's health at its start and now). */
    private final java.util.function.Supplier<java.util.NavigableSet<java.time.LocalDateTime>> passHours;

    IssueService(IssueGrouping grouping, IssueRepository repository, IssueQueryRepository queries, AccessGuard access,
                 FleetDirectory directory, ObjectProvider<AlertRetention> alertRetention) {
        AlertRetention retention = alertRetention.getIfAvailable();
        this.alertKeepDays = retention == null ? 0 : retention.keptDays();
        this.grouping = grouping;
        this.repository = repository;
        this.queries = queries;
        this.access = access;
        this.directory = directory;
        this.pages = new KeptAnswers<>(directory, IssueQueryRepository.LIST_COLUMNS, MAX_KEPT_PAGES);
        this.passHours = directory.recent(queries::passHours);
    }

    /** The rows (read without them) with their cluster's name, organization name and tier from the fleet directory. */
    private List<IssueSummary> named(List<IssueSummary> rows) {
        return directory.named(rows, IssueSummary::clusterId, (r, c) -> r.withCluster(c.clusterName(), c.orgName(), c.tier()));
    }

    /**
     * A page of the list. A query without a maximum age is answered from memory while neither the
     * issue columns a list reads nor the fleet directory changed ({@link KeptAnswers}): the grouping
     * writer's changes show within the directory's recheck interval, this service's own (triage,
     * rebuild, investigations) on the very next read.
     */
    public IssuePage issues(IssueQuery query) {
        access.require(Role.VIEWER);
        return query.maxAge() == null ? pages.get(query, this::read) : read(query);
    }

    private IssuePage read(IssueQuery query) {
        LocalDateTime now = grouping.now();
        long total = queries.count(query, now);
        return new IssuePage(total <= query.offset() ? List.of() : named(queries.page(query, now)), query.page(), query.size(), total);
    }

    public IssueDetail issue(long issueId) {
        access.require(Role.VIEWER);
        GroupingState state = new GroupingState();
        repository.loadIssues(state, List.of(issueId));
        IssueState s = state.issues.get(issueId);
        if (s == null) {
            throw new NotFoundException("No issue " + issueId + ".");
        }
        // the issue's own list row from the row just loaded; its related issues' rows in one read (first seen)
        List<IssueSummary> related = s.relatedIssues.isEmpty() ? List.of()
                : named(queries.byIds(s.relatedIssues));
        IssueSummary summary = named(List.of(s.summary())).getFirst();
        IssueQueryRepository.ClusterScores scores = s.clusterId != null && s.firstSeen != null
                ? queries.clusterScores(s.clusterId, s.firstSeen, grouping.now(), passHours.get())
                : IssueQueryRepository.ClusterScores.NONE;
        List<IssueAlert> alerts = s.alerts.stream().sorted(java.util.Comparator.comparing(IssueAlert::eventAt)).toList();
        return new IssueDetail(summary, s.summary, s.groupingKey, List.copyOf(s.affectedNodes), List.copyOf(s.fingerprints),
                s.acknowledgedAt, s.closedAt, s.explanation, alerts, repository.events(issueId),
                related, scores.atStart(), scores.now(),
                queries.investigations(issueId), s.aiIssueId);
    }

    /** One triage action on one issue; answers the issue as it is afterwards. */
    public IssueDetail triage(long issueId, TriageAction action, TriageRequest request) {
        CurrentUser user = access.require(Role.OPERATOR);
        apply(List.of(issueId), action, request == null ? TriageRequest.empty() : request, user);
        return issue(issueId);
    }

    /** One action on many issues, all or nothing: one that cannot take it fails the call and nothing changes. */
    public List<IssueSummary> bulk(TriageRequest request) {
        CurrentUser user = access.require(Role.OPERATOR);
        if (request == null || request.issueIds() == null || request.issueIds().isEmpty()) {
            throw new InvalidParameterException("issue_ids", "issue_ids must list at least one issue");
        }
        if (request.issueIds().size() > MAX_BULK) {
            throw new InvalidParameterException("issue_ids", "at most " + MAX_BULK + " issues at once");
        }
        TriageAction action = TriageAction.parse(request.action());
        if (action == TriageAction.MERGE || action == TriageAction.LINK) {
            throw new InvalidParameterException("action", "merge and link take one issue at a time");
        }
        Set<Long> ids = new LinkedHashSet<>(request.issueIds());
        apply(List.copyOf(ids), action, request, user);
        return named(queries.byIds(ids));
    }

    public IssueGrouping.RebuildResult rebuild(String from, String to) {
        access.require(Role.OPERATOR);
        LocalDateTime f = time("from", from);
        LocalDateTime t = time("to", to);
        if (!f.isBefore(t)) {
            throw new InvalidParameterException("to", "to must be later than from");
        }
        if (ChronoUnit.DAYS.between(f, t) > 400) {
            throw new InvalidParameterException("to", "a rebuild covers at most 400 days");
        }
        if (alertKeepDays > 0 && f.isBefore(grouping.now().minusDays(alertKeepDays))) {
            // the alerts received before then are deleted (but for active issues'): regrouping would lose issues
            throw new InvalidParameterException("from", "a rebuild may start at most " + alertKeepDays
                    + " days ago: older alerts are deleted by the alert retention (byoc.alerts.keep-days)");
        }
        try {
            return grouping.rebuild(f, t);
        } finally {
            pages.forget();
        }
    }

    /** Active issues of a cluster, most severe and newest first (MCP, cluster pages). */
    public IssuePage openIssues(String clusterId, int limit) {
        return issues(IssueQuery.of(0, Math.max(1, Math.min(limit, IssueQuery.MAX_SIZE)), "severity,desc", "active", null,
                clusterId, null, null, null, null));
    }

    /** One issue as a list row, when it exists (viewers read). */
    public Optional<IssueSummary> find(long issueId) {
        access.require(Role.VIEWER);
        return named(queries.byIds(List.of(issueId))).stream().findFirst();
    }

    /**
     * The active issue a firing alert belongs to (following merges), else the active issue of its
     * cluster and alert name (the alert may not be grouped yet). Empty when the issue is over.
     */
    public Optional<Long> activeIssueOfAlert(String messageId, String clusterId, @Nullable String alertName) {
        access.require(Role.VIEWER);
        Optional<Long> grouped = queries.issueOfAlert(messageId);
        if (grouped.isPresent()) {
            GroupingState state = new GroupingState();
            repository.loadIssues(state, List.of(grouped.get()));
            IssueState issue = state.issues.get(grouped.get());
            IssueState target = issue == null ? null : state.followMerges(issue);
            return target != null && target.mergedInto == null && target.status.active()
                    ? Optional.of(target.issueId) : Optional.empty();
        }
        return alertName == null ? Optional.empty() : queries.activeIssueOf(clusterId, alertName);
    }

    /** The newest active issue of a cluster with an alert in {@code (from, to]}: the issue of an alert storm. */
    public Optional<Long> newestActiveIssue(String clusterId, LocalDateTime from, LocalDateTime to) {
        access.require(Role.VIEWER);
        return queries.newestActiveIssueWithAlertsIn(clusterId, from, to);
    }

    /**
     * For system actors (the agents), not an HTTP route: an investigation of an issue started.
     * Goes through {@link Triage}: open or acknowledged moves to investigating, anything else keeps
     * its status, a merged issue's target takes it, and one event names the actor and the
     * investigation. A signed-in person must be an operator; the agents run without one or as
     * their own {@code agent:} identity. Answers the issue that took the event.
     */
    public long investigationStarted(long issueId, String actor, String investigationId, String trigger) {
        requireSystemOrOperator();
        long[] target = {issueId};
        change(List.of(issueId), state -> {
            IssueState issue = state.issues.get(issueId);
            if (issue == null) {
                throw new NotFoundException("No issue " + issueId + ".");
            }
            target[0] = new Triage(state, actor, grouping.now()).investigationStarted(issue, investigationId, trigger).issueId;
        });
        return target[0];
    }

    /** For system actors, like {@link #investigationStarted}: the investigation's result as a comment on the issue. */
    public void investigationFinished(long issueId, String actor, InvestigationOutcome outcome) {
        requireSystemOrOperator();
        change(List.of(issueId), state -> {
            IssueState issue = state.issues.get(issueId);
            if (issue == null) {
                throw new NotFoundException("No issue " + issueId + ".");
            }
            new Triage(state, actor, grouping.now()).investigationFinished(issue, outcome);
        });
    }

    /** The signed-in user when it is a person, empty for the agents' {@code agent:} identity or no one. */
    public static Optional<CurrentUser> signedInPerson() {
        return CurrentUser.current().filter(u -> !u.userId().startsWith(SYSTEM_ACTOR_PREFIX));
    }

    private void requireSystemOrOperator() {
        signedInPerson().ifPresent(u -> access.require(Role.OPERATOR));
    }

    /** A change of issues through the grouping's writer; the kept list pages are forgotten once it is stored. */
    private void change(List<Long> issueIds, java.util.function.Consumer<GroupingState> action) {
        try {
            grouping.change(issueIds, action);
        } finally {
            pages.forget();
        }
    }

    private void apply(List<Long> ids, TriageAction action, TriageRequest r, CurrentUser user) {
        String note = ListParameters.text("note", r.note(), MAX_NOTE);
        if (action == TriageAction.COMMENT && note == null) {
            throw new InvalidParameterException("note", "a comment needs a note");
        }
        String owner = ListParameters.text("owner", r.owner(), 256);
        String severity = null;
        if (action == TriageAction.SEVERITY) {
            severity = r.severity() == null ? null : r.severity().strip().toLowerCase(Locale.ROOT);
            if (severity == null || !Severity.ALL.contains(severity)) {
                throw new InvalidParameterException("severity", "severity must be critical, warning or info");
            }
        }
        LocalDateTime until = action == TriageAction.SILENCE ? time("until", r.until()) : null;
        Long target = r.targetIssueId();
        if ((action == TriageAction.MERGE || action == TriageAction.LINK) && target == null) {
            throw new InvalidParameterException("target_issue_id", action.wire() + " needs target_issue_id");
        }
        List<Long> all = new ArrayList<>(ids);
        if (target != null && (action == TriageAction.MERGE || action == TriageAction.LINK)) {
            all.add(target);
        }
        String sev = severity;
        change(all, state -> {
            for (long id : all) {
                if (!state.issues.containsKey(id)) {
                    throw id == (target == null ? -1 : target)
                            ? new InvalidParameterException("target_issue_id", "no issue " + id)
                            : new NotFoundException("No issue " + id + ".");
                }
            }
            Triage triage = new Triage(state, user.email(), grouping.now());
            for (long id : ids) {
                IssueState issue = state.issues.get(id);
                switch (action) {
                    case ACKNOWLEDGE -> triage.acknowledge(issue, note);
                    case INVESTIGATE -> triage.investigate(issue, note);
                    case ASSIGN -> triage.assign(issue, owner, note);
                    case COMMENT -> triage.comment(issue, note);
                    case SEVERITY -> triage.severity(issue, sev, note);
                    case SILENCE -> triage.silence(issue, until, note);
                    case RESOLVE -> triage.resolve(issue, note);
                    case CLOSE -> triage.close(issue, note);
                    case MERGE -> triage.merge(issue, state.issues.get(target), note);
                    case LINK -> triage.link(issue, state.issues.get(target), note);
                }
            }
        });
    }

    private static LocalDateTime time(String parameter, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidParameterException(parameter, parameter + " is required");
        }
        try {
            return LocalDateTime.ofInstant(IsoTimes.parse(value), ZoneOffset.UTC);
        } catch (IllegalArgumentException e) {
            throw new InvalidParameterException(parameter, parameter + ": " + e.getMessage());
        }
    }
}
