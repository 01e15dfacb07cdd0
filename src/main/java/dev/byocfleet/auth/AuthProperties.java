package dev.byocfleet.auth;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Bound from {@code byoc.auth.*}, which application.yml fills from BYOC_ADMIN_EMAIL,
 * BYOC_ADMIN_PASSWORD, BYOC_JWT_SECRET and BYOC_OIDC_*.
 *
 * @param adminEmail     the first admin's email (default {@code admin@localhost})
 * @param adminPassword  the first admin's password; when empty a random one is printed once
 * @param jwtSecret      HMAC key of the access tokens (at least 32 bytes); when empty a key is
 *                       generated once and kept in the data folder
 * @param issuer         {@code iss} and {@code aud} of the access tokens this server issues
 * @param oidc           an external identity provider whose tokens are accepted too (optional)
 */
@ConfigurationProperties("byoc.auth")
public record AuthProperties(
        String adminEmail,
        String adminPassword,
        String jwtSecret,
        String issuer,
        Duration accessTokenTtl,
        Duration refreshTokenTtl,
        Duration inviteTtl,
        Oidc oidc) {

    static final String DEFAULT_ADMIN_EMAIL = "admin@localhost";

    public AuthProperties {
        adminEmail = blank(adminEmail) ? DEFAULT_ADMIN_EMAIL : adminEmail.strip();
        adminPassword = blank(adminPassword) ? null : adminPassword;
        jwtSecret = blank(jwtSecret) ? null : jwtSecret;
        issuer = blank(issuer) ? "byoc-fleet" : issuer.strip();
        accessTokenTtl = accessTokenTtl == null ? Duration.ofMinutes(15) : accessTokenTtl;
        refreshTokenTtl = refreshTokenTtl == null ? Duration.ofDays(7) : refreshTokenTtl;
        inviteTtl = inviteTtl == null ? Duration.ofHours(72) : inviteTtl;
        oidc = oidc == null ? new Oidc(null, null, null, null) : oidc;
    }

    /**
     * @param issuer    the {@code iss} of accepted tokens; empty turns external identity off
     * @param audience  an {@code aud} the tokens must carry (required with an issuer)
     * @param jwksUrl   the issuer's JWKS (default {@code <issuer>/.well-known/jwks.json}, Supabase's)
     * @param algorithm the one signature algorithm accepted: RS256 (default) or ES256
     */
    public record Oidc(String issuer, String audience, String jwksUrl, String algorithm) {

        public Oidc {
            issuer = blank(issuer) ? null : issuer.strip();
            audience = blank(audience) ? null : audience.strip();
            jwksUrl = blank(jwksUrl) ? null : jwksUrl.strip();
            algorithm = blank(algorithm) ? "RS256" : algorithm.strip().toUpperCase(java.util.Locale.ROOT);
        }

        public boolean enabled() {
            return issuer != null;
        }

        public String effectiveJwksUrl() {
            return jwksUrl != null ? jwksUrl : issuer.replaceAll("/+$", "") + "/.well-known/jwks.json";
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** Keeps the password and the key out of logs and actuator output. */
    @Override
    public String toString() {
        return "AuthProperties[adminEmail=" + adminEmail + ", issuer=" + issuer + ", accessTokenTtl=" + accessTokenTtl
                + ", refreshTokenTtl=" + refreshTokenTtl + ", inviteTtl=" + inviteTtl + ", oidc=" + oidc + "]";
    }
}
