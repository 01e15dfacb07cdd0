package dev.byocfleet.ingest;

/**
 * A payload that is not what its source sends: not JSON, the wrong shape, or a value of the wrong
 * type. {@code field} is the JSON path of the offending value as the sender wrote it, such as
 * {@code alerts[3].startsAt}, or {@code $} for the body as a whole.
 */
public class PayloadException extends RuntimeException {

    private final String field;

    public PayloadException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
