package dev.byocfleet.agents;

import java.util.List;

/**
 * One candidate root cause.
 *
 * @param category   a category of DESIGN.md section 6
 * @param status     supported or refuted
 * @param confidence 0..1
 * @param evidence   the evidence ids that support (or refute) it
 * @param reasoning  why, in a sentence
 */
public record Hypothesis(String category, String status, double confidence, List<String> evidence, String reasoning) {

    public static final String SUPPORTED = "supported";
    public static final String REFUTED = "refuted";
}
