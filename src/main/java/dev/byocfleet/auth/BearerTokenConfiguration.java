package dev.byocfleet.auth;

import dev.byocfleet.store.StoreProperties;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationManagerResolver;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.oauth2.server.resource.authentication.JwtIssuerAuthenticationManagerResolver;
import org.springframework.web.client.RestTemplate;

/**
 * How a bearer token is verified. The token's {@code iss} picks the verifier, and each verifier
 * accepts exactly one algorithm: HS256 with the server's key for its own tokens; RS256 or ES256
 * against the provider's JWKS for an external issuer (BYOC_OIDC_ISSUER). An unknown issuer, an
 * unsigned ({@code alg: none}) or otherwise signed token is rejected.
 */
@Configuration(proxyBeanMethods = false)
class BearerTokenConfiguration {

    private static final Duration JWKS_TIMEOUT = Duration.ofSeconds(5);

    @Bean
    AccessTokens accessTokens(AuthProperties props, StoreProperties store) {
        return new AccessTokens(SigningKeys.load(props.jwtSecret(), store.dataDir()), props.issuer(),
                props.accessTokenTtl(), Clock.systemUTC());
    }

    @Bean
    AuthenticationManagerResolver<HttpServletRequest> bearerTokenAuthentication(
            AccessTokens tokens, AuthProperties props, SignedInUsers users) {
        Map<String, AuthenticationManager> byIssuer = new HashMap<>();
        byIssuer.put(tokens.issuer(), manager(tokens.decoder(), users::fromOwnToken));
        AuthProperties.Oidc oidc = props.oidc();
        if (oidc.enabled()) {
            if (oidc.issuer().equals(tokens.issuer())) {
                throw new IllegalStateException("BYOC_OIDC_ISSUER must differ from this server's own issuer '"
                        + tokens.issuer() + "'");
            }
            byIssuer.put(oidc.issuer(), manager(externalDecoder(oidc), users::fromExternalToken));
        }
        return new JwtIssuerAuthenticationManagerResolver(byIssuer::get);
    }

    /** The external provider's tokens: JWKS-verified with the one configured algorithm, iss/aud/exp checked. */
    static JwtDecoder externalDecoder(AuthProperties.Oidc oidc) {
        if (oidc.audience() == null) {
            throw new IllegalStateException("BYOC_OIDC_ISSUER needs BYOC_OIDC_AUDIENCE too (Supabase: authenticated)");
        }
        SignatureAlgorithm algorithm = switch (oidc.algorithm()) {
            case "RS256" -> SignatureAlgorithm.RS256;
            case "ES256" -> SignatureAlgorithm.ES256;
            default -> throw new IllegalStateException("BYOC_OIDC_ALGORITHM must be RS256 or ES256, not '"
                    + oidc.algorithm() + "'");
        };
        SimpleClientHttpRequestFactory http = new SimpleClientHttpRequestFactory();
        http.setConnectTimeout(JWKS_TIMEOUT);
        http.setReadTimeout(JWKS_TIMEOUT);
        RestTemplate jwksClient = new RestTemplate(http);
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(oidc.effectiveJwksUrl())
                .jwsAlgorithm(algorithm)
                .restOperations(jwksClient)
                .build();
        decoder.setJwtValidator(TokenValidators.issuerAudienceAndExpiry(oidc.issuer(), oidc.audience()));
        return decoder;
    }

    private static AuthenticationManager manager(JwtDecoder decoder,
                                                 Converter<Jwt, ? extends AbstractAuthenticationToken> toUser) {
        JwtAuthenticationProvider provider = new JwtAuthenticationProvider(decoder);
        provider.setJwtAuthenticationConverter(toUser);
        return new ProviderManager(provider);
    }
}
