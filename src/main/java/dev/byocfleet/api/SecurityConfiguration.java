package dev.byocfleet.api;

import dev.byocfleet.store.StoreAvailability;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationManagerResolver;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

import static org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher.pathPattern;

/**
 * Which routes need a token. The API is a stateless bearer-token API: no sessions, no CSRF tokens
 * (nothing is authenticated by a cookie), no login page, no redirects; 401 and 403 are problem
 * details. How a token is verified is the auth feature's business: it supplies the
 * {@link AuthenticationManagerResolver} (own tokens and, when configured, an external issuer's).
 * Roles are enforced in the feature services; here a route only needs a signed-in user, except the
 * actuator endpoints beyond health, which need an admin.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class SecurityConfiguration {

    /**
     * Alert webhooks: their senders bring their own credentials, which the intake checks. A POST is
     * answered ahead of the chain below (see {@code WebhookEndpoint}); other methods get here.
     */
    static final RequestMatcher WEBHOOKS = pathPattern("/api/webhooks/**");

    static final RequestMatcher PROMETHEUS = pathPattern("/actuator/prometheus");

    /** Routes that must work without a token; a token sent to them is ignored, not checked. */
    static final RequestMatcher PUBLIC_API = new OrRequestMatcher(
            pathPattern(HttpMethod.POST, "/api/auth/login"),
            pathPattern(HttpMethod.POST, "/api/auth/refresh"),
            pathPattern(HttpMethod.POST, "/api/auth/activate"),
            WEBHOOKS,
            pathPattern("/api/docs"),
            pathPattern("/api/docs/**"));

    /** Where a bearer token means something; the web app's files and routes never need one. */
    static final RequestMatcher TOKEN_ROUTES = new OrRequestMatcher(
            pathPattern("/api/**"), pathPattern("/mcp"), pathPattern("/mcp/**"), pathPattern("/actuator/**"));

    /**
     * What every chain here shares: a stateless bearer-token API (no CSRF tokens, sessions, saved
     * requests, login page, basic challenge or logout) with the response headers below.
     */
    private static HttpSecurity stateless(HttpSecurity http) throws Exception {
        return http.csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .headers(SecurityConfiguration::responseHeaders);
    }

    /** The same headers as every route (see {@link SecurityHeaders}). */
    private static void responseHeaders(HeadersConfigurer<HttpSecurity> h) {
        h.defaultsDisabled();
        SecurityHeaders.WRITERS.forEach(h::addHeaderWriter);
    }

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http, AuthenticationManagerResolver<HttpServletRequest> tokens,
                                    ProblemResponses problems, ObjectProvider<StoreAvailability> store,
                                    ScrapeProperties scrape)
            throws Exception {
        stateless(http)
                .authorizeHttpRequests(a -> a
                        .dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.FORWARD).permitAll()
                        .requestMatchers(PUBLIC_API).permitAll()
                        .requestMatchers("/api/**", "/mcp", "/mcp/**").authenticated()
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers(PROMETHEUS).access(prometheusScrape(scrape))
                        .requestMatchers("/actuator/**").hasRole("ADMIN")
                        // the web app: static files and client-side routes
                        .anyRequest().permitAll())
                .oauth2ResourceServer(o -> o
                        .bearerTokenResolver(bearerTokens(scrape))
                        .authenticationManagerResolver(tokens)
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .addFilterBefore(new StoreFailureFilter(store), BearerTokenAuthenticationFilter.class);
        return http.build();
    }

    /**
     * Reads {@code Authorization: Bearer} (never a query parameter) on token routes only. The
     * Prometheus scrape token is not a JWT: on the scrape endpoint it is left to
     * {@link #prometheusScrape} instead of being verified (and refused) as one.
     */
    static BearerTokenResolver bearerTokens(ScrapeProperties scrape) {
        DefaultBearerTokenResolver header = new DefaultBearerTokenResolver();
        return request -> {
            if (!TOKEN_ROUTES.matches(request) || PUBLIC_API.matches(request)) {
                return null;
            }
            String token = header.resolve(request);
            return token != null && PROMETHEUS.matches(request) && isScrapeToken(scrape, token) ? null : token;
        };
    }

    /**
     * The scrape endpoint takes the configured Prometheus token or an admin's token. Requests from
     * this host are trusted without one only when BYOC_PROMETHEUS_TRUST_LOOPBACK is set: a reverse
     * proxy on the same host would otherwise hand the metrics to anyone.
     */
    static AuthorizationManager<RequestAuthorizationContext> prometheusScrape(ScrapeProperties scrape) {
        AuthorizationManager<RequestAuthorizationContext> admin = AuthorityAuthorizationManager.hasRole("ADMIN");
        DefaultBearerTokenResolver header = new DefaultBearerTokenResolver();
        return (authentication, context) -> {
            HttpServletRequest request = context.getRequest();
            if (scrape.prometheusTrustLoopback() && isLoopback(request.getRemoteAddr())) {
                return new AuthorizationDecision(true);
            }
            String token = header.resolve(request);
            if (token != null && isScrapeToken(scrape, token)) {
                return new AuthorizationDecision(true);
            }
            return admin.authorize(authentication, context);
        };
    }

    private static boolean isScrapeToken(ScrapeProperties scrape, String token) {
        return scrape.prometheusToken() != null && MessageDigest.isEqual(
                scrape.prometheusToken().getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8));
    }

    static boolean isLoopback(String address) {
        if (address == null || address.isBlank() || !address.matches("[0-9a-fA-F:.]+")) {
            return false;
        }
        try {
            // a literal address: no lookup happens
            return InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
