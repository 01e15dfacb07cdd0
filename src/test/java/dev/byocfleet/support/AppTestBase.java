package dev.byocfleet.support;

import com.jayway.jsonpath.JsonPath;
import dev.byocfleet.ingest.AlertStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.WeakHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * The whole application on a random port with an empty store of its own. Every subclass gets the
 * same cached context, so they share one store: a per-class {@code @TempDir} would be deleted
 * while the cached context still has its DuckDB file open. Subclasses load what they need with
 * idempotent fixture scripts.
 *
 * <p>The first admin comes from the test properties below; {@link #client} is signed in as that
 * admin (one Argon2 sign-in per context, not per test), {@link #anonymous} sends no token. The
 * external identity provider is {@link #IDP}. Forwarded headers are honoured from loopback, so a
 * test can act from another client address with {@code X-Forwarded-For}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "byoc.demo.preset=none",
        "byoc.metrics.refresh-enabled=false",
        "byoc.auth.admin-email=" + AppTestBase.ADMIN_EMAIL,
        "byoc.auth.admin-password=" + AppTestBase.ADMIN_PASSWORD,
        "byoc.auth.jwt-secret=" + AppTestBase.JWT_SECRET,
        "server.forward-headers-strategy=native",
        // the local stand-ins for Lark bots, webhooks and MCP servers listen on loopback, which the
        // outbound-URL policy refuses unless allowed
        "byoc.outbound.allowed-hosts=127.0.0.1",
        "byoc.security.prometheus-token=" + AppTestBase.PROMETHEUS_TOKEN,
        // Contexts with different configurations share DATA_DIR; a Lucene folder takes one writer.
        "byoc.knowledge.index-dir=memory",
        // Other contexts reload the shared knowledge table; catch up within seconds, not the 5-minute default.
        "byoc.knowledge.sync-interval=PT5S"})
@AutoConfigureRestTestClient
public abstract class AppTestBase {

    public static final String ADMIN_EMAIL = "admin@byoc.test";
    public static final String ADMIN_PASSWORD = "the first admin's test password";
    public static final String JWT_SECRET = "a test signing secret of at least thirty-two bytes";
    public static final String PROMETHEUS_TOKEN = "a-test-prometheus-scrape-token";
    protected static final TestIdentityProvider IDP = new TestIdentityProvider();
    private static final Path DATA_DIR = createDataDir();
    private static final Duration REUSE_ADMIN_TOKEN_FOR = Duration.ofMinutes(10);
    /** Per context (keyed by its client): the admin's access token and when it was issued. */
    private static final Map<RestTestClient, Map.Entry<String, Instant>> ADMIN_TOKENS = new WeakHashMap<>();

    @Autowired
    protected RestTestClient anonymous;

    /** Signed in as the first admin. */
    protected RestTestClient client;

    @Autowired
    private AlertStore alertStore;

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        registry.add("byoc.store.data-dir", DATA_DIR::toString);
        registry.add("byoc.auth.oidc.issuer", IDP::issuer);
        registry.add("byoc.auth.oidc.audience", () -> TestIdentityProvider.AUDIENCE);
        registry.add("byoc.auth.oidc.jwks-url", IDP::jwksUrl);
    }

    @BeforeEach
    final void signInAsAdmin() {
        client = as(adminToken());
    }

    /** No test leaves grouping work behind that would change issue rows under the next one's checks. */
    @AfterEach
    final void letGroupingFinish() {
        awaitGrouping();
    }

    /** Waits until the alerts stored so far are grouped into issues (grouping runs after a webhook's answer). */
    protected void awaitGrouping() {
        IssueGroupingWait.await(alertStore);
    }

    /** A client that sends this access token. */
    protected RestTestClient as(String accessToken) {
        return anonymous.mutate().defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + accessToken).build();
    }

    protected String adminToken() {
        synchronized (ADMIN_TOKENS) {
            Map.Entry<String, Instant> cached = ADMIN_TOKENS.get(anonymous);
            if (cached == null || cached.getValue().plus(REUSE_ADMIN_TOKEN_FOR).isBefore(Instant.now())) {
                cached = Map.entry(accessToken(login(ADMIN_EMAIL, ADMIN_PASSWORD)), Instant.now());
                ADMIN_TOKENS.put(anonymous, cached);
            }
            return cached.getKey();
        }
    }

    /** Signs in and answers the token response's JSON. */
    protected String login(String email, String password) {
        return anonymous.post().uri("/api/auth/login").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("email", email, "password", password)).exchange()
                .expectStatus().isOk()
                .returnResult(String.class).getResponseBody();
    }

    /** Creates a user through an invite (as the admin) and answers their token response's JSON. */
    protected String createUser(String email, String role, String password) {
        String invite = as(adminToken()).post().uri("/api/auth/invites").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("email", email, "role", role)).exchange()
                .expectStatus().isCreated()
                .returnResult(String.class).getResponseBody();
        return anonymous.post().uri("/api/auth/activate").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("token", JsonPath.<String>read(invite, "$.token"), "password", password)).exchange()
                .expectStatus().isOk()
                .returnResult(String.class).getResponseBody();
    }

    /** PATCH /api/auth/users/{id} as the admin. */
    protected RestTestClient.ResponseSpec patchUser(String userId, Map<String, String> body) {
        return as(adminToken()).patch().uri("/api/auth/users/{id}", userId).contentType(MediaType.APPLICATION_JSON)
                .body(body).exchange();
    }

    protected static String accessToken(String tokenResponse) {
        return JsonPath.read(tokenResponse, "$.access_token");
    }

    private static Path createDataDir() {
        try {
            Path dir = Files.createTempDirectory("byoc-it-");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(dir)));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path dir) {
        try (var files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a leftover temp folder is harmless
        }
    }
}
