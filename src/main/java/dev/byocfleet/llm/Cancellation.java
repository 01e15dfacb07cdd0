package dev.byocfleet.llm;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Lets a caller (a chat user pressing stop) end a run: the model call in flight is aborted, no
 * further call starts. Thread-safe; cancelling twice is harmless.
 */
public final class Cancellation {

    private volatile boolean cancelled;
    private final List<Runnable> onCancel = new CopyOnWriteArrayList<>();

    public static Cancellation none() {
        return new Cancellation();
    }

    public void cancel() {
        if (cancelled) {
            return;
        }
        cancelled = true;
        onCancel.forEach(Runnable::run);
    }

    public boolean isCancelled() {
        return cancelled;
    }

    /** Runs {@code action} on cancel (at once when already cancelled); answers how to unregister it. */
    Runnable whenCancelled(Runnable action) {
        onCancel.add(action);
        if (cancelled) {
            action.run();
        }
        return () -> onCancel.remove(action);
    }
}
