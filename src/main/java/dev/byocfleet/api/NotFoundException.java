package dev.byocfleet.api;

/** Thrown by a feature when the thing a request names does not exist; answered as 404. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message);
    }
}
