package dev.byocfleet.llm;

import dev.byocfleet.api.InvalidParameterException;
import dev.byocfleet.auth.AccessGuard;
import dev.byocfleet.auth.Role;
import dev.byocfleet.llm.LlmUsageReport.Totals;
import dev.byocfleet.llm.LlmUsageRepository.Filter;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * Reads what the models cost: totals and breakdowns of {@code llm_usage} over a window, and a
 * connection check that makes one tiny call to the configured model.
 */
@Service
public class LlmUsageService {

    static final Duration DEFAULT_WINDOW = Duration.ofDays(30);
    static final Duration MAX_WINDOW = Duration.ofDays(400);
    private static final int MAX_FILTER = 128;

    private final LlmUsageRepository usage;
    private final LlmService llm;
    private final AccessGuard access;
    private final Clock clock = Clock.systemUTC();

    LlmUsageService(LlmUsageRepository usage, LlmService llm, AccessGuard access) {
        this.usage = usage;
        this.llm = llm;
        this.access = access;
    }

    public LlmStatus status() {
        access.require(Role.VIEWER);
        return llm.status();
    }

    /**
     * The report over [from, to); {@code from} and {@code to} are ISO-8601 dates or UTC date-times
     * (default: the last 30 days up to now).
     */
    public LlmUsageReport report(@Nullable String from, @Nullable String to, @Nullable String agent,
                                 @Nullable String model, @Nullable String clusterId) {
        access.require(Role.VIEWER);
        LocalDateTime end = to == null || to.isBlank() ? LocalDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS).plusSeconds(1)
                : time("to", to, true);
        LocalDateTime start = from == null || from.isBlank() ? end.minus(DEFAULT_WINDOW) : time("from", from, false);
        if (!start.isBefore(end)) {
            throw new InvalidParameterException("from", "from must be before to");
        }
        if (Duration.between(start, end).compareTo(MAX_WINDOW) > 0) {
            throw new InvalidParameterException("from", "the window may span at most 400 days");
        }
        Filter f = new Filter(start, end, filter("agent", agent), filter("model", model), filter("cluster_id", clusterId));
        // The model filter takes the stored model name; the report's model keys are provider/model.
        Totals totals = usage.totals(f);
        if (totals.calls() == 0) {
            // no call in the window: every breakdown groups the same rows, so each is empty (no five more queries)
            return new LlmUsageReport(llm.status(), start, end, totals, List.of(), List.of(), List.of(), List.of(), List.of());
        }
        return new LlmUsageReport(llm.status(), start, end, totals, usage.byAgent(f), usage.byModel(f),
                usage.byCluster(f), usage.daily(f), usage.topConsumers(f));
    }

    /** The result of {@link #check()}. */
    public record ConnectionCheck(boolean ok, String provider, @Nullable String model, long latencyMs,
                                  @Nullable TokenUsage tokens, @Nullable String error) {}

    /** One short call to the configured model (admins), recorded as agent {@code connection_check}. */
    public ConnectionCheck check() {
        access.require(Role.ADMIN);
        LlmStatus status = llm.status();
        if (!status.configured()) {
            return new ConnectionCheck(false, status.provider(), status.model(), 0, null, status.reason());
        }
        long started = System.nanoTime();
        try {
            LlmResponse r = llm.call(CallContext.of("connection_check"),
                    new LlmRequest("You are a connectivity check.", List.of(new LlmMessage.UserText("Reply with the word ok.")),
                            List.of(), 16), null, Cancellation.none());
            return new ConnectionCheck(true, status.provider(), r.model(), millisSince(started), r.usage(), null);
        } catch (LlmException e) {
            return new ConnectionCheck(false, status.provider(), status.model(), millisSince(started), null, e.getMessage());
        }
    }

    private static long millisSince(long startedNanos) {
        return Duration.ofNanos(System.nanoTime() - startedNanos).toMillis();
    }

    private static @Nullable String filter(String name, @Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > MAX_FILTER) {
            throw new InvalidParameterException(name, name + " may be at most " + MAX_FILTER + " characters");
        }
        return value.strip();
    }

    /** A date means its start ({@code from}) or the start of the next day ({@code to}, so the day is included). */
    private static LocalDateTime time(String name, String value, boolean end) {
        String v = value.strip();
        try {
            if (v.length() == 10) {
                LocalDate day = LocalDate.parse(v);
                return (end ? day.plusDays(1) : day).atStartOfDay();
            }
            if (v.endsWith("Z") || v.matches(".*[+-]\\d\\d:\\d\\d$")) {
                return OffsetDateTime.parse(v).withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
            }
            return LocalDateTime.parse(v);
        } catch (DateTimeParseException e) {
            throw new InvalidParameterException(name, name + " must be an ISO-8601 date or date-time, for example 2025-06-01 "
                    + "or 2025-06-01T00:00:00Z");
        }
    }
}
