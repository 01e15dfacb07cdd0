package dev.byocfleet.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import javax.crypto.SecretKey;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * The access tokens this server issues: HS256 JWTs with {@code iss} and {@code aud} set to the
 * configured issuer and {@code sub} the user id, valid for 15 minutes. The role in a token is
 * informational: every request reads the user's current role and status.
 */
final class AccessTokens {

    record AccessToken(String value, long expiresInSeconds) {}

    private final SecretKey key;
    private final MACSigner signer;
    private final String issuer;
    private final Duration ttl;
    private final Clock clock;

    AccessTokens(SecretKey key, String issuer, Duration ttl, Clock clock) {
        this.key = key;
        this.issuer = issuer;
        this.ttl = ttl;
        this.clock = clock;
        try {
            this.signer = new MACSigner(key);
        } catch (JOSEException e) {
            throw new IllegalStateException("the token signing key is unusable: " + e.getMessage(), e);
        }
    }

    String issuer() {
        return issuer;
    }

    AccessToken issue(UserAccount user) {
        Instant now = clock.instant();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .audience(issuer)
                .subject(user.userId())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(ttl)))
                .jwtID(UUID.randomUUID().toString())
                .claim("email", user.email())
                .claim("role", user.role().wire())
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).type(JOSEObjectType.JWT).build(), claims);
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign an access token", e);
        }
        return new AccessToken(jwt.serialize(), ttl.toSeconds());
    }

    /** Accepts HS256 with this key only; issuer, audience and expiry are checked. */
    JwtDecoder decoder() {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withSecretKey(key).macAlgorithm(MacAlgorithm.HS256).build();
        decoder.setJwtValidator(TokenValidators.issuerAudienceAndExpiry(issuer, issuer));
        // the validators check time with the system clock, so the cache does too
        return new VerifiedTokenCache(decoder, Clock.systemUTC());
    }
}
