package dev.byocfleet.issues.ai;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** The summary without an LLM: the facts in fixed sentences. */
public final class TemplateSummarizer implements AiIssueSummarizer {

    @Override
    public Summary summarize(AiIssueFacts f) {
        List<String> shared = new ArrayList<>();
        f.sharedAttributes().forEach((k, v) -> shared.add(switch (k) {
            case "version" -> "StarRocks " + v;
            case "region" -> "region " + v;
            case "instance_type" -> "instance type " + v;
            default -> k + " " + v;
        }));
        String clusters = f.clusterNames().size() <= 5 ? String.join(", ", f.clusterNames())
                : String.join(", ", f.clusterNames().subList(0, 5)) + " and " + (f.clusterNames().size() - 5) + " more";
        StringBuilder s = new StringBuilder();
        s.append(f.clusterNames().size()).append(" clusters (").append(clusters).append(") raised ")
                .append(f.familyLabel()).append(" alerts (").append(f.alertNames().stream().distinct().sorted()
                        .collect(Collectors.joining(", "))).append(") between ").append(f.firstSeen()).append(" and ")
                .append(f.lastSeen()).append(".");
        if (!shared.isEmpty()) {
            s.append(" They share ").append(String.join(", ", shared)).append(".");
        }
        s.append(" ").append(f.issues()).append(" issues, ").append(f.critical()).append(" critical, ")
                .append(f.active()).append(" still active.");
        if (f.suggestedNextStep() != null) {
            s.append(" Next: ").append(f.suggestedNextStep());
        }
        return new Summary(s.toString(), "template", null, null);
    }
}
