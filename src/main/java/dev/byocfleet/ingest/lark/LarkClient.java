package dev.byocfleet.ingest.lark;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * The two Lark Open API calls the pipeline needs: a tenant access token
 * ({@code POST /open-apis/auth/v3/tenant_access_token/internal}, cached until shortly before it
 * expires and renewed when Lark rejects it with a 9999166x-style code) and a page of the alert chat
 * ({@code GET /open-apis/im/v1/messages}). Every answer's {@code code} is checked, not only its
 * HTTP status; 429, 5xx, rate-limit code 99991400, transport failures and malformed bodies are
 * retried with exponential backoff (or Lark's {@code x-ogw-ratelimit-reset} hint), then surface as
 * {@link LarkApiException.Temporary}; everything else is {@link LarkApiException.Permanent} at once.
 * The retry loop is ours because the wait depends on the response, which a generic retry policy
 * does not see. Nothing here logs a token or the app secret.
 */
@Service
public class LarkClient {

    /** One page of the chat: its items as the API returns them (body.content still a JSON string). */
    public record MessagePage(boolean hasMore, String pageToken, List<JsonNode> items) {}

    static final Set<Integer> TOKEN_CODES = Set.of(99991661, 99991663, 99991664, 99991665, 99991668);
    static final int RATE_LIMITED = 99991400;
    private static final Logger log = LoggerFactory.getLogger(LarkClient.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final LarkProperties props;
    private final Clock clock;
    private final HttpClient http;
    private final Object tokenLock = new Object();
    private volatile Token token;

    private record Token(String value, Instant renewAt) {}

    /** Lark turned the token down: renew it once and try again. */
    private static final class TokenRejected extends RuntimeException {
        TokenRejected(String message) {
            super(message, null, false, false);
        }
    }

    @Autowired
    public LarkClient(LarkProperties props) {
        this(props, Clock.systemUTC());
    }

    LarkClient(LarkProperties props, Clock clock) {
        this.props = props;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(props.requestTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** Messages of the chat created in [from, to], oldest first; {@code pageToken} null for the first page. */
    public MessagePage listMessages(String chatId, Instant from, Instant to, String pageToken) {
        String uri = props.baseUrl() + "/open-apis/im/v1/messages?container_id_type=chat&container_id=" + enc(chatId)
                + "&start_time=" + from.getEpochSecond() + "&end_time=" + to.getEpochSecond()
                + "&sort_type=ByCreateTimeAsc&page_size=" + props.pageSize()
                + (pageToken == null || pageToken.isEmpty() ? "" : "&page_token=" + enc(pageToken));
        String what = "GET /open-apis/im/v1/messages";
        return authorized(t -> retrying(what, () -> page(what, send(what, HttpRequest.newBuilder(URI.create(uri))
                .header("Authorization", "Bearer " + t).GET()))));
    }

    private <T> T authorized(Function<String, T> call) {
        try {
            return call.apply(token(false));
        } catch (TokenRejected first) {
            log.info("Lark rejected the cached tenant token ({}); renewing it", first.getMessage());
            try {
                return call.apply(token(true));
            } catch (TokenRejected again) {
                throw new LarkApiException.Permanent("a freshly issued tenant token was rejected: " + again.getMessage(),
                        401, null);
            }
        }
    }

    private String token(boolean renew) {
        synchronized (tokenLock) {
            Token t = token;
            if (!renew && t != null && clock.instant().isBefore(t.renewAt())) {
                return t.value();
            }
            String what = "POST /open-apis/auth/v3/tenant_access_token/internal";
            var body = JsonNodeFactory.instance.objectNode().put("app_id", props.appId()).put("app_secret", props.appSecret());
            JsonNode answer = retrying(what, () -> send(what, HttpRequest.newBuilder(
                    URI.create(props.baseUrl() + "/open-apis/auth/v3/tenant_access_token/internal"))
                    .header("Content-Type", "application/json; charset=utf-8")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))));
            String value = answer.path("tenant_access_token").asString("");
            long expire = answer.path("expire").asLong(0);
            if (value.isEmpty() || expire <= 0) {
                throw new LarkApiException.Permanent(what + " answered code 0 without a token or expiry", 200, 0);
            }
            Duration life = Duration.ofSeconds(expire);
            Duration keep = life.compareTo(props.tokenMargin().multipliedBy(2)) > 0 ? life.minus(props.tokenMargin())
                    : life.dividedBy(2);
            token = new Token(value, clock.instant().plus(keep));
            return value;
        }
    }

    private <T> T retrying(String what, Supplier<T> attempt) {
        for (int n = 1; ; n++) {
            try {
                return attempt.get();
            } catch (LarkApiException.Temporary e) {
                if (n >= props.maxAttempts()) {
                    throw new LarkApiException.Temporary(e.getMessage() + " (gave up after " + n + " attempts)",
                            e.httpStatus(), e.code(), e.retryAfter(), e);
                }
                Duration wait = backoff(n, e.retryAfter());
                log.warn("{}; retrying in {} ms (attempt {} of {})", e.getMessage(), wait.toMillis(), n + 1,
                        props.maxAttempts());
                sleep(wait);
            }
        }
    }

    private Duration backoff(int attempt, Duration hint) {
        Duration exponential = props.initialBackoff().multipliedBy(1L << Math.min(20, attempt - 1));
        Duration wait = hint != null ? hint : exponential.plusMillis(
                ThreadLocalRandom.current().nextLong(Math.max(1, exponential.toMillis() / 5 + 1)));
        return wait.compareTo(props.maxBackoff()) > 0 ? props.maxBackoff() : wait;
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LarkApiException.Permanent("interrupted while waiting to retry", 0, null);
        }
    }

    /** Sends and checks the answer: HTTP status and the body's {@code code}. */
    private JsonNode send(String what, HttpRequest.Builder request) {
        HttpResponse<String> r;
        try {
            r = http.send(request.timeout(props.requestTimeout()).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new LarkApiException.Temporary(what + " failed: " + e, 0, null, null, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LarkApiException.Permanent(what + " was interrupted", 0, null);
        }
        int status = r.statusCode();
        JsonNode body = json(r.body());
        Integer code = body != null && body.path("code").isNumber() ? body.get("code").asInt() : null;
        String logId = body != null && body.at("/error/log_id").isString() ? body.at("/error/log_id").asString()
                : r.headers().firstValue("X-Tt-Logid").orElse(null);
        String detail = what + " answered HTTP " + status + (code == null ? "" : ", code " + code + " ("
                + clip(body.path("msg").asString("")) + ")") + (logId == null ? "" : ", log_id " + logId);
        if (code != null && TOKEN_CODES.contains(code)) {
            throw new TokenRejected(detail);
        }
        if (status == 429 || code != null && code == RATE_LIMITED || status >= 500) {
            throw new LarkApiException.Temporary(detail, status, code, resetHint(r), null);
        }
        if (code == null) {
            String problem = detail + (body == null ? ": the body is not JSON" : ": the body has no code");
            if (status / 100 == 2) {
                throw new LarkApiException.Temporary(problem, status, null, null, null);
            }
            throw new LarkApiException.Permanent(problem, status, null);
        }
        if (code != 0 || status / 100 != 2) {
            throw new LarkApiException.Permanent(detail, status, code);
        }
        return body;
    }

    /** The page in a successful list answer; a page without the expected shape is malformed (retried). */
    private static MessagePage page(String what, JsonNode body) {
        JsonNode data = body.get("data");
        if (data == null || !data.isObject()) {
            throw malformed(what, "no 'data' object");
        }
        JsonNode items = data.get("items");
        if (items != null && !items.isNull() && !items.isArray()) {
            throw malformed(what, "'items' is not an array");
        }
        boolean hasMore = data.path("has_more").asBoolean(false);
        String next = data.path("page_token").isString() ? data.get("page_token").asString() : null;
        if (hasMore && (next == null || next.isEmpty())) {
            throw malformed(what, "has_more without a page_token");
        }
        List<JsonNode> list = new ArrayList<>();
        if (items != null && items.isArray()) {
            items.forEach(list::add);
        }
        return new MessagePage(hasMore, hasMore ? next : null, list);
    }

    private static LarkApiException.Temporary malformed(String what, String problem) {
        return new LarkApiException.Temporary(what + " answered a malformed page: " + problem, 200, 0, null, null);
    }

    private static Duration resetHint(HttpResponse<String> r) {
        return r.headers().firstValue("x-ogw-ratelimit-reset").filter(v -> v.strip().matches("\\d{1,6}"))
                .map(v -> Duration.ofSeconds(Long.parseLong(v.strip()))).orElse(null);
    }

    private static JsonNode json(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            JsonNode node = JSON.readTree(body);
            return node.isObject() ? node : null;
        } catch (JacksonException e) {
            return null;
        }
    }

    /** Lark's message, short, and never with our credentials in it, whatever a server echoes back. */
    private String clip(String s) {
        Token t = token;
        String redacted = t == null ? s : s.replace(t.value(), "[tenant token]");
        if (props.appSecret() != null && !props.appSecret().isEmpty()) {
            redacted = redacted.replace(props.appSecret(), "[app secret]");
        }
        return redacted.length() <= 200 ? redacted : redacted.substring(0, 199) + "…";
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
