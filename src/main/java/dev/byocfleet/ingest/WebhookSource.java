package dev.byocfleet.ingest;

import java.time.Instant;
import java.util.function.Function;

/**
 * An alert source that posts to {@code POST /api/webhooks/{name}}. The shared credentials (bearer
 * token or basic auth) are checked for every webhook source; a source whose sender also signs its
 * requests checks the signature here, over the raw body, before anything parses it.
 */
public interface WebhookSource extends AlertSource {

    /**
     * Checks a signature the sender adds, if this source has one and it is configured.
     *
     * @param header a request header by name (case-insensitive), null when absent
     * @param body   the request body, byte for byte
     * @param now    the time to judge signature timestamps against
     * @throws WebhookSignatureException when the signature is missing, stale or wrong
     */
    default void verifySignature(Function<String, String> header, byte[] body, Instant now) {
    }
}
