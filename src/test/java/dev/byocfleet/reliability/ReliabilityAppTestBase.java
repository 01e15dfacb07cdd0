package dev.byocfleet.reliability;

import dev.byocfleet.ingest.AlertStore;
import dev.byocfleet.ingest.lark.LarkReplayServer;
import dev.byocfleet.support.IssueGroupingWait;
import dev.byocfleet.support.TempDirs;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.jdbc.Sql;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole application with every secret set to a known value (through the environment names
 * the product reads, as an operator would set them), webhooks configured, the Lark pipeline
 * pointed at a local replay of the Lark API, schedules off (so no background job writes while a
 * test counts rows), and a store that a test can take down and bring back ({@link #storeDown}).
 * The reliability and security tests that need these share this one context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "BYOC_DEMO_PRESET=none",
        "BYOC_SNAPSHOT_REFRESH_ENABLED=false",
        "BYOC_HEALTH_SCHEDULE_ENABLED=false",
        "BYOC_ANALYSIS_SCHEDULE_ENABLED=false",
        "BYOC_LARK_CRON=-",
        "BYOC_KNOWLEDGE_INDEX_DIR=memory",
        "BYOC_ADMIN_EMAIL=" + ReliabilityAppTestBase.ADMIN_EMAIL,
        "BYOC_ADMIN_PASSWORD=" + ReliabilityAppTestBase.ADMIN_PASSWORD,
        "BYOC_JWT_SECRET=" + ReliabilityAppTestBase.JWT_SECRET,
        "BYOC_WEBHOOK_TOKEN=" + ReliabilityAppTestBase.WEBHOOK_TOKEN,
        "BYOC_WEBHOOK_BASIC_USER=alertmanager",
        "BYOC_WEBHOOK_BASIC_PASSWORD=" + ReliabilityAppTestBase.WEBHOOK_BASIC_PASSWORD,
        "BYOC_GRAFANA_HMAC_SECRET=" + ReliabilityAppTestBase.GRAFANA_HMAC_SECRET,
        "LARK_APP_ID=cli_reliability",
        "LARK_APP_SECRET=" + ReliabilityAppTestBase.LARK_APP_SECRET,
        "LARK_ALERT_CHAT_ID=oc_reliability",
        "BYOC_LLM_PROVIDER=none",
        "BYOC_LLM_API_KEY=" + ReliabilityAppTestBase.LLM_API_KEY,
        "BYOC_LOOKER_HOST=looker.byoc.test",
        "BYOC_LOOKER_EMBED_SECRET=" + ReliabilityAppTestBase.LOOKER_EMBED_SECRET,
        "BYOC_MCP_ALLOWED_ORIGINS=" + ReliabilityAppTestBase.ALLOWED_ORIGIN,
        "BYOC_OUTBOUND_ALLOWED_HOSTS=127.0.0.1",
        "BYOC_PROMETHEUS_TOKEN=" + ReliabilityAppTestBase.PROMETHEUS_TOKEN,
        "BYOC_SECRETS_KEY=" + ReliabilityAppTestBase.SECRETS_KEY,
        "byoc.issues.schedule-enabled=false",
        "byoc.agents.schedule-enabled=false",
        "byoc.webhooks.run-flush-interval=PT1S"})
@AutoConfigureMockMvc
@Import(ReliabilityAppTestBase.SwitchableStore.class)
@Sql(scripts = "/ingest/webhook-fixture.sql", executionPhase = Sql.ExecutionPhase.BEFORE_TEST_CLASS)
public abstract class ReliabilityAppTestBase {

    public static final String ADMIN_EMAIL = "admin@reliability.test";
    public static final String ADMIN_PASSWORD = "s3cret-admin-password-7f3a9c";
    public static final String JWT_SECRET = "s3cret-jwt-signing-key-0b8e41d2-of-at-least-32-bytes";
    public static final String WEBHOOK_TOKEN = "s3cret-webhook-token-5d21e9";
    public static final String WEBHOOK_BASIC_PASSWORD = "s3cret-webhook-basic-91c0aa";
    public static final String GRAFANA_HMAC_SECRET = "s3cret-grafana-hmac-44aa07";
    public static final String LARK_APP_SECRET = "s3cret-lark-app-secret-e7d2b3";
    public static final String LARK_TENANT_TOKEN = "t-s3cret-lark-tenant-token-19fe";
    public static final String LLM_API_KEY = "sk-s3cret-llm-api-key-3b6f11";
    public static final String LOOKER_EMBED_SECRET = "s3cret-looker-embed-secret-8c11";
    public static final String ALLOWED_ORIGIN = "https://ops.byoc.test";
    public static final String PROMETHEUS_TOKEN = "s3cret-prometheus-scrape-token-6d0c";
    /** base64 of 32 bytes: "s3cret-secrets-key-of-32-bytes!!" */
    public static final String SECRETS_KEY = "czNjcmV0LXNlY3JldHMta2V5LW9mLTMyLWJ5dGVzISE=";
    public static final LarkReplayServer LARK = new LarkReplayServer();

    static {
        // before the context starts, so its start-up log is captured as well
        LogTee.install();
    }
    protected static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Path DATA_DIR = TempDirs.deletedAtExit("byoc-reliability-it-");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static String countAll;

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcTemplate jdbc;

    @Autowired
    protected AlertStore alertStore;

    /** Waits until the alerts stored so far are grouped into issues (grouping runs after a webhook's answer). */
    protected void awaitGrouping() {
        IssueGroupingWait.await(alertStore);
    }

    /** No test leaves grouping work behind that would change issue rows under the next one's checks. */
    @AfterEach
    final void letGroupingFinish() {
        awaitGrouping();
    }

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        registry.add("BYOC_DATA_DIR", DATA_DIR::toString);
        registry.add("LARK_BASE_URL", LARK::baseUrl);
    }

    /** Every connection the application asks for fails until {@link #storeUp()}; connections in use are unaffected. */
    protected static void storeDown() {
        SwitchableStore.down = true;
    }

    protected static void storeUp() {
        SwitchableStore.down = false;
    }

    /** Rows per table of the three schemas (the counting itself runs even while the store is "down"). */
    protected Map<String, Long> rowCounts() {
        if (countAll == null) {
            List<String> tables = SwitchableStore.bypass(() -> jdbc.queryForList(
                    "SELECT table_schema || '.' || table_name FROM information_schema.tables "
                            + "WHERE table_schema IN ('alerts', 'byoc', 'metrics') AND table_type = 'BASE TABLE' "
                            + "ORDER BY 1", String.class));
            countAll = String.join(" UNION ALL ", tables.stream()
                    .map(t -> "SELECT '" + t + "' AS t, count(*) AS n FROM " + t).toList());
        }
        String sql = countAll;
        Map<String, Long> counts = new LinkedHashMap<>();
        SwitchableStore.bypass(() -> {
            jdbc.query(sql, rs -> {
                counts.put(rs.getString(1), rs.getLong(2));
            });
            return null;
        });
        return counts;
    }

    /** Waits until the alerts of every webhook answered so far are loaded from the journal into the store. */
    protected void awaitStored() {
        IssueGroupingWait.awaitStored(alertStore);
    }

    protected HttpResponse<String> send(String method, String path, Map<String, String> headers, byte[] body)
            throws IOException, InterruptedException {
        HttpResponse<String> r = sendWithoutWaiting(method, path, headers, body);
        if (path.startsWith("/api/webhooks/") && r.statusCode() == 200) {
            IssueGroupingWait.awaitStored(alertStore);
        }
        return r;
    }

    /**
     * As {@link #send}, but an accepted webhook does not wait for its alerts' load: for senders that
     * keep going while the store is down (waiting there could hold every sender until the outage ends).
     */
    protected HttpResponse<String> sendWithoutWaiting(String method, String path, Map<String, String> headers,
                                                      byte[] body) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(b::header);
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Headers of an authenticated webhook delivery; Grafana's carry the HMAC signature over these bytes. */
    protected static Map<String, String> webhookHeaders(String source, byte[] body) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Authorization", "Bearer " + WEBHOOK_TOKEN);
        h.put("Content-Type", "application/json");
        if (source.equals("grafana")) {
            h.put("X-Grafana-Alerting-Signature", grafanaSignature(body));
        }
        return h;
    }

    protected static String grafanaSignature(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(GRAFANA_HMAC_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return java.util.HexFormat.of().formatHex(mac.doFinal(body));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    protected String adminToken() throws IOException, InterruptedException {
        HttpResponse<String> r = send("POST", "/api/auth/login", Map.of("Content-Type", "application/json"),
                JSON.writeValueAsBytes(Map.of("email", ADMIN_EMAIL, "password", ADMIN_PASSWORD)));
        if (r.statusCode() != 200) {
            throw new IllegalStateException("admin sign-in failed: " + r.statusCode() + " " + r.body());
        }
        return JSON.readTree(r.body()).get("access_token").asString();
    }

    /** Wraps the application's DataSource so a test can make every new connection fail. */
    @TestConfiguration(proxyBeanMethods = false)
    static class SwitchableStore {

        static volatile boolean down;
        private static final ThreadLocal<Boolean> BYPASS = ThreadLocal.withInitial(() -> false);

        static <T> T bypass(java.util.function.Supplier<T> work) {
            BYPASS.set(true);
            try {
                return work.get();
            } finally {
                BYPASS.set(false);
            }
        }

        @Bean
        static BeanPostProcessor switchableDataSource() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    if (bean instanceof DataSource ds && name.equals("dataSource")) {
                        return new DelegatingDataSource(ds) {
                            @Override
                            public Connection getConnection() throws SQLException {
                                if (down && !BYPASS.get()) {
                                    throw new SQLException("the store is down (test)", "08001");
                                }
                                return super.getConnection();
                            }
                        };
                    }
                    return bean;
                }
            };
        }
    }
}
