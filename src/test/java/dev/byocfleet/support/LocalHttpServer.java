package dev.byocfleet.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A JDK HTTP server on a free loopback port for tests of outbound HTTP (JWKS, Lark bots,
 * webhooks): it answers each path with a set status and body and records what it received.
 */
public final class LocalHttpServer implements AutoCloseable {

    /** One request as the server received it; header names are lower-case. */
    public record Received(String method, String path, Map<String, List<String>> headers, String body) {
        public String header(String name) {
            List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
            return values == null || values.isEmpty() ? null : values.getFirst();
        }
    }

    private record Answer(int status, String contentType, String body) {}

    /**
     * A one-time answer (recorded API replays): status, content type, extra headers and the body in
     * parts written and flushed one after another. With {@code holdBeforePart} set, the server waits
     * for {@code release} (or the client going away) before writing that part: a stream that stalls.
     */
    public record Reply(int status, String contentType, Map<String, String> headers, List<String> parts,
                        int holdBeforePart, java.util.concurrent.CountDownLatch release) {

        public static Reply json(int status, String body) {
            return new Reply(status, "application/json", Map.of(), List.of(body), -1, null);
        }

        public static Reply eventStream(String body) {
            return new Reply(200, "text/event-stream", Map.of(), List.of(body), -1, null);
        }

        public Reply withHeader(String name, String value) {
            Map<String, String> h = new java.util.LinkedHashMap<>(headers);
            h.put(name, value);
            return new Reply(status, contentType, h, parts, holdBeforePart, release);
        }
    }

    private final Map<String, java.util.Queue<Reply>> replies = new ConcurrentHashMap<>();

    private final HttpServer server;
    private final java.util.concurrent.ExecutorService executor = java.util.concurrent.Executors.newCachedThreadPool();
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();

    public LocalHttpServer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        // A held reply (a stalled stream) must not keep the next request waiting.
        server.setExecutor(executor);
        server.start();
    }

    /** Answers {@code path} (without query) with this status and JSON body from now on. */
    public LocalHttpServer answer(String path, int status, String jsonBody) {
        answers.put(path, new Answer(status, "application/json", jsonBody));
        return this;
    }

    /** Answers the next request to {@code path} with {@code reply}, before any {@link #answer}; replies queue up. */
    public LocalHttpServer enqueue(String path, Reply reply) {
        replies.computeIfAbsent(path, p -> new java.util.concurrent.ConcurrentLinkedQueue<>()).add(reply);
        return this;
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    public Received lastReceived() {
        return received.getLast();
    }

    public void clearReceived() {
        received.clear();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Map<String, List<String>> headers = new java.util.TreeMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(java.util.Locale.ROOT), List.copyOf(v)));
            String path = exchange.getRequestURI().getPath();
            received.add(new Received(exchange.getRequestMethod(), path, headers, body));
            java.util.Queue<Reply> queued = replies.get(path);
            Reply reply = queued == null ? null : queued.poll();
            if (reply != null) {
                replay(exchange, reply);
                return;
            }
            Answer answer = answers.getOrDefault(path, new Answer(404, "application/json", "{}"));
            byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", answer.contentType());
            exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                exchange.getResponseBody().write(bytes);
            }
        }
    }

    private static void replay(HttpExchange exchange, Reply reply) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", reply.contentType());
        reply.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
        exchange.sendResponseHeaders(reply.status(), 0);
        var out = exchange.getResponseBody();
        for (int i = 0; i < reply.parts().size(); i++) {
            if (i == reply.holdBeforePart()) {
                try {
                    reply.release().await(30, java.util.concurrent.TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            out.write(reply.parts().get(i).getBytes(StandardCharsets.UTF_8));
            out.flush();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
