package dev.byocfleet.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Counts failed sign-ins per account and per client address in a sliding window. Kept in memory:
 * a restart forgets it, and each replica counts its own (a client spread over replicas gets that
 * many times the attempts). Blocked attempts are not counted, so a block ends on its own.
 */
@Component
class LoginThrottle {

    static final int ACCOUNT_LIMIT = 5;
    static final int ADDRESS_LIMIT = 20;
    static final Duration WINDOW = Duration.ofMinutes(15);
    /** Past this many tracked keys every expired entry is dropped, so the map cannot grow without bound. */
    private static final int PRUNE_ABOVE = 50_000;

    private final Map<String, Deque<Instant>> failures = new HashMap<>();
    private final Clock clock;

    LoginThrottle() {
        this(Clock.systemUTC());
    }

    LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    /** How long the caller must wait, when either the account or the address is over its limit. */
    synchronized Optional<Duration> blocked(String account, String address) {
        Instant now = clock.instant();
        Duration wait = max(wait("account:" + account, ACCOUNT_LIMIT, now), wait("address:" + address, ADDRESS_LIMIT, now));
        return wait.isZero() ? Optional.empty() : Optional.of(wait);
    }

    synchronized void failed(String account, String address) {
        Instant now = clock.instant();
        if (failures.size() > PRUNE_ABOVE) {
            failures.values().forEach(d -> expire(d, now));
            failures.values().removeIf(Deque::isEmpty);
        }
        failures.computeIfAbsent("account:" + account, k -> new ArrayDeque<>()).addLast(now);
        failures.computeIfAbsent("address:" + address, k -> new ArrayDeque<>()).addLast(now);
    }

    /** A successful sign-in clears the account's count; the address keeps its own. */
    synchronized void succeeded(String account) {
        failures.remove("account:" + account);
    }

    private Duration wait(String key, int limit, Instant now) {
        Deque<Instant> d = failures.get(key);
        if (d == null) {
            return Duration.ZERO;
        }
        expire(d, now);
        if (d.size() < limit) {
            return Duration.ZERO;
        }
        // allowed again once enough of the oldest failures have left the window
        Instant unblocks = d.stream().skip(d.size() - limit).findFirst().orElseThrow().plus(WINDOW);
        return Duration.between(now, unblocks);
    }

    private static void expire(Deque<Instant> d, Instant now) {
        while (!d.isEmpty() && !d.peekFirst().plus(WINDOW).isAfter(now)) {
            d.removeFirst();
        }
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
