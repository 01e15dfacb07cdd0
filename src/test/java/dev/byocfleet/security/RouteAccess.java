package dev.byocfleet.security;

import dev.byocfleet.auth.Role;
import dev.byocfleet.security.ApiRoutes.Route;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Who may call which route: the first rule whose method and pattern match a route classifies it.
 * Reads ({@code GET}) are for every signed-in user ("viewers read"); every other method needs a
 * rule here, so a new write route fails {@link AuthMatrixIT} with its name until someone decides
 * who may call it.
 *
 * @param body a request body that passes the controller's own validation, so a viewer reaches the
 *             role check (and gets 403, not 400) on routes that need more than a viewer
 */
record RouteAccess(Set<HttpMethod> methods, PathPattern pattern, Role minimum, String publicBecause, String body) {

    private static final PathPatternParser PARSER = new PathPatternParser();
    private static final Set<HttpMethod> ANY = Set.of();
    private static final Set<HttpMethod> WRITES = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE);

    boolean isPublic() {
        return publicBecause != null;
    }

    private static RouteAccess open(Set<HttpMethod> methods, String pattern, String because) {
        return new RouteAccess(methods, PARSER.parse(pattern), null, because, null);
    }

    private static RouteAccess role(Set<HttpMethod> methods, String pattern, Role minimum, String body) {
        return new RouteAccess(methods, PARSER.parse(pattern), minimum, null, body);
    }

    static final List<RouteAccess> RULES = List.of(
            open(Set.of(HttpMethod.POST), "/api/auth/login", "signing in: the email and password are the credential"),
            open(Set.of(HttpMethod.POST), "/api/auth/refresh", "the refresh token in the body is the credential"),
            open(Set.of(HttpMethod.POST), "/api/auth/activate", "the single-use invite token in the body is the credential"),
            open(ANY, "/api/webhooks/**", "senders bring their own credentials (bearer or basic, Grafana's HMAC), "
                    + "checked by WebhookIntake; covered by the webhook tests and the malformed-input corpus"),
            open(ANY, "/api/docs", "the OpenAPI document and its UI describe the API, no data"),
            open(ANY, "/api/docs/**", "the OpenAPI document and its UI describe the API, no data"),
            open(Set.of(HttpMethod.GET), "/actuator/health", "liveness and readiness probes carry no token"),
            open(Set.of(HttpMethod.GET), "/actuator/health/**", "liveness and readiness probes carry no token"),
            // also the configured Prometheus scrape token (AuthMatrixIT, SecurityConfigurationIT); no loopback trust
            role(Set.of(HttpMethod.GET), "/actuator/prometheus", Role.ADMIN, null),
            role(ANY, "/actuator", Role.ADMIN, null),
            role(ANY, "/actuator/**", Role.ADMIN, null),

            role(ANY, "/api/auth/users/**", Role.ADMIN, "{\"role\": \"viewer\"}"),
            role(ANY, "/api/auth/invites/**", Role.ADMIN, "{\"email\": \"matrix@byoc.test\", \"role\": \"viewer\"}"),
            role(ANY, "/api/auth/invites", Role.ADMIN, "{\"email\": \"matrix@byoc.test\", \"role\": \"viewer\"}"),
            role(ANY, "/api/settings/channels/**", Role.ADMIN,
                    "{\"name\": \"matrix\", \"kind\": \"webhook\", \"url\": \"https://hooks.example.test/x\"}"),
            role(ANY, "/api/settings/channels", Role.ADMIN,
                    "{\"name\": \"matrix\", \"kind\": \"webhook\", \"url\": \"https://hooks.example.test/x\"}"),

            role(WRITES, "/api/knowledge/**", Role.OPERATOR, "{}"),
            role(WRITES, "/api/knowledge", Role.OPERATOR, "{}"),
            role(Set.of(HttpMethod.POST), "/api/ingest/lark/runs", Role.OPERATOR,
                    "{\"from\": \"2026-11-28T00:00:00Z\", \"to\": \"2026-11-29T00:00:00Z\"}"),
            role(Set.of(HttpMethod.POST), "/api/health/recompute", Role.OPERATOR, null),
            role(Set.of(HttpMethod.POST), "/api/analysis/breaking-point/backtest", Role.OPERATOR, null),
            // issue 7: viewers read issues, operators triage them
            role(WRITES, "/api/issues/**", Role.OPERATOR, "{}"),
            role(WRITES, "/api/issues", Role.OPERATOR, "{}"),
            role(WRITES, "/api/ai-issues/**", Role.OPERATOR, "{}"),

            // issue 8: operators start investigations and patrols; only admins make a model call to check it
            role(Set.of(HttpMethod.POST), "/api/investigations", Role.OPERATOR, "{\"cluster_id\": \"matrix-no-such-cluster\"}"),
            role(Set.of(HttpMethod.POST), "/api/investigations/**", Role.OPERATOR, null),
            role(Set.of(HttpMethod.POST), "/api/patrol", Role.OPERATOR, null),
            role(Set.of(HttpMethod.POST), "/api/llm/check", Role.ADMIN, null),
            // issue 9: external MCP servers are an admin's choice; chat sessions and direct tools are a user's own
            role(ANY, "/api/chat/mcp-servers/**", Role.ADMIN, "{\"url\": \"not a url\"}"),
            role(ANY, "/api/chat/mcp-servers", Role.ADMIN, "{\"name\": \"matrix\", \"url\": \"not a url\"}"),
            role(WRITES, "/api/chat/**", Role.VIEWER, "{}"),
            role(Set.of(HttpMethod.POST), "/api/chat", Role.VIEWER, "{\"message\": \"hello\"}"),

            // a user's own things: their sign-in, their preferences, a dashboard they look at
            role(Set.of(HttpMethod.POST), "/api/auth/logout", Role.VIEWER, "{\"refresh_token\": \"not-a-refresh-token\"}"),
            role(Set.of(HttpMethod.PUT), "/api/settings/preferences", Role.VIEWER, "{\"theme\": 7}"),
            role(Set.of(HttpMethod.POST), "/api/looker/embed-url", Role.VIEWER, "{}"),
            // MCP: every tool is read-only and checks the caller's role in the feature service
            role(ANY, "/mcp", Role.VIEWER, null),
            role(ANY, "/mcp/**", Role.VIEWER, null),
            // viewers read
            role(Set.of(HttpMethod.GET), "/api/**", Role.VIEWER, null));

    static Optional<RouteAccess> of(Route route) {
        PathContainer path = PathContainer.parsePath(route.pattern());
        return RULES.stream()
                .filter(r -> r.methods.isEmpty() || r.methods.contains(route.method()))
                .filter(r -> r.pattern.matches(path))
                .findFirst();
    }
}
