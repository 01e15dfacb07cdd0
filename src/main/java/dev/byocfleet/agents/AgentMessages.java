package dev.byocfleet.agents;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Requests and responses of the agents' REST API. */
public final class AgentMessages {

    private AgentMessages() {
    }

    /**
     * Starts an investigation of one cluster.
     *
     * @param issueId the issue it is about, when started from one
     * @param at      investigate as of this UTC time (default now; not in the future)
     */
    public record StartInvestigation(@Nullable String clusterId, @Nullable Long issueId, @Nullable LocalDateTime at) {}

    /** An investigation in a list: what it concluded, without its evidence. */
    public record InvestigationSummary(String investigationId, @Nullable String taskId, @Nullable Long issueId,
                                       @Nullable String clusterId, String status, String mode, LocalDateTime startedAt,
                                       @Nullable LocalDateTime finishedAt, @Nullable String rootCause,
                                       @Nullable Double confidence, @Nullable String severity,
                                       @Nullable Boolean escalate, int evidenceCount, int hypothesisCount) {

        static InvestigationSummary of(Investigation i) {
            return new InvestigationSummary(i.investigationId(), i.taskId(), i.issueId(), i.clusterId(), i.status(),
                    i.mode(), i.startedAt(), i.finishedAt(), i.rootCause(), i.confidence(), i.severity(), i.escalate(),
                    i.evidence().size(), i.hypotheses().size());
        }
    }

    public record InvestigationPage(List<InvestigationSummary> items, int page, int size, long total) {}

    public record TaskPage(List<AgentTask> items, int page, int size, long total) {}

    /** A patrol report in a list: its state and headline numbers. */
    public record PatrolSummary(String reportId, LocalDateTime startedAt, @Nullable LocalDateTime finishedAt,
                                String mode, String status, PatrolReport.Progress progress, @Nullable String requestedBy,
                                Map<String, Integer> riskCounts, @Nullable Double averageScore, int problemClusters,
                                int patterns, @Nullable String error) {

        static PatrolSummary of(PatrolReport r) {
            return new PatrolSummary(r.reportId(), r.startedAt(), r.finishedAt(), r.mode(), r.status(),
                    r.findings().progress(), r.findings().requestedBy(), r.findings().riskCounts(),
                    r.findings().averageScore(), r.problemClusters().size(), r.patterns().size(), r.error());
        }
    }

    public record PatrolPage(List<PatrolSummary> items, int page, int size, long total) {}

    /** A report beside the previous finished one, with what changed between them. */
    public record PatrolDiff(PatrolReport report, @Nullable PatrolReport previous, PatrolReport.Changes changes) {}
}
