package dev.byocfleet.ingest.webhook;

import dev.byocfleet.api.ProblemResponses;
import dev.byocfleet.api.SecurityHeaders;
import dev.byocfleet.ingest.AlertStore;
import dev.byocfleet.store.StoreAvailability;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.transaction.TransactionException;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code /api/webhooks/{source}}, whose POST comes thousands of times a second. It is answered here,
 * ahead of the security filter chains, the HTTP observation and Spring MVC, none of which it needs:
 * the intake authenticates each request itself (bearer, basic or Grafana's signature), knows no
 * users and returns one small receipt. Dispatching it through MVC cost more CPU than parsing and
 * journaling its alerts. Other methods get a 405 here; deeper paths go on down the chain as any
 * request does. The answers are those of every route: the same security headers, a snake_case JSON
 * receipt, RFC 9457 problem details. A failing store is a 503 with Retry-After and so is anything
 * unforeseen, never a 500: a sender that retries delivers its alerts once the fault is gone, while
 * one that gives up loses them. Each answer is timed in {@value #REQUESTS_METER}, by status.
 */
final class WebhookEndpoint extends HttpFilter {

    static final String PREFIX = "/api/webhooks/";
    static final String RETRY_AFTER_SECONDS = "10";
    static final String REQUESTS_METER = "byoc.webhook.requests";

    private static final Logger log = LoggerFactory.getLogger(WebhookEndpoint.class);
    /** A store failure is logged at most this often; the lines between are counted in the next one. */
    static final long STORE_FAILURE_LOG_NANOS = 10_000_000_000L;
    /** When the last store-failure line was written (System.nanoTime), or 0 for never. */
    private final AtomicLong lastStoreFailureLine = new AtomicLong();
    /** Store failures not logged since that line. */
    private final AtomicInteger unloggedStoreFailures = new AtomicInteger();

    private final WebhookIntake intake;
    private final JsonMapper json;
    private final Supplier<StoreAvailability> store;
    private final MeterRegistry meters;
    /** The timer of each status answered so far (a builder and a registry lookup per request cost more). */
    private final Map<Integer, Timer> timers = new ConcurrentHashMap<>();

    WebhookEndpoint(WebhookIntake intake, JsonMapper json, Supplier<StoreAvailability> store, MeterRegistry meters) {
        this.intake = intake;
        this.json = json;
        this.store = store;
        this.meters = meters;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String source = source(request);
        if (source == null) {
            chain.doFilter(request, response);
            return;
        }
        long start = System.nanoTime();
        SecurityHeaders.write(request, response);
        int status = switch (request.getMethod()) {
            case "POST" -> answer(source, request, response);
            case "OPTIONS" -> {
                response.setHeader(HttpHeaders.ALLOW, "POST, OPTIONS");
                response.setStatus(HttpStatus.OK.value());
                yield HttpStatus.OK.value();
            }
            default -> {
                response.setHeader(HttpHeaders.ALLOW, "POST, OPTIONS");
                yield problem(request, response, HttpStatus.METHOD_NOT_ALLOWED,
                        "Webhooks are delivered with POST, not " + request.getMethod() + ".", null);
            }
        };
        timers.computeIfAbsent(status, s -> Timer.builder(REQUESTS_METER)
                        .description("Webhook requests answered, by status")
                        .tag("status", Integer.toString(s)).register(meters))
                .record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
    }

    /** The {source} of /api/webhooks/{source}, or null for any other path (left to the routes below it). */
    static String source(HttpServletRequest request) {
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        if (!path.startsWith(PREFIX) || path.length() == PREFIX.length() || path.indexOf('/', PREFIX.length()) >= 0) {
            return null;
        }
        return path.substring(PREFIX.length());
    }

    private int answer(String source, HttpServletRequest request, HttpServletResponse response) throws IOException {
        WebhookReceipt receipt;
        try {
            receipt = intake.receive(source, new WebhookIntake.WebhookRequest(request::getHeader, request.getInputStream()));
        } catch (WebhookRejection e) {
            e.headers().forEach((name, values) -> values.forEach(v -> response.addHeader(name, v)));
            return problem(request, response, e.status(), e.getMessage(), e.parameter());
        } catch (AlertStore.BacklogFull e) {
            // the store logs when it starts and stops refusing; a line per refused request would flood the log
            return retryLater(request, response, "The server is still storing the alerts it accepted before this "
                    + "request; nothing of this request was stored. Deliver again later.");
        } catch (DataAccessException | TransactionException e) {
            logStoreFailure(e);
            StoreAvailability s = store.get();
            return retryLater(request, response, "The alert store is unavailable" + (s == null ? "" : s.outageNote())
                    + "; nothing was stored. Deliver again later.");
        } catch (RuntimeException | IOException e) {
            log.error("webhook not stored: unexpected failure", e);
            return retryLater(request, response,
                    "The notification could not be processed; nothing was stored. Deliver again later.");
        }
        return write(response, HttpStatus.OK, MediaType.APPLICATION_JSON_VALUE, json.writeValueAsBytes(receipt));
    }

    /**
     * Logs a store failure, at most one line per {@link #STORE_FAILURE_LOG_NANOS}: during an outage
     * every sender's every retry fails the same way, and a line each would flood the log. The next
     * line counts the ones left out.
     */
    private void logStoreFailure(RuntimeException e) {
        long now = System.nanoTime();
        long last = lastStoreFailureLine.get();
        if ((last == 0 || now - last >= STORE_FAILURE_LOG_NANOS) && lastStoreFailureLine.compareAndSet(last, now == 0 ? 1 : now)) {
            int left = unloggedStoreFailures.getAndSet(0);
            log.warn("webhook not stored, the store failed: {}{}", e.getMessage(),
                    left == 0 ? "" : " (and " + left + " more webhook requests since the last such line)");
        } else {
            unloggedStoreFailures.incrementAndGet();
        }
    }

    private int retryLater(HttpServletRequest request, HttpServletResponse response, String detail) throws IOException {
        response.setHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
        return problem(request, response, HttpStatus.SERVICE_UNAVAILABLE, detail, null);
    }

    private int problem(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detail,
                        String parameter) throws IOException {
        Map<String, Object> body = ProblemResponses.body(request, status, detail);
        if (parameter != null) {
            body.put("parameter", parameter);
        }
        return write(response, status, MediaType.APPLICATION_PROBLEM_JSON_VALUE, json.writeValueAsBytes(body));
    }

    private static int write(HttpServletResponse response, HttpStatus status, String contentType, byte[] body)
            throws IOException {
        response.setStatus(status.value());
        response.setContentType(contentType);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
        return status.value();
    }
}
