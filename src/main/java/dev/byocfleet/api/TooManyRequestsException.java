package dev.byocfleet.api;

import java.time.Duration;

/** Thrown when a caller must slow down; answered as 429 with a Retry-After of whole seconds. */
public class TooManyRequestsException extends RuntimeException {

    private final Duration retryAfter;

    public TooManyRequestsException(String message, Duration retryAfter) {
        super(message);
        this.retryAfter = retryAfter;
    }

    /** At least one second, rounded up. */
    public long retryAfterSeconds() {
        long millis = Math.max(retryAfter.toMillis(), 1);
        return (millis + 999) / 1000;
    }
}
