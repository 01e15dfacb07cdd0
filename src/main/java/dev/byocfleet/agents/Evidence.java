package dev.byocfleet.agents;

import java.util.Map;

/**
 * One fact gathered by a tool call during steps 1-6. Hypotheses cite facts by {@link #id}, so a
 * reader can check every claim against what the tool returned.
 *
 * @param id      {@code E1}, {@code E2}, ... in the order gathered
 * @param step    protocol step (1-6) that gathered it
 * @param tool    the service call: {@code fleet.cluster}, {@code metrics.cluster_metrics}, ...
 * @param args    the call's arguments
 * @param summary one line for people
 * @param data    the structured result (numbers, names), as JSON
 */
public record Evidence(String id, int step, String tool, Map<String, Object> args, String summary,
                       Map<String, Object> data) {
}
