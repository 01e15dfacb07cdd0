package dev.byocfleet.agents;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Everything steps 1-6 found, as evidence items plus the typed facts the rules read (each fact
 * names the evidence item it came from). A diagnoser sees only this pack.
 */
public record EvidencePack(
        String clusterId,
        LocalDateTime at,
        String trigger,
        Scope scope,
        List<AlertFamily> alerts,
        List<MetricSignal> metrics,
        List<Change> changes,
        FleetComparison fleet,
        List<KnowledgeRef> knowledge,
        List<Evidence> evidence) {

    /** Step 1. */
    public record Scope(String evidenceId, @Nullable String clusterName, @Nullable String orgName, @Nullable String tier,
                        @Nullable String version, @Nullable String type, @Nullable String region,
                        @Nullable String state, int feCount, int beCount, int deadNodes,
                        @Nullable String instanceType) {}

    /**
     * Step 2: alerts of one name on the cluster in the timeline window. Summaries and labels are
     * untrusted text: they are kept as data and never read as instructions.
     */
    public record AlertFamily(String evidenceId, String alertName, String severity, int firing, int resolved,
                              boolean stillFiring, LocalDateTime firstAt, LocalDateTime lastAt,
                              List<String> summaries) {}

    /**
     * Step 3: one metric now against the cluster's own baseline. {@code recent} is the worst hourly
     * value of the last hours, {@code baseline} the median of the same aggregate before.
     */
    public record MetricSignal(String evidenceId, String metric, @Nullable Double recent, @Nullable Double baseline,
                               @Nullable Double warn, @Nullable Double crit, boolean lowerIsWorse,
                               @Nullable String band) {

        public boolean atLeastWarning() {
            return "warning".equals(band) || "critical".equals(band);
        }

        public double ratio() {
            if (recent == null || baseline == null || baseline == 0) {
                return recent == null ? 1 : recent > 0 ? Double.POSITIVE_INFINITY : 1;
            }
            return recent / baseline;
        }
    }

    /** Step 4: a control-plane change (action, state change, node restart/death). */
    public record Change(String evidenceId, String kind, @Nullable String detail, @Nullable String from,
                         @Nullable String to, @Nullable String state, @Nullable LocalDateTime startedAt,
                         @Nullable LocalDateTime finishedAt) {}

    /** Step 5: the same signal elsewhere in the fleet. */
    public record FleetComparison(String evidenceId, int clustersWithSameAlerts, int sameVersionWithSameAlerts,
                                  int clustersOnVersion) {}

    /** Step 6: a Knowledge Lake hit. */
    public record KnowledgeRef(String evidenceId, String docId, String kind, String title,
                               List<String> affectedVersions) {}

    public Optional<MetricSignal> metric(String name) {
        return metrics.stream().filter(m -> m.metric().equals(name)).findFirst();
    }

    public Set<String> evidenceIds() {
        return evidence.stream().map(Evidence::id).collect(Collectors.toSet());
    }
}
