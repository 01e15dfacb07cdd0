package dev.byocfleet.agents;

import java.util.List;

/**
 * Step 7 and 8: what the diagnoser concluded.
 *
 * @param mode            rules, llm, or llm_fallback_rules (the model's answer failed validation twice)
 * @param hypotheses      ranked, best first
 * @param rootCause       the first supported hypothesis' category, {@code no_incident} or {@code unknown}
 * @param recommendations mitigation and follow-up, in order
 */
public record Diagnosis(
        String mode,
        List<Hypothesis> hypotheses,
        String rootCause,
        double confidence,
        String severity,
        boolean escalate,
        String summary,
        List<String> recommendations,
        String model) {
}
