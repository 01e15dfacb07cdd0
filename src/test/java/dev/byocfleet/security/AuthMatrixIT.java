package dev.byocfleet.security;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import dev.byocfleet.auth.Role;
import dev.byocfleet.security.ApiRoutes.Route;
import dev.byocfleet.support.AppTestBase;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpMethod;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every route under /api, /mcp and /actuator, read from the running application's handler mappings,
 * against every kind of caller: no token, an expired one, malformed ones (401 each), a viewer on a
 * route for operators or admins (403) and the least role allowed (neither 401 nor 403, nor 5xx).
 * Which role a route needs comes from {@link RouteAccess}; an unclassified route fails by name.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthMatrixIT extends AppTestBase {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final String MCP_INITIALIZE = """
            {"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"protocolVersion": "2025-11-25",
             "capabilities": {}, "clientInfo": {"name": "auth-matrix", "version": "1"}}}""";

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    private List<Route> routes;
    private final Map<Role, String> tokens = new LinkedHashMap<>();

    @BeforeAll
    void usersOfEveryRole() {
        routes = ApiRoutes.of(context);
        tokens.put(Role.ADMIN, adminToken());
        tokens.put(Role.OPERATOR, accessToken(createUser("matrix-operator@byoc.test", "operator", "operator password 1")));
        tokens.put(Role.VIEWER, accessToken(createUser("matrix-viewer@byoc.test", "viewer", "viewer password 1")));
    }

    @Test
    void theRoutesAreReadFromTheApplicationIncludingMcpAndActuator() {
        assertThat(routes).extracting(Route::toString)
                .contains("GET /api/fleet/summary", "POST /api/auth/login", "POST /api/webhooks/{source}", "POST /mcp",
                        "GET /actuator/health");
    }

    @Test
    void everyRouteIsClassified() {
        assertThat(routes.stream().filter(r -> RouteAccess.of(r).isEmpty()).map(Route::toString).toList())
                .as("routes with no rule in RouteAccess.RULES: decide who may call them")
                .isEmpty();
    }

    @Test
    void everyTokenRouteRefusesMissingExpiredAndMalformedTokensWith401() throws Exception {
        Map<String, String> badAuthorizations = badAuthorizations();
        List<String> failures = new ArrayList<>();
        for (Route route : tokenRoutes()) {
            for (var bad : badAuthorizations.entrySet()) {
                Answer answer = send(route, bad.getValue(), body(route, "{}"));
                if (answer.status != 401 || !answer.problem()) {
                    failures.add(route + " with " + bad.getKey() + ": " + answer);
                }
            }
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void aViewerGets403OnRoutesForOperatorsAndAdmins() throws Exception {
        List<String> failures = new ArrayList<>();
        int checked = 0;
        for (Route route : tokenRoutes()) {
            RouteAccess access = RouteAccess.of(route).orElseThrow();
            if (access.minimum() == Role.VIEWER) {
                continue;
            }
            checked++;
            for (Role below : List.of(Role.VIEWER, Role.OPERATOR)) {
                if (below.atLeast(access.minimum())) {
                    continue;
                }
                Answer answer = send(route, "Bearer " + tokens.get(below), body(route, access.body()));
                if (answer.status != 403 || !answer.problem()) {
                    failures.add(route + " as " + below.wire() + ": " + answer);
                }
            }
        }
        assertThat(checked).as("routes for operators or admins").isGreaterThan(10);
        assertThat(failures).isEmpty();
    }

    @Test
    void theLeastRoleAllowedIsLetThrough() throws Exception {
        List<String> failures = new ArrayList<>();
        for (Route route : routes) {
            RouteAccess access = RouteAccess.of(route).orElseThrow();
            String authorization = access.isPublic() ? null : "Bearer " + tokens.get(access.minimum());
            // a body the controller refuses proves the caller got past authorization without changing anything
            String probe = access.minimum() == Role.VIEWER ? access.body() : "{}";
            Answer answer = send(route, authorization, body(route, probe));
            if (answer.status == 401 || answer.status == 403 || answer.status >= 500) {
                failures.add(route + (access.isPublic() ? " (public)" : " as " + access.minimum().wire()) + ": " + answer);
            }
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void thePrometheusScrapeTokenOpensTheScrapeEndpointAndNoOtherRoute() throws Exception {
        List<String> failures = new ArrayList<>();
        for (Route route : tokenRoutes()) {
            Answer answer = send(route, "Bearer " + PROMETHEUS_TOKEN, body(route, "{}"));
            boolean scrape = route.toString().equals("GET /actuator/prometheus");
            if (scrape ? answer.status != 200 : answer.status != 401) {
                failures.add(route + " with the scrape token: " + answer);
            }
        }
        assertThat(failures).isEmpty();
    }

    private List<Route> tokenRoutes() {
        return routes.stream().filter(r -> !RouteAccess.of(r).orElseThrow().isPublic()).toList();
    }

    private String body(Route route, String fallback) {
        if (route.method() == HttpMethod.GET || route.method() == HttpMethod.DELETE) {
            return null;
        }
        return route.pattern().startsWith("/mcp") ? MCP_INITIALIZE : fallback == null ? "" : fallback;
    }

    /** Authorization headers that must all get 401, by what is wrong with them. */
    private Map<String, String> badAuthorizations() throws Exception {
        SignedJWT real = SignedJWT.parse(tokens.get(Role.ADMIN));
        JWTClaimsSet claims = real.getJWTClaimsSet();
        Instant past = Instant.now().minus(Duration.ofHours(2));
        JWTClaimsSet expired = new JWTClaimsSet.Builder(claims)
                .issueTime(Date.from(past)).expirationTime(Date.from(past.plus(Duration.ofMinutes(15)))).build();
        JWTClaimsSet otherIssuer = new JWTClaimsSet.Builder(claims).issuer("someone-else").build();
        String token = tokens.get(Role.ADMIN);
        Map<String, String> bad = new LinkedHashMap<>();
        bad.put("no token", null);
        bad.put("an expired token", "Bearer " + sign(expired, JWT_SECRET));
        bad.put("a token signed with another key", "Bearer " + sign(claims, "another secret of at least thirty-two bytes!"));
        bad.put("a token of another issuer", "Bearer " + sign(otherIssuer, JWT_SECRET));
        bad.put("an unsigned token (alg none)", "Bearer " + new PlainJWT(claims).serialize());
        bad.put("a token with a changed signature", "Bearer " + token.substring(0, token.length() - 4)
                + (token.endsWith("AAAA") ? "BBBB" : "AAAA"));
        bad.put("a token with a changed payload", "Bearer " + tamperedPayload(real));
        bad.put("garbage", "Bearer not.a.jwt");
        bad.put("an empty bearer", "Bearer ");
        bad.put("basic credentials", "Basic " + Base64.getEncoder().encodeToString(
                (ADMIN_EMAIL + ":" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8)));
        return bad;
    }

    private static String sign(JWTClaimsSet claims, String secret) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).type(JOSEObjectType.JWT).build(), claims);
        jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
        return jwt.serialize();
    }

    /** The admin's token with the subject's role claim raised and the original signature kept. */
    private static String tamperedPayload(SignedJWT real) throws Exception {
        JWTClaimsSet raised = new JWTClaimsSet.Builder(real.getJWTClaimsSet()).subject("someone-else").build();
        String[] parts = real.serialize().split("\\.");
        String payload = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(raised.toString().getBytes(StandardCharsets.UTF_8));
        return parts[0] + "." + payload + "." + parts[2];
    }

    private Answer send(Route route, String authorization, String body) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + route.samplePath()))
                .timeout(Duration.ofSeconds(60))
                .method(route.method().name(), body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            b.header("Content-Type", route.consumes() == null ? "application/json" : route.consumes().toString());
        }
        if (route.pattern().startsWith("/mcp")) {
            b.header("Accept", "application/json, text/event-stream");
        }
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        HttpResponse<InputStream> response = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
        String type = response.headers().firstValue("Content-Type").orElse("");
        try (InputStream in = response.body()) {
            // an event stream may stay open: its status is all this test needs
            String text = type.startsWith("text/event-stream") ? "" : new String(in.readNBytes(2_000), StandardCharsets.UTF_8);
            return new Answer(response.statusCode(), type, text);
        }
    }

    private record Answer(int status, String contentType, String body) {
        boolean problem() {
            return contentType.startsWith("application/problem+json");
        }

        @Override
        public String toString() {
            return status + " " + contentType + " " + body.substring(0, Math.min(body.length(), 300));
        }
    }
}
