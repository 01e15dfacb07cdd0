package dev.byocfleet.auth;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * The server's own access tokens that verified, kept until they expire, so a client's next request
 * with the same token is not parsed and its HMAC not computed again (a tenth of a small request's
 * CPU). Only this server's tokens go through it: their key lives as long as the process and their
 * issuer and audience never change, so a token that verified once verifies again until its
 * {@code exp} passes; from then on every use goes to the verifier, which decides as before (it
 * allows a minute of clock skew after {@code exp}). A token that fails is never kept. Whether the
 * token's user may still act is decided per request afterwards ({@link SignedInUsers}), as before.
 * At most {@link #MAX_TOKENS} are kept; beyond that the cache starts over.
 */
final class VerifiedTokenCache implements JwtDecoder {

    static final int MAX_TOKENS = 10_000;

    private final JwtDecoder verifier;
    private final Clock clock;
    private final Map<String, Jwt> verified = new ConcurrentHashMap<>();

    /** {@code clock} must be the verifier's clock (Spring's validators use the system clock). */
    VerifiedTokenCache(JwtDecoder verifier, Clock clock) {
        this.verifier = verifier;
        this.clock = clock;
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Instant now = clock.instant();
        Jwt kept = token == null ? null : verified.get(token);
        if (kept != null) {
            if (unexpired(kept, now)) {
                return kept;
            }
            verified.remove(token, kept);
        }
        Jwt jwt = verifier.decode(token);
        if (unexpired(jwt, now)) {
            if (verified.size() >= MAX_TOKENS) {
                verified.clear();
            }
            verified.put(token, jwt);
        }
        return jwt;
    }

    private static boolean unexpired(Jwt jwt, Instant now) {
        return jwt.getExpiresAt() != null && now.isBefore(jwt.getExpiresAt());
    }

    int size() {
        return verified.size();
    }
}
