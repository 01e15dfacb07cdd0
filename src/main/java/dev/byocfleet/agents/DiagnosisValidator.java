package dev.byocfleet.agents;

import dev.byocfleet.store.JsonColumns;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Checks a model's answer against the diagnosis schema and the evidence pack: known categories,
 * statuses and severities, confidences in [0, 1], and every cited evidence id present in the pack.
 * Answers the diagnosis or the list of problems (for the one repair round).
 */
final class DiagnosisValidator {

    static final int MAX_HYPOTHESES = 10;
    static final int MAX_TEXT = 8_000;

    record Result(@Nullable Diagnosis diagnosis, List<String> problems) {
        boolean valid() {
            return diagnosis != null;
        }
    }

    private DiagnosisValidator() {
    }

    static Result validate(String reply, EvidencePack pack, String mode, String model) {
        List<String> problems = new ArrayList<>();
        JsonNode root;
        try {
            root = JsonColumns.MAPPER.readTree(stripFence(reply));
        } catch (JacksonException e) {
            return new Result(null, List.of("the answer is not JSON"));
        }
        if (root == null || !root.isObject()) {
            return new Result(null, List.of("the answer is not a JSON object"));
        }
        Set<String> ids = pack.evidenceIds();
        List<Hypothesis> hypotheses = new ArrayList<>();
        JsonNode hs = root.path("hypotheses");
        if (!hs.isArray() || hs.isEmpty() || hs.size() > MAX_HYPOTHESES) {
            problems.add("hypotheses must be a list of 1 to " + MAX_HYPOTHESES);
        } else {
            for (int i = 0; i < hs.size(); i++) {
                JsonNode h = hs.get(i);
                String at = "hypotheses[" + i + "]";
                String category = text(h, "category");
                String status = text(h, "status");
                if (!RootCause.ALL.contains(category)) {
                    problems.add(at + ".category is not a known category");
                }
                if (!Hypothesis.SUPPORTED.equals(status) && !Hypothesis.REFUTED.equals(status)) {
                    problems.add(at + ".status must be supported or refuted");
                }
                double confidence = unit(h.path("confidence"), at + ".confidence", problems);
                List<String> cited = new ArrayList<>();
                if (!h.path("evidence").isArray() || h.path("evidence").isEmpty()) {
                    problems.add(at + ".evidence must cite at least one evidence id");
                } else {
                    for (JsonNode e : h.path("evidence")) {
                        String id = e.isString() ? e.asString() : "";
                        if (!ids.contains(id)) {
                            problems.add(at + ".evidence cites '" + truncate(id) + "', which is not in the pack");
                        }
                        cited.add(id);
                    }
                }
                hypotheses.add(new Hypothesis(category, status, confidence, cited, truncate(text(h, "reasoning"), 1_000)));
            }
        }
        String rootCause = text(root, "root_cause");
        if (!RootCause.ALL.contains(rootCause)) {
            problems.add("root_cause is not a known category");
        } else if (!rootCause.equals(RootCause.NO_INCIDENT) && !rootCause.equals(RootCause.UNKNOWN)
                && hypotheses.stream().noneMatch(h -> h.category().equals(rootCause) && h.status().equals(Hypothesis.SUPPORTED))) {
            problems.add("root_cause must be a supported hypothesis");
        }
        double confidence = unit(root.path("confidence"), "confidence", problems);
        String severity = text(root, "severity");
        if (!Set.of("critical", "warning", "info").contains(severity)) {
            problems.add("severity must be critical, warning or info");
        }
        if (!root.path("escalate").isBoolean()) {
            problems.add("escalate must be true or false");
        }
        String summary = text(root, "summary");
        if (summary.isBlank() || summary.length() > MAX_TEXT) {
            problems.add("summary must be 1 to " + MAX_TEXT + " characters");
        }
        List<String> recommendations = new ArrayList<>();
        JsonNode rs = root.path("recommendations");
        if (!rs.isArray() || rs.isEmpty() || rs.size() > 10) {
            problems.add("recommendations must be a list of 1 to 10 texts");
        } else {
            rs.forEach(r -> recommendations.add(truncate(r.asString(""), 500)));
        }
        if (!problems.isEmpty()) {
            return new Result(null, List.copyOf(problems));
        }
        return new Result(new Diagnosis(mode, hypotheses, rootCause, confidence, severity,
                root.path("escalate").asBoolean(), summary, recommendations, model), List.of());
    }

    private static String stripFence(String reply) {
        String t = reply == null ? "" : reply.strip();
        if (t.startsWith("```")) {
            int start = t.indexOf('\n');
            int end = t.lastIndexOf("```");
            if (start > 0 && end > start) {
                return t.substring(start + 1, end);
            }
        }
        return t;
    }

    private static double unit(JsonNode n, String field, List<String> problems) {
        if (!n.isNumber() || n.asDouble() < 0 || n.asDouble() > 1) {
            problems.add(field + " must be a number from 0 to 1");
            return 0;
        }
        return n.asDouble();
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.path(field);
        return v.isString() ? v.asString() : "";
    }

    private static String truncate(String s) {
        return truncate(s, 40);
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max) + "…";
    }
}
