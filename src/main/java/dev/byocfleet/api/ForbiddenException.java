package dev.byocfleet.api;

/** Thrown by a feature when the caller may not do what the request asks; answered as 403. */
public class ForbiddenException extends RuntimeException {

    public ForbiddenException(String message) {
        super(message);
    }
}
