package dev.byocfleet.ingest;

/** A webhook request whose signature is missing, stale or does not match; answered as 401. */
public class WebhookSignatureException extends RuntimeException {

    public WebhookSignatureException(String message) {
        super(message);
    }
}
