package dev.byocfleet.ingest.lark;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A local stand-in for the Lark Open API (JDK HTTP server on 127.0.0.1): each path answers with a
 * function of the request, and every request is recorded. The one place outbound-HTTP tests of the
 * Lark client, pipeline and loader set up their server.
 */
public final class LarkReplayServer implements AutoCloseable {

    public static final String TOKEN_PATH = "/open-apis/auth/v3/tenant_access_token/internal";
    public static final String MESSAGES_PATH = "/open-apis/im/v1/messages";

    public record Request(String method, String path, Map<String, String> query, String authorization, String body) {}

    public record Reply(int status, String body, Map<String, String> headers) {

        public static Reply ok(String body) {
            return new Reply(200, body, Map.of());
        }

        public static Reply of(int status, String body) {
            return new Reply(status, body, Map.of());
        }
    }

    private final HttpServer server;
    private final Map<String, Function<Request, Reply>> routes = new ConcurrentHashMap<>();
    private final List<Request> requests = Collections.synchronizedList(new ArrayList<>());

    public LarkReplayServer() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        // concurrent, as Lark is: a slow answer does not hold up the client's retry
        server.setExecutor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
        server.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public LarkReplayServer route(String path, Function<Request, Reply> answer) {
        routes.put(path, answer);
        return this;
    }

    public List<Request> requests(String path) {
        synchronized (requests) {
            return requests.stream().filter(r -> r.path().equals(path)).toList();
        }
    }

    /** Client settings pointing here, with fast retries. */
    public LarkProperties properties(String chatId) {
        return new LarkProperties(baseUrl(), "cli_slkdjalasdkjasd", "dskLLdkasdjlasdKK", chatId, null, 50, 3,
                Duration.ofMillis(1), Duration.ofMillis(20), Duration.ofSeconds(5), null, null);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Request request = new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    query(exchange.getRequestURI().getRawQuery()), exchange.getRequestHeaders().getFirst("Authorization"),
                    body);
            requests.add(request);
            Function<Request, Reply> answer = routes.get(request.path());
            Reply reply = answer == null ? Reply.of(404, "404 page not found") : answer.apply(request);
            byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
            reply.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
            exchange.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
            exchange.getResponseBody().write(bytes);
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> q = new LinkedHashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                q.put(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
                        eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return q;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
