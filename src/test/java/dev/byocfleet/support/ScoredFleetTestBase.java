package dev.byocfleet.support;

import dev.byocfleet.demo.DemoGenerator;
import dev.byocfleet.demo.GenerateOptions;
import dev.byocfleet.demo.Preset;
import dev.byocfleet.health.HealthService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * The whole application over a generated {@code tiny} fleet (fixed end, a disk fill still going on
 * at the end and an earlier compaction backlog), scored once: health with its history, forecasts
 * and risk. Subclasses share the context and the store; they only read. Every request goes
 * through {@link #get} and {@link #post}, so adding authentication later changes only this class.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "byoc.demo.preset=none",
        "byoc.metrics.refresh-enabled=false",
        "byoc.health.schedule-enabled=false",
        "byoc.analysis.schedule-enabled=false",
        // tiny has three days of history: three daily peaks are enough here
        "byoc.analysis.min-points=3",
        // channels in these tests post to local replay servers, which the outbound-URL policy refuses by default
        "byoc.outbound.allowed-hosts=127.0.0.1",
        "byoc.auth.admin-email=" + ScoredFleetTestBase.ADMIN, "byoc.auth.admin-password=" + ScoredFleetTestBase.PASSWORD})
@AutoConfigureRestTestClient
public abstract class ScoredFleetTestBase {

    static final String ADMIN = "scores-admin@byoc.test";
    static final String PASSWORD = "a password for the scoring tests";
    private static String token;
    private static java.time.Instant tokenIssued = java.time.Instant.EPOCH;
    /** Access tokens live 15 minutes; the subclasses run spread over a whole suite run. */
    private static final java.time.Duration REUSE_TOKEN_FOR = java.time.Duration.ofMinutes(10);

    public static final LocalDateTime END = LocalDateTime.of(2026, 11, 29, 0, 0);
    /** The newest snapshot hour of the generated fleet: "as of" of every score. */
    public static final LocalDateTime AS_OF = END.minusHours(1);
    static final String SCENARIOS = """
            - id: api-disk
              kind: disk_capacity
              target: { type: CLASSIC }
              start: -20h
              duration: 40h
              intensity: 0.9
            - id: api-compaction
              kind: compaction_backlog
              start: -30h
              duration: 10h
              intensity: 0.8
            """;

    private static final Path DATA_DIR = createDataDir();
    private static boolean generated;

    @Autowired
    protected RestTestClient client;

    @Autowired
    private DemoGenerator generator;

    @Autowired
    private HealthService health;

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        registry.add("byoc.store.data-dir", DATA_DIR::toString);
    }

    @BeforeEach
    void generateAndScoreOnce() throws IOException {
        synchronized (ScoredFleetTestBase.class) {
            if (generated) {
                return;
            }
            Path scenarios = DATA_DIR.resolve("scenarios.yml");
            Files.writeString(scenarios, SCENARIOS);
            generator.generate(new GenerateOptions(Preset.TINY, 42, END, List.of(scenarios), false, null));
            health.recompute(null);
            generated = true;
        }
    }

    /** The ground truth the generator wrote beside the store. */
    protected static Path groundTruth() {
        return DATA_DIR.resolve("ground-truth.json");
    }

    /** Signs in once per ten minutes (the shared context keeps the same admin). */
    protected synchronized String token() {
        if (token == null || tokenIssued.plus(REUSE_TOKEN_FOR).isBefore(java.time.Instant.now())) {
            tokenIssued = java.time.Instant.now();
            String login = client.post().uri("/api/auth/login").contentType(MediaType.APPLICATION_JSON)
                    .body("{\"email\": \"" + ADMIN + "\", \"password\": \"" + PASSWORD + "\"}").exchange()
                    .expectStatus().isOk().returnResult(String.class).getResponseBody();
            token = com.jayway.jsonpath.JsonPath.read(login, "$.access_token");
        }
        return token;
    }

    protected RestTestClient.ResponseSpec get(String uri) {
        return client.get().uri(uri).header("Authorization", "Bearer " + token()).accept(MediaType.APPLICATION_JSON)
                .exchange();
    }

    protected RestTestClient.ResponseSpec post(String uri) {
        return client.post().uri(uri).header("Authorization", "Bearer " + token()).accept(MediaType.APPLICATION_JSON)
                .exchange();
    }

    protected String body(String uri) {
        return get(uri).expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
    }

    private static Path createDataDir() {
        try {
            Path dir = Files.createTempDirectory("byoc-scored-");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try (var files = Files.walk(dir)) {
                    files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                } catch (IOException ignored) {
                    // a leftover temp folder is harmless
                }
            }));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
