package dev.byocfleet.llm;

import dev.byocfleet.support.LocalHttpServer;
import dev.byocfleet.support.LocalHttpServer.Reply;
import dev.byocfleet.support.TestStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real {@link LlmService} against a local server that replays a provider's recorded answers
 * ({@code src/test/resources/llm/<provider>/}), on a migrated DuckDB store for the usage rows.
 * Waits between retries are recorded instead of slept.
 */
public final class LlmTestWiring implements AutoCloseable {

    public static final JsonMapper JSON = JsonMapper.builder().build();

    private final LocalHttpServer server = new LocalHttpServer();
    private final TestStore store = new TestStore();
    private final List<Duration> waits = new CopyOnWriteArrayList<>();
    private final String provider;
    private final LlmService service;

    private LlmTestWiring(String provider, String model, int maxRetries) {
        this.provider = provider;
        String base = provider.equals("anthropic") ? server.url("") : server.url("/v1");
        LlmProperties props = new LlmProperties(provider, base, "test-key-not-secret", model, 1024, maxRetries,
                Duration.ofMillis(100), Duration.ofSeconds(30), Duration.ofSeconds(20), Map.of());
        service = new LlmService(props, new LlmUsageRepository(JdbcClient.create(store.dataSource())), JSON,
                (d, c) -> waits.add(d), Clock.systemUTC());
    }

    public static LlmTestWiring anthropic() {
        return new LlmTestWiring("anthropic", "claude-sonnet-4-5", 3);
    }

    public static LlmTestWiring openai() {
        return new LlmTestWiring("openai", "gpt-4.1", 3);
    }

    public static LlmTestWiring withRetries(String provider, int maxRetries) {
        return new LlmTestWiring(provider, provider.equals("anthropic") ? "claude-sonnet-4-5" : "gpt-4.1", maxRetries);
    }

    /** A service with no provider configured (BYOC_LLM_PROVIDER unset). */
    public static LlmService unconfigured() {
        return new LlmService(new LlmProperties(null, null, null, null, null, null, null, null, null, null), null, JSON);
    }

    public LlmService service() {
        return service;
    }

    /** The API path the client posts to. */
    public String path() {
        return provider.equals("anthropic") ? "/v1/messages" : "/v1/chat/completions";
    }

    /** Queues a recorded JSON answer ({@code llm/<provider>/<name>}) with this status. */
    public LlmTestWiring reply(int status, String fixture) {
        server.enqueue(path(), Reply.json(status, fixture(fixture)));
        return this;
    }

    public LlmTestWiring reply(Reply reply) {
        server.enqueue(path(), reply);
        return this;
    }

    /** Answers every request not queued with this recorded JSON. */
    public LlmTestWiring always(String fixture) {
        server.answer(path(), 200, fixture(fixture));
        return this;
    }

    public String fixture(String name) {
        String path = "/llm/" + provider + "/" + name;
        try (InputStream in = LlmTestWiring.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The bodies the provider received, parsed. */
    public List<JsonNode> requests() {
        return server.received().stream().map(r -> JSON.readTree(r.body())).toList();
    }

    public List<LocalHttpServer.Received> received() {
        return server.received();
    }

    public List<Duration> waits() {
        return List.copyOf(waits);
    }

    public List<Map<String, Object>> usageRows() {
        return JdbcClient.create(store.dataSource())
                .sql("SELECT * FROM alerts.llm_usage ORDER BY created_at, usage_id").query().listOfRows();
    }

    @Override
    public void close() {
        server.close();
        store.close();
    }
}
