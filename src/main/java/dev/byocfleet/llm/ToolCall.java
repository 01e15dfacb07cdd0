package dev.byocfleet.llm;

/**
 * A tool the model asked for. {@code arguments} is the model's JSON text exactly as it came: it may
 * be malformed, and the caller answers that to the model rather than failing.
 *
 * @param id the provider's id of the call (tool_use id, tool_calls id)
 */
public record ToolCall(String id, String name, String arguments) {}
