package dev.byocfleet.llm;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

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

    /**
     * A cancellation for one step that ends when this one does or when {@code timeout} has passed
     * (a run's wall-time budget reached during a model call); close it when the step is over.
     */
    public Deadline withTimeout(Duration timeout) {
        Cancellation child = new Cancellation();
        Deadline deadline = new Deadline(child);
        Runnable unregister = whenCancelled(child::cancel);
        deadline.detach = unregister;
        long millis = Math.max(0, timeout.toMillis());
        CompletableFuture.delayedExecutor(millis, TimeUnit.MILLISECONDS).execute(() -> {
            if (!deadline.closed) {
                deadline.timedOut = true;
                child.cancel();
            }
        });
        return deadline;
    }

    /** The step's cancellation and whether its time ran out. */
    public static final class Deadline implements AutoCloseable {
        private final Cancellation cancellation;
        private volatile boolean timedOut;
        private volatile boolean closed;
        private Runnable detach = () -> { };

        private Deadline(Cancellation cancellation) {
            this.cancellation = cancellation;
        }

        public Cancellation cancellation() {
            return cancellation;
        }

        /** Whether the timeout (not the caller) cancelled the step. */
        public boolean timedOut() {
            return timedOut;
        }

        @Override
        public void close() {
            closed = true;
            detach.run();
        }
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
