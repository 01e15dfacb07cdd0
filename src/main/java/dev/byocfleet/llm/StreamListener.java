package dev.byocfleet.llm;

/** Receives a streamed answer as it arrives; the full answer is still returned at the end. */
public interface StreamListener {

    /** A piece of the answer's text. */
    void text(String delta);

    /** The model began a tool call (its arguments follow and are complete in the response). */
    default void toolCallStarted(String id, String name) {
    }
}
