package dev.byocfleet.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.byocfleet.support.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-29T10:00:00Z"));
    private final LoginThrottle throttle = new LoginThrottle(clock);

    @Test
    void fifthFailureOfAnAccountBlocksItUntilTheFirstLeavesTheWindow() {
        for (int i = 0; i < 5; i++) {
            assertThat(throttle.blocked("a@x", "10.0.0." + i)).isEmpty();
            throttle.failed("a@x", "10.0.0." + i);
            clock.advance(Duration.ofMinutes(1));
        }
        // first failure at 10:00, now 10:05: free again at 10:15
        assertThat(throttle.blocked("a@x", "10.9.9.9")).contains(Duration.ofMinutes(10));
        clock.advance(Duration.ofMinutes(10));
        assertThat(throttle.blocked("a@x", "10.9.9.9")).isEmpty();
    }

    @Test
    void twentiethFailureFromAnAddressBlocksItForEveryAccount() {
        for (int i = 0; i < 20; i++) {
            throttle.failed("user" + i + "@x", "192.0.2.1");
        }
        assertThat(throttle.blocked("someone-else@x", "192.0.2.1")).contains(LoginThrottle.WINDOW);
        assertThat(throttle.blocked("someone-else@x", "192.0.2.2")).isEmpty();
    }

    @Test
    void successClearsTheAccountButNotTheAddress() {
        for (int i = 0; i < 4; i++) {
            throttle.failed("b@x", "192.0.2.9");
        }
        throttle.succeeded("b@x");
        throttle.failed("b@x", "192.0.2.9");
        assertThat(throttle.blocked("b@x", "192.0.2.10")).isEmpty();
        for (int i = 0; i < 15; i++) {
            throttle.failed("c" + i + "@x", "192.0.2.9");
        }
        assertThat(throttle.blocked("b@x", "192.0.2.9")).isPresent();
    }

    @Test
    void failuresOlderThanTheWindowDoNotCount() {
        for (int i = 0; i < 4; i++) {
            throttle.failed("d@x", "192.0.2.20");
        }
        clock.advance(LoginThrottle.WINDOW);
        throttle.failed("d@x", "192.0.2.20");
        assertThat(throttle.blocked("d@x", "192.0.2.20")).isEmpty();
    }
}
