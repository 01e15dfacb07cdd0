package dev.byocfleet.llm;

import dev.byocfleet.llm.LlmException.Kind;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One attempt of a JSON POST to a provider, plain or as a Server-Sent Events stream, with every
 * failure turned into a typed {@link LlmException}: retryable (429, 5xx, 529, connection) or not
 * (401/403, quota, other 4xx). Retrying is the caller's business.
 */
final class LlmHttp {

    /** One server-sent event: its {@code event:} name (empty when none) and its joined data lines. */
    record SseEvent(String event, String data) {}

    private static final int MAX_DETAIL = 300;

    private final HttpClient client = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    private final JsonMapper json;
    private final Duration timeout;

    LlmHttp(JsonMapper json, Duration timeout) {
        this.json = json;
        this.timeout = timeout;
    }

    JsonMapper json() {
        return json;
    }

    JsonNode post(URI uri, Map<String, String> headers, String body, Cancellation cancellation) {
        HttpResponse<String> response = send(request(uri, headers, body, timeout),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8), cancellation);
        if (response.statusCode() / 100 != 2) {
            throw failure(response.statusCode(), response.headers(), response.body());
        }
        try {
            return json.readTree(response.body());
        } catch (RuntimeException e) {
            throw new LlmException(Kind.MALFORMED_RESPONSE, response.statusCode(), null,
                    "The provider's answer is not JSON");
        }
    }

    /** Posts and hands each event to {@code onEvent} until the stream ends or the caller cancels. */
    void stream(URI uri, Map<String, String> headers, String body, Cancellation cancellation, Consumer<SseEvent> onEvent) {
        HttpRequest request = request(uri, headers, body, timeout);
        HttpResponse<InputStream> response = send(request, HttpResponse.BodyHandlers.ofInputStream(), cancellation);
        InputStream in = response.body();
        if (response.statusCode() / 100 != 2) {
            String text;
            try (in) {
                text = new String(in.readNBytes(64 * 1024), StandardCharsets.UTF_8);
            } catch (IOException e) {
                text = "";
            }
            throw failure(response.statusCode(), response.headers(), text);
        }
        Runnable unregister = cancellation.whenCancelled(() -> closeQuietly(in));
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            readEvents(reader, cancellation, onEvent);
        } catch (IOException e) {
            if (cancellation.isCancelled()) {
                throw cancelled();
            }
            throw new LlmException(Kind.TRANSPORT, null, null, "The stream broke off (" + e.getClass().getSimpleName() + ")");
        } finally {
            unregister.run();
        }
        if (cancellation.isCancelled()) {
            throw cancelled();
        }
    }

    private static void readEvents(BufferedReader reader, Cancellation cancellation, Consumer<SseEvent> onEvent)
            throws IOException {
        String event = "";
        StringBuilder data = new StringBuilder();
        boolean hasData = false;
        String line;
        while ((line = reader.readLine()) != null) {
            if (cancellation.isCancelled()) {
                throw cancelled();
            }
            if (line.isEmpty()) {
                if (hasData) {
                    onEvent.accept(new SseEvent(event, data.toString()));
                }
                event = "";
                data.setLength(0);
                hasData = false;
            } else if (line.startsWith(":")) {
                continue;
            } else {
                int colon = line.indexOf(':');
                String field = colon < 0 ? line : line.substring(0, colon);
                String value = colon < 0 ? "" : line.substring(colon + 1);
                if (value.startsWith(" ")) {
                    value = value.substring(1);
                }
                if (field.equals("event")) {
                    event = value;
                } else if (field.equals("data")) {
                    if (hasData) {
                        data.append('\n');
                    }
                    data.append(value);
                    hasData = true;
                }
            }
        }
        if (hasData) {
            onEvent.accept(new SseEvent(event, data.toString()));
        }
    }

    private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler, Cancellation cancellation) {
        if (cancellation.isCancelled()) {
            throw cancelled();
        }
        CompletableFuture<HttpResponse<T>> future = client.sendAsync(request, handler);
        Runnable unregister = cancellation.whenCancelled(() -> future.cancel(true));
        try {
            return future.get();
        } catch (CancellationException e) {
            throw cancelled();
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw cancelled();
        } catch (ExecutionException e) {
            if (cancellation.isCancelled()) {
                throw cancelled();
            }
            String what = e.getCause() instanceof HttpTimeoutException ? "timed out"
                    : "connection failed (" + e.getCause().getClass().getSimpleName() + ")";
            throw new LlmException(Kind.TRANSPORT, null, null, "The provider " + what);
        } finally {
            unregister.run();
        }
    }

    private static HttpRequest request(URI uri, Map<String, String> headers, String body, Duration timeout) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("User-Agent", "byoc-fleet")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        headers.forEach(builder::header);
        return builder.build();
    }

    /** Types a non-2xx answer; the provider's error type and message go into the exception's message. */
    LlmException failure(int status, HttpHeaders headers, String body) {
        ErrorBody error = errorBody(body);
        Kind kind = switch (status) {
            case 401, 403 -> Kind.AUTH;
            case 402 -> Kind.QUOTA;
            case 429 -> error.quota() ? Kind.QUOTA : Kind.RATE_LIMITED;
            case 529 -> Kind.OVERLOADED;
            case 408, 409, 425 -> Kind.SERVER_ERROR;
            default -> status >= 500 ? ("overloaded_error".equals(error.type()) ? Kind.OVERLOADED : Kind.SERVER_ERROR)
                    : Kind.BAD_REQUEST;
        };
        return new LlmException(kind, status, retryAfter(headers), "HTTP " + status + error.describe());
    }

    /** An error event inside a stream (Anthropic sends overloaded_error this way). */
    LlmException streamError(JsonNode event) {
        ErrorBody error = errorBody(event.toString());
        Kind kind = switch (error.type() == null ? "" : error.type()) {
            case "overloaded_error" -> Kind.OVERLOADED;
            case "rate_limit_error" -> error.quota() ? Kind.QUOTA : Kind.RATE_LIMITED;
            case "api_error" -> Kind.SERVER_ERROR;
            case "authentication_error", "permission_error" -> Kind.AUTH;
            default -> Kind.BAD_REQUEST;
        };
        return new LlmException(kind, null, null, "Stream error" + error.describe());
    }

    private record ErrorBody(@Nullable String type, @Nullable String code, @Nullable String message, boolean quota) {

        String describe() {
            StringBuilder s = new StringBuilder();
            if (type != null) {
                s.append(' ').append(type);
            }
            if (code != null && !code.equals(type)) {
                s.append(" (").append(code).append(')');
            }
            if (message != null) {
                s.append(": ").append(message.length() > MAX_DETAIL ? message.substring(0, MAX_DETAIL) + "…" : message);
            }
            return s.toString();
        }
    }

    /**
     * Anthropic: {@code {"type":"error","error":{"type","message","details":{"error_code"}}}};
     * OpenAI-compatible: {@code {"error":{"message","type","code"}}}. Quota exhaustion is a 429 there
     * too, told apart by its code.
     */
    private ErrorBody errorBody(String body) {
        JsonNode error;
        try {
            error = json.readTree(body == null || body.isBlank() ? "{}" : body).path("error");
        } catch (RuntimeException e) {
            return new ErrorBody(null, null, null, false);
        }
        String type = text(error.path("type"));
        String code = text(error.path("code"));
        String detailCode = text(error.path("details").path("error_code"));
        String message = error.isString() ? error.asString() : text(error.path("message"));
        boolean quota = "insufficient_quota".equals(code) || "insufficient_quota".equals(type)
                || "billing_error".equals(type) || (detailCode != null && detailCode.contains("spend_limit"));
        return new ErrorBody(type, code != null ? code : detailCode, message, quota);
    }

    private static @Nullable String text(JsonNode node) {
        return node.isString() || node.isNumber() ? node.asString() : null;
    }

    /** retry-after-ms (OpenAI), retry-after in seconds or as an HTTP date. */
    static @Nullable Duration retryAfter(HttpHeaders headers) {
        try {
            var ms = headers.firstValue("retry-after-ms");
            if (ms.isPresent()) {
                return Duration.ofMillis(Math.max(0, (long) Double.parseDouble(ms.get().strip())));
            }
            var value = headers.firstValue("retry-after");
            if (value.isEmpty()) {
                return null;
            }
            String v = value.get().strip();
            if (v.matches("\\d+(\\.\\d+)?")) {
                return Duration.ofMillis((long) (Double.parseDouble(v) * 1000));
            }
            Duration until = Duration.between(ZonedDateTime.now(), ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME));
            return until.isNegative() ? Duration.ZERO : until;
        } catch (NumberFormatException | DateTimeParseException e) {
            return null;
        }
    }

    private static LlmException cancelled() {
        return new LlmException(Kind.CANCELLED, null, null, "Cancelled");
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // the reader sees the closed stream and stops
        }
    }
}
