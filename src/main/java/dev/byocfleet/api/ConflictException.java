package dev.byocfleet.api;

/**
 * Thrown when a request is well-formed but the current state does not allow it (the email is
 * taken, the last admin would be demoted, a feature is not configured); answered as 409.
 */
public class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message);
    }
}
