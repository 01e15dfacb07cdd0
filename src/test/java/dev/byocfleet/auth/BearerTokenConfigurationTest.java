package dev.byocfleet.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.byocfleet.support.TestIdentityProvider;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/** The external issuer's verifier on its own, for the algorithm the shared test app does not pin (ES256). */
class BearerTokenConfigurationTest {

    private static final TestIdentityProvider IDP = new TestIdentityProvider();

    @Test
    void es256PinnedAcceptsEs256AndRejectsRs256() {
        JwtDecoder decoder = BearerTokenConfiguration.externalDecoder(oidc("ES256", TestIdentityProvider.AUDIENCE));
        assertThat(decoder.decode(IDP.signEs256(IDP.claims("es-user", "viewer").build())).getSubject()).isEqualTo("es-user");
        assertThatThrownBy(() -> decoder.decode(IDP.signRs256(IDP.claims("rs-user", "viewer").build())))
                .isInstanceOf(BadJwtException.class);
    }

    @Test
    void audienceIsChecked() {
        JwtDecoder decoder = BearerTokenConfiguration.externalDecoder(oidc("RS256", "my-app"));
        assertThatThrownBy(() -> decoder.decode(IDP.signRs256(IDP.claims("rs-user", "viewer").build())))
                .isInstanceOf(JwtValidationException.class);
        assertThat(decoder.decode(IDP.signRs256(IDP.claims("rs-user", "viewer").audience("my-app").build())).getSubject())
                .isEqualTo("rs-user");
    }

    @Test
    void onlyRs256AndEs256CanBePinnedAndAnAudienceIsRequired() {
        assertThatThrownBy(() -> BearerTokenConfiguration.externalDecoder(oidc("HS256", "aud")))
                .hasMessageContaining("BYOC_OIDC_ALGORITHM must be RS256 or ES256");
        assertThatThrownBy(() -> BearerTokenConfiguration.externalDecoder(oidc("RS256", null)))
                .hasMessageContaining("BYOC_OIDC_AUDIENCE");
    }

    @Test
    void jwksDefaultsToSupabasesPathUnderTheIssuer() {
        assertThat(new AuthProperties.Oidc("https://abc.supabase.co/auth/v1/", "authenticated", null, null).effectiveJwksUrl())
                .isEqualTo("https://abc.supabase.co/auth/v1/.well-known/jwks.json");
    }

    private static AuthProperties.Oidc oidc(String algorithm, String audience) {
        return new AuthProperties.Oidc(IDP.issuer(), audience, IDP.jwksUrl(), algorithm);
    }
}
