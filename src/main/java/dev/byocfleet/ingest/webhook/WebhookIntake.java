package dev.byocfleet.ingest.webhook;

import dev.byocfleet.ingest.AlertSource;
import dev.byocfleet.ingest.AlertStore;
import dev.byocfleet.ingest.AlertStore.StoreResult;
import dev.byocfleet.ingest.ParsedAlerts;
import dev.byocfleet.ingest.PayloadException;
import dev.byocfleet.ingest.WebhookSignatureException;
import dev.byocfleet.ingest.WebhookSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Service;

/**
 * Takes one webhook request from start to finish, in an order that does the cheap refusals first
 * and lets nothing half-checked reach the store: configured at all (503), credentials (401),
 * content type (415), size (413), the source's signature over the raw bytes (401), the body's shape
 * (400 naming the field; one bad alert rejects the whole body and nothing is stored), then one
 * store call that returns once the alerts are durable (see {@link AlertStore#accept}). A store
 * failure is a 503 with Retry-After, so the sender delivers again; redeliveries are deduplicated
 * by message id.
 */
@Service
public class WebhookIntake {

    /** The request as the intake needs it: headers by name (case-insensitive) and the body stream. */
    record WebhookRequest(Function<String, String> header, InputStream body) {}

    private static final Logger log = LoggerFactory.getLogger(WebhookIntake.class);

    private final Map<String, WebhookSource> sources = new TreeMap<>();
    private final AlertStore store;
    private final WebhookProperties props;
    private final WebhookAuthenticator authenticator;
    private final WebhookRuns runs;
    private final MeterRegistry meters;
    private final Clock clock;
    /** Each source's alert counters (a registry lookup per request cost more than the count). */
    private final Map<String, AlertCounters> alertCounters = new ConcurrentHashMap<>();

    private record AlertCounters(Counter inserted, Counter duplicates) {}

    @Autowired
    WebhookIntake(List<AlertSource> sources, AlertStore store, WebhookProperties props, WebhookRuns runs,
                  MeterRegistry meters) {
        this(sources, store, props, runs, meters, Clock.systemUTC());
    }

    WebhookIntake(List<AlertSource> sources, AlertStore store, WebhookProperties props, WebhookRuns runs,
                  MeterRegistry meters, Clock clock) {
        for (AlertSource s : sources) {
            if (s instanceof WebhookSource w) {
                this.sources.put(w.name(), w);
            }
        }
        this.store = store;
        this.props = props;
        this.authenticator = new WebhookAuthenticator(props);
        this.runs = runs;
        this.meters = meters;
        this.clock = clock;
        if (!props.configured()) {
            log.warn("webhooks are not configured: set BYOC_WEBHOOK_TOKEN (or BYOC_WEBHOOK_BASIC_USER and "
                    + "BYOC_WEBHOOK_BASIC_PASSWORD); until then every webhook request gets 503");
        }
    }

    WebhookReceipt receive(String sourceName, WebhookRequest request) {
        try (AlertStore.Arrival arrival = store.arrival()) {
            return receive(sourceName, request, arrival);
        }
    }

    private WebhookReceipt receive(String sourceName, WebhookRequest request, AlertStore.Arrival arrival) {
        WebhookSource source = source(sourceName);
        if (!props.configured()) {
            throw new WebhookRejection(HttpStatus.SERVICE_UNAVAILABLE, "Webhooks are not configured on this server: "
                    + "set BYOC_WEBHOOK_TOKEN (or BYOC_WEBHOOK_BASIC_USER and BYOC_WEBHOOK_BASIC_PASSWORD).");
        }
        authenticator.authenticate(request.header().apply(HttpHeaders.AUTHORIZATION));
        checkContentType(request.header().apply(HttpHeaders.CONTENT_TYPE));
        byte[] body = readBody(request);
        Instant now = clock.instant();
        try {
            source.verifySignature(request.header(), body, now);
        } catch (WebhookSignatureException e) {
            throw new WebhookRejection(HttpStatus.UNAUTHORIZED, e.getMessage(), "signature", null);
        }
        return accept(source, body, LocalDateTime.ofInstant(now, ZoneOffset.UTC), arrival);
    }

    /**
     * A webhook body that comes from inside this process, not over HTTP (the demo generator's
     * payload files): no credentials, content type or signature to check, but the same parse,
     * deduplicating durable write and run record as a request, with the time it was sent as its
     * received time. A body the source cannot read fails with an unchecked exception naming the field.
     * Like a request, it returns once the alerts are committed; a batch of replays then calls
     * {@link #awaitGrouping()} once, so their issues are grouped in a few large passes.
     */
    public WebhookReceipt replay(String sourceName, byte[] body, LocalDateTime receivedAt) {
        return accept(source(sourceName), body, receivedAt, null);
    }

    /** Waits until the alerts stored so far are grouped into issues (at most two minutes; the sweep groups the rest). */
    public void awaitGrouping() {
        store.awaitListeners();
    }

    private WebhookSource source(String sourceName) {
        WebhookSource source = sources.get(sourceName);
        if (source == null) {
            throw new WebhookRejection(HttpStatus.NOT_FOUND, "No webhook source '" + sourceName + "'; known: "
                    + String.join(", ", sources.keySet()) + ".", "source", null);
        }
        return source;
    }

    /**
     * Parses, stores and counts one checked body. A request ({@code arrival} is its announcement to the
     * store) returns once its alerts are durable (in the alert journal, or committed where there is
     * none); a replay ({@code arrival} null) returns after the commit.
     */
    private WebhookReceipt accept(WebhookSource source, byte[] body, LocalDateTime receivedAt, AlertStore.Arrival arrival) {
        String sourceName = source.name();
        ParsedAlerts parsed;
        try {
            parsed = source.parse(body, receivedAt);
        } catch (PayloadException e) {
            meters.counter("byoc.webhook.rejected", "source", sourceName, "reason", "payload").increment();
            throw new WebhookRejection(HttpStatus.BAD_REQUEST, e.getMessage(), e.field(), null);
        }
        if (parsed.truncatedAlerts() > 0) {
            log.warn("{} webhook: the sender left {} alerts out of a notification (its max_alerts); "
                    + "they were never received", sourceName, parsed.truncatedAlerts());
            meters.counter("byoc.webhook.truncated.alerts", "source", sourceName).increment(parsed.truncatedAlerts());
        }
        String runId = runs.runId(sourceName, receivedAt);
        StoreResult stored = arrival != null ? store.accept(parsed.alerts(), runId, arrival) : store.store(parsed.alerts(), runId);
        runs.record(sourceName, receivedAt, parsed.alerts().size(), stored);
        AlertCounters counters = alertCounters.computeIfAbsent(sourceName, s -> new AlertCounters(
                meters.counter("byoc.webhook.alerts", "source", s, "outcome", "inserted"),
                meters.counter("byoc.webhook.alerts", "source", s, "outcome", "duplicate")));
        counters.inserted().increment(stored.inserted());
        counters.duplicates().increment(stored.duplicates());
        return new WebhookReceipt(parsed.alerts().size(), stored.inserted(), stored.duplicates(), stored.unmapped(),
                parsed.truncatedAlerts());
    }

    private static void checkContentType(String header) {
        MediaType type;
        try {
            type = header == null || header.isBlank() ? null : MediaType.parseMediaType(header);
        } catch (InvalidMediaTypeException e) {
            type = null;
        }
        boolean json = type != null && "application".equals(type.getType())
                && ("json".equals(type.getSubtype()) || type.getSubtype().endsWith("+json"));
        boolean utf8 = type != null && (type.getCharset() == null || "UTF-8".equalsIgnoreCase(type.getCharset().name()));
        if (!json || !utf8) {
            HttpHeaders headers = new HttpHeaders();
            headers.setAccept(List.of(MediaType.APPLICATION_JSON));
            throw new WebhookRejection(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "The body must be JSON sent as "
                    + "'Content-Type: application/json' (UTF-8), not '" + (header == null ? "" : header) + "'.",
                    HttpHeaders.CONTENT_TYPE, headers);
        }
    }

    private byte[] readBody(WebhookRequest request) {
        long max = props.maxBodySize().toBytes();
        String length = request.header().apply(HttpHeaders.CONTENT_LENGTH);
        long declared = -1;
        if (length != null) {
            try {
                declared = Long.parseLong(length.strip());
            } catch (NumberFormatException ignored) {
                // the container rejects a malformed length itself; the read below still caps the body
            }
            if (declared > max) {
                throw tooLarge(max);
            }
        }
        int cap = (int) Math.min(Integer.MAX_VALUE - 8, max + 1);
        byte[] body;
        try (InputStream in = request.body()) {
            body = declared >= 0 && declared < cap ? readDeclared(in, (int) declared, cap) : in.readNBytes(cap);
        } catch (IOException e) {
            throw new WebhookRejection(HttpStatus.BAD_REQUEST, "The request body could not be read: " + e.getMessage());
        }
        if (body.length > max) {
            throw tooLarge(max);
        }
        return body;
    }

    /**
     * A body of a declared length, read into an array of that length at once (reading an unknown
     * length collects chunks and copies them: twice the bytes, for every request). What the sender
     * sends beyond its length is read too, up to {@code cap}, so a wrong length never hides bytes.
     */
    private static byte[] readDeclared(InputStream in, int declared, int cap) throws IOException {
        byte[] body = new byte[declared];
        int read = in.readNBytes(body, 0, declared);
        if (read < declared) {
            return java.util.Arrays.copyOf(body, read);
        }
        int next = in.read();
        if (next < 0) {
            return body;
        }
        byte[] rest = in.readNBytes(Math.max(0, cap - declared - 1));
        byte[] all = java.util.Arrays.copyOf(body, declared + 1 + rest.length);
        all[declared] = (byte) next;
        System.arraycopy(rest, 0, all, declared + 1, rest.length);
        return all;
    }

    private static WebhookRejection tooLarge(long max) {
        return new WebhookRejection(HttpStatus.CONTENT_TOO_LARGE, "The body is larger than " + max
                + " bytes (byoc.webhooks.max-body-size); lower max_alerts on the sender.", "body", null);
    }
}
