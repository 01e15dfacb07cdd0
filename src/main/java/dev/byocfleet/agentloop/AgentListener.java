package dev.byocfleet.agentloop;

/** Follows a run as it happens (the chat streams these); every method may be left out. */
public interface AgentListener {

    /** A piece of the model's text, as it streams. */
    default void text(String delta) {
    }

    /** A tool call is about to run. */
    default void toolStarted(String id, String tool, String arguments) {
    }

    /** A tool call finished. */
    default void toolFinished(ToolCallRecord call) {
    }
}
