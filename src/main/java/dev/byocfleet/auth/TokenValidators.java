package dev.byocfleet.auth;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;

/** The claims every accepted token must satisfy, ours and an external issuer's alike. */
final class TokenValidators {

    private TokenValidators() {
    }

    /**
     * {@code iss} equal to {@code issuer}, {@code aud} containing {@code audience}, an {@code exp}
     * (Spring's own check lets a token without one through) in the future and {@code nbf}, if any,
     * in the past, with Spring's 60 seconds of clock skew.
     */
    static OAuth2TokenValidator<Jwt> issuerAudienceAndExpiry(String issuer, String audience) {
        return new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(issuer),
                new JwtClaimValidator<Instant>(JwtClaimNames.EXP, Objects::nonNull),
                new JwtClaimValidator<List<String>>(JwtClaimNames.AUD, aud -> aud != null && aud.contains(audience)));
    }
}
