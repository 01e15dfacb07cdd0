package dev.byocfleet.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.byocfleet.support.MutableClock;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

class VerifiedTokenCacheTest {

    private static final Instant NOW = Instant.parse("2026-11-30T01:00:00Z");

    /** A verifier that accepts tokens named "good-<exp epoch seconds>[.anything]" and counts what it is asked. */
    private static final class CountingVerifier implements JwtDecoder {
        final List<String> asked = new ArrayList<>();

        @Override
        public Jwt decode(String token) {
            asked.add(token);
            if (token == null || !token.startsWith("good-")) {
                throw new BadJwtException("bad signature");
            }
            String seconds = token.substring(5);
            int dot = seconds.indexOf('.');
            Instant exp = Instant.ofEpochSecond(Long.parseLong(dot < 0 ? seconds : seconds.substring(0, dot)));
            return new Jwt(token, NOW.minusSeconds(60), exp, Map.of("alg", "HS256"), Map.of("sub", "u1"));
        }
    }

    private static Clock at(Instant t) {
        return Clock.fixed(t, ZoneOffset.UTC);
    }

    @Test
    void aVerifiedTokenIsNotVerifiedAgainUntilItExpires() {
        CountingVerifier verifier = new CountingVerifier();
        String token = "good-" + NOW.plusSeconds(900).getEpochSecond();
        VerifiedTokenCache cache = new VerifiedTokenCache(verifier, at(NOW));
        Jwt first = cache.decode(token);
        assertThat(cache.decode(token)).isSameAs(first);
        assertThat(cache.decode(token).getSubject()).isEqualTo("u1");
        assertThat(verifier.asked).containsExactly(token);
    }

    @Test
    void onceExpiredEveryUseGoesToTheVerifierAgain() {
        CountingVerifier verifier = new CountingVerifier();
        Instant exp = NOW.plusSeconds(10);
        String token = "good-" + exp.getEpochSecond();
        new VerifiedTokenCache(verifier, at(NOW)).decode(token);
        VerifiedTokenCache later = new VerifiedTokenCache(verifier, at(exp));
        later.decode(token);
        later.decode(token);
        // at exp the token is not kept: the verifier (with its clock skew) decides every time
        assertThat(verifier.asked).hasSize(3);
        assertThat(later.size()).isZero();
    }

    @Test
    void aKeptTokenIsDroppedWhenItsTimeIsUp() {
        CountingVerifier verifier = new CountingVerifier();
        Instant exp = NOW.plusSeconds(10);
        String token = "good-" + exp.getEpochSecond();
        MutableClock moving = new MutableClock(NOW);
        VerifiedTokenCache cache = new VerifiedTokenCache(verifier, moving);
        cache.decode(token);
        cache.decode(token);
        assertThat(verifier.asked).hasSize(1);
        moving.set(exp.plusSeconds(1));
        cache.decode(token);
        assertThat(verifier.asked).hasSize(2);
        assertThat(cache.size()).isZero();
    }

    @Test
    void aRejectedTokenIsNeverKept() {
        CountingVerifier verifier = new CountingVerifier();
        VerifiedTokenCache cache = new VerifiedTokenCache(verifier, at(NOW));
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> cache.decode("forged")).isInstanceOf(BadJwtException.class);
        }
        assertThat(verifier.asked).containsExactly("forged", "forged", "forged");
        assertThat(cache.size()).isZero();
    }

    @Test
    void theCacheStartsOverBeyondItsBound() {
        CountingVerifier verifier = new CountingVerifier();
        VerifiedTokenCache cache = new VerifiedTokenCache(verifier, at(NOW));
        long exp = NOW.plusSeconds(900).getEpochSecond();
        for (int i = 0; i < VerifiedTokenCache.MAX_TOKENS; i++) {
            cache.decode("good-" + exp + "." + i);
        }
        assertThat(cache.size()).isEqualTo(VerifiedTokenCache.MAX_TOKENS);
        cache.decode("good-" + exp + ".one-more");
        assertThat(cache.size()).isEqualTo(1);
        // what was kept before is verified again, and kept again
        cache.decode("good-" + exp + ".0");
        assertThat(verifier.asked).hasSize(VerifiedTokenCache.MAX_TOKENS + 2);
        assertThat(cache.size()).isEqualTo(2);
    }
}
