package dev.byocfleet.agents;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Step 8: mitigation, follow-up, severity and whether to escalate, plus the Markdown summary. */
final class Remediation {

    private static final Map<String, List<String>> ACTIONS = Map.ofEntries(
            Map.entry(RootCause.DISK_CAPACITY, List.of(
                    "Mitigate: expand the BE data volumes (MODIFY_VOLUME) or scale out BEs before usage passes 95%.",
                    "Mitigate: drop or TTL-expire old partitions and clean trash (ADMIN CLEAN TRASH).",
                    "Follow up: add a capacity forecast alert for this cluster and review retention.")),
            Map.entry(RootCause.COMPACTION_BACKLOG, List.of(
                    "Mitigate: slow down high-frequency small loads (batch them) so versions stop piling up.",
                    "Mitigate: raise compaction threads on the BEs (compact_threads / max_cumulative_compaction_num_singleton_deltas).",
                    "Follow up: check tables with many small rowsets and load frequency per table.")),
            Map.entry(RootCause.BE_OOM, List.of(
                    "Mitigate: find the memory-heavy queries or loads (be memory tracker) and limit them (query_mem_limit, resource groups).",
                    "Mitigate: scale up BE memory or add BEs if the working set has grown.",
                    "Follow up: check mem_limit and the page/data cache share on the BEs.")),
            Map.entry(RootCause.FE_GC_PRESSURE, List.of(
                    "Mitigate: raise the FE heap (-Xmx) or move the leader to a larger instance.",
                    "Mitigate: look for metadata growth (too many partitions/tablets) and huge query plans.",
                    "Follow up: check the FE image checkpoint and journal size; capture a heap histogram.")),
            Map.entry(RootCause.QUERY_OVERLOAD, List.of(
                    "Mitigate: find the new query source (audit log by user/IP) and throttle it with a resource group or query queue.",
                    "Mitigate: scale out compute nodes for the surge if it is legitimate.",
                    "Follow up: agree a concurrency limit with the customer and enable the query queue.")),
            Map.entry(RootCause.ROUTINE_LOAD_LAG, List.of(
                    "Mitigate: SHOW ROUTINE LOAD to find paused jobs and their ReasonOfStateChanged; RESUME after fixing the cause.",
                    "Mitigate: raise desired_concurrent_number / max_batch_rows for the lagging jobs.",
                    "Follow up: check the Kafka partition count against BE task slots.")),
            Map.entry(RootCause.NODE_FAILURE, List.of(
                    "Mitigate: restart or replace the dead node; confirm tablets re-replicate (SHOW PROC '/statistic').",
                    "Mitigate: check the cloud provider's instance status and events for the node.",
                    "Follow up: review the node's logs (be.WARNING, dmesg) for the cause of death.")),
            Map.entry(RootCause.VERSION_BUG, List.of(
                    "Mitigate: roll back to the previous version or apply the fixed patch release named in the known issue.",
                    "Mitigate: pause upgrades of other clusters to this version until fixed.",
                    "Follow up: escalate to StarRocks engineering with the failing queries and BE logs.")),
            Map.entry(RootCause.SCALING_SIDE_EFFECT, List.of(
                    "Mitigate: revert the scale-in (scale out to the previous size).",
                    "Mitigate: if the smaller size is intended, rebalance and check the autoscaling policy's minimum.",
                    "Follow up: size from the usage patterns before the next scale-in.")),
            Map.entry(RootCause.UNKNOWN, List.of(
                    "Mitigate: have an on-call engineer look at the cited metrics and alerts.",
                    "Follow up: add what the cause turns out to be to the Knowledge Lake.")),
            Map.entry(RootCause.NO_INCIDENT, List.of(
                    "No action needed: the signals are within the cluster's normal range.",
                    "Follow up: if the alert keeps flapping, tune its threshold or duration.")));

    private Remediation() {
    }

    static Diagnosis complete(EvidencePack pack, String mode, List<Hypothesis> hypotheses, String rootCause,
                              double confidence, String model) {
        String tier = pack.scope().tier();
        boolean strategic = "S".equals(tier) || "A".equals(tier);
        String severity = switch (rootCause) {
            case RootCause.NO_INCIDENT -> "info";
            case RootCause.NODE_FAILURE, RootCause.BE_OOM, RootCause.VERSION_BUG -> "critical";
            case RootCause.DISK_CAPACITY -> pack.metric("disk_used_pct").map(m -> m.recent() != null && m.recent() >= 90)
                    .orElse(false) ? "critical" : "warning";
            default -> "S".equals(tier) ? "critical" : "warning";
        };
        boolean escalate = !rootCause.equals(RootCause.NO_INCIDENT)
                && (rootCause.equals(RootCause.VERSION_BUG) || severity.equals("critical") && (strategic || confidence >= 0.7)
                || rootCause.equals(RootCause.UNKNOWN) && strategic);
        List<String> recommendations = ACTIONS.getOrDefault(rootCause, ACTIONS.get(RootCause.UNKNOWN));
        return new Diagnosis(mode, hypotheses, rootCause, confidence, severity, escalate,
                summary(pack, mode, hypotheses, rootCause, confidence, severity, escalate), recommendations, model);
    }

    private static String summary(EvidencePack pack, String mode, List<Hypothesis> hypotheses, String rootCause,
                                  double confidence, String severity, boolean escalate) {
        var s = pack.scope();
        StringBuilder md = new StringBuilder();
        md.append("**").append(rootCause).append("** on ").append(s.clusterName()).append(" (`").append(pack.clusterId())
                .append("`, tier ").append(s.tier()).append(", ").append(s.version()).append(")")
                .append(" — confidence ").append(Math.round(confidence * 100)).append("%, severity ").append(severity)
                .append(escalate ? ", **escalate**" : "").append(".\n\n");
        if (mode.endsWith("rules")) {
            md.append("_Diagnosed by deterministic rules over the evidence (no LLM")
                    .append(mode.equals("rules") ? "" : ": the model's answer did not validate").append(")._\n\n");
        }
        md.append("| # | hypothesis | status | confidence | evidence |\n|---|---|---|---|---|\n");
        int i = 1;
        for (Hypothesis h : hypotheses) {
            md.append("| ").append(i++).append(" | ").append(h.category()).append(" | ").append(h.status()).append(" | ")
                    .append(Math.round(h.confidence() * 100)).append("% | ")
                    .append(h.evidence().stream().collect(Collectors.joining(", "))).append(" |\n");
        }
        Hypothesis top = hypotheses.isEmpty() ? null : hypotheses.getFirst();
        if (top != null) {
            md.append("\nWhy: ").append(escape(top.reasoning())).append(".\n");
        }
        return md.toString();
    }

    /** Keeps table and emphasis syntax out of text that may carry alert names. */
    static String escape(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}
