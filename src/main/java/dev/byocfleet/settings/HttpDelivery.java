package dev.byocfleet.settings;

import dev.byocfleet.outbound.OutboundPolicy;
import dev.byocfleet.outbound.RefusedUrlException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The one way notifications leave the server: a JSON POST with timeouts whose outcome is typed.
 * A failure is temporary (worth retrying: timeouts, connection errors, 429, 5xx, a rate-limit code
 * in the body) or permanent (other 4xx, an error code in a 2xx body, a destination the
 * {@link OutboundPolicy} refuses). Messages never carry the URL
 * or the headers, which may hold secrets.
 */
@Component
class HttpDelivery {

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    private static final int MAX_BODY_IN_DETAIL = 300;

    sealed interface Outcome permits Delivered, Failed {}

    record Delivered(int status) implements Outcome {}

    /** @param code the receiver's own error code from the body, when it has one */
    record Failed(boolean temporary, @Nullable Integer status, @Nullable Integer code, String reason) implements Outcome {}

    /** Looks into a 2xx body: empty when it reports success, the failure otherwise. */
    @FunctionalInterface
    interface BodyCheck {
        Optional<Failed> check(int status, String body);

        BodyCheck STATUS_ONLY = (status, body) -> Optional.empty();
    }

    /** Redirects are never followed: a 3xx is a failed delivery, so no redirect can lead past the policy. */
    private final HttpClient client = HttpClient.newBuilder()
            .connectTimeout(CONNECT_TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    private final OutboundPolicy policy;

    HttpDelivery(OutboundPolicy policy) {
        this.policy = policy;
    }

    /** Posts unless the outbound policy refuses the URL's host as it resolves now: a permanent failure. */
    Outcome postJson(URI url, String json, Map<String, String> headers, BodyCheck check) {
        try {
            policy.checkBeforeConnect(url);
        } catch (RefusedUrlException e) {
            return new Failed(false, null, null, "refused by the outbound-URL policy: " + e.reason());
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(url)
                .timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json; charset=utf-8")
                .header("User-Agent", "byoc-fleet")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        headers.forEach(request::header);
        HttpResponse<String> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpTimeoutException e) {
            return new Failed(true, null, null, "timed out");
        } catch (IOException e) {
            return new Failed(true, null, null, "connection failed (" + e.getClass().getSimpleName() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Failed(true, null, null, "interrupted");
        }
        int status = response.statusCode();
        String body = response.body() == null ? "" : response.body();
        if (status >= 200 && status < 300) {
            return check.check(status, body).<Outcome>map(f -> f).orElse(new Delivered(status));
        }
        boolean temporary = status == 429 || status >= 500;
        return new Failed(temporary, status, null, "HTTP " + status + excerpt(body));
    }

    private static String excerpt(String body) {
        String b = body.strip();
        if (b.isEmpty()) {
            return "";
        }
        return ": " + (b.length() > MAX_BODY_IN_DETAIL ? b.substring(0, MAX_BODY_IN_DETAIL) + "…" : b);
    }
}
