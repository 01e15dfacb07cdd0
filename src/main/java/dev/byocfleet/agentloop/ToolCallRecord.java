package dev.byocfleet.agentloop;

/**
 * One tool call of a run, as evidence: {@code id} ({@code call-1}, {@code call-2}, ... in the order
 * the model asked) is what diagnoses cite; {@code providerCallId} is the provider's own id.
 *
 * @param output    what the model was given (after the cap), without the delimiters
 * @param truncated whether the tool's output was cut to the budget's cap
 */
public record ToolCallRecord(String id, int step, String providerCallId, String tool, String arguments,
                             String output, boolean error, boolean truncated, long durationMs) {}
