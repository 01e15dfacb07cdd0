package dev.byocfleet.api;

import dev.byocfleet.store.StoreAvailability;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.net.UnknownHostException;
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
                                    ProblemResponses problems, ObjectProvider<StoreAvailability> store)
            throws Exception {
        stateless(http)
                .authorizeHttpRequests(a -> a
                        .dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.FORWARD).permitAll()
                        .requestMatchers(PUBLIC_API).permitAll()
                        .requestMatchers("/api/**", "/mcp", "/mcp/**").authenticated()
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/actuator/prometheus").access(loopbackOrAdmin())
                        .requestMatchers("/actuator/**").hasRole("ADMIN")
                        // the web app: static files and client-side routes
                        .anyRequest().permitAll())
                .oauth2ResourceServer(o -> o
                        .bearerTokenResolver(bearerTokens())
                        .authenticationManagerResolver(tokens)
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .addFilterBefore(new StoreFailureFilter(store), BearerTokenAuthenticationFilter.class);
        return http.build();
    }

    /** Reads {@code Authorization: Bearer} (never a query parameter) on token routes only. */
    static BearerTokenResolver bearerTokens() {
        DefaultBearerTokenResolver header = new DefaultBearerTokenResolver();
        return request -> TOKEN_ROUTES.matches(request) && !PUBLIC_API.matches(request) ? header.resolve(request) : null;
    }

    /**
     * Prometheus scrapes from the same host (a sidecar, a local agent) need no token; from anywhere
     * else the endpoint needs an admin token, like the other actuator endpoints.
     */
    static AuthorizationManager<RequestAuthorizationContext> loopbackOrAdmin() {
        AuthorizationManager<RequestAuthorizationContext> admin = AuthorityAuthorizationManager.hasRole("ADMIN");
        return (authentication, context) -> isLoopback(context.getRequest().getRemoteAddr())
                ? new AuthorizationDecision(true)
                : admin.authorize(authentication, context);
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
