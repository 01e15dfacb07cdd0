package dev.byocfleet.outbound;

/** A user-configured URL (or the address it resolves to) that the outbound policy does not let the server call. */
public final class RefusedUrlException extends RuntimeException {

    public RefusedUrlException(String reason) {
        super(reason);
    }

    /** Why, in words fit for an API answer or a delivery record; never contains credentials. */
    public String reason() {
        return getMessage();
    }
}
