package dev.byocfleet.api;

/** Thrown by a feature when a request clashes with what exists (a duplicate id); answered as 409. */
public class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message);
    }
}
