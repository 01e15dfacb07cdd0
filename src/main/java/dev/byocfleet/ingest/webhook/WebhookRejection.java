package dev.byocfleet.ingest.webhook;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/**
 * A webhook request refused before anything was stored, answered as a problem detail with this
 * status; {@code parameter} names the offending header or body field when there is one.
 */
class WebhookRejection extends RuntimeException {

    private final HttpStatus status;
    private final String parameter;
    private final HttpHeaders headers;

    WebhookRejection(HttpStatus status, String detail, String parameter, HttpHeaders headers) {
        super(detail);
        this.status = status;
        this.parameter = parameter;
        this.headers = headers == null ? HttpHeaders.EMPTY : headers;
    }

    WebhookRejection(HttpStatus status, String detail) {
        this(status, detail, null, null);
    }

    HttpStatus status() {
        return status;
    }

    String parameter() {
        return parameter;
    }

    HttpHeaders headers() {
        return headers;
    }
}
