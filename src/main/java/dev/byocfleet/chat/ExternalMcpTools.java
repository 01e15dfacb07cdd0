package dev.byocfleet.chat;

import dev.byocfleet.agentloop.AgentTool;
import dev.byocfleet.agentloop.AgentTool.ToolOutput;
import dev.byocfleet.agentloop.McpToolAdapter;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import dev.byocfleet.outbound.OutboundPolicy;
import dev.byocfleet.outbound.RedactedUrl;
import dev.byocfleet.outbound.RefusedUrlException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tools of the external MCP servers an admin configured, over the MCP Java SDK's Streamable
 * HTTP client. Each tool is offered as {@code <server>__<tool>}. A server not marked writable runs
 * only the tools whose annotations say {@code readOnlyHint}; any other is answered "write attempt
 * refused" without reaching the server.
 */
final class ExternalMcpTools implements AutoCloseable {

    static final String SEPARATOR = "__";
    private static final Logger log = LoggerFactory.getLogger(ExternalMcpTools.class);
    private static final int MAX_TOOLS_PER_SERVER = 100;

    /** A server that could not be used this turn, and why (shown to the user, never its headers). */
    record Unreachable(String server, String reason) {}

    private final List<McpSyncClient> clients = new ArrayList<>();
    private final List<AgentTool> tools = new ArrayList<>();
    private final List<Unreachable> unreachable = new ArrayList<>();

    private ExternalMcpTools() {
    }

    /**
     * A server to connect to, its URL and header values decrypted. Never logged or shown whole:
     * messages name the server and show the URL redacted.
     */
    record Target(String name, String url, Map<String, String> headers, boolean writable) {
        @Override
        public String toString() {
            return "Target[name=" + name + ", url=" + RedactedUrl.of(url) + ", headers=" + headers.keySet() + "]";
        }
    }

    /**
     * Connects to every server (a failing one is reported, not fatal) and lists its tools. A server
     * in {@code unusable} (its URL or headers cannot be decrypted) is reported without a connection;
     * one whose host the outbound policy refuses is reported before any request reaches it.
     */
    static ExternalMcpTools connect(List<Target> servers, Map<String, String> unusable, Duration timeout,
                                    OutboundPolicy policy) {
        ExternalMcpTools connected = new ExternalMcpTools();
        unusable.forEach((server, reason) -> connected.unreachable.add(new Unreachable(server, reason)));
        for (Target server : servers) {
            McpSyncClient client = null;
            try {
                client = client(server, timeout, policy);
                client.initialize();
                connected.clients.add(client);
                for (Tool tool : listTools(client)) {
                    connected.tools.add(adapt(server, client, tool));
                }
            } catch (RuntimeException e) {
                String reason = reason(e, server.url());
                log.warn("MCP server {} ({}) could not be used: {}", server.name(), RedactedUrl.of(server.url()), reason);
                connected.unreachable.add(new Unreachable(server.name(), reason));
                if (client != null) {
                    client.close();
                }
            }
        }
        return connected;
    }

    List<AgentTool> tools() {
        return List.copyOf(tools);
    }

    List<Unreachable> unreachable() {
        return List.copyOf(unreachable);
    }

    /**
     * A client that never follows redirects and checks the server's URL against the outbound policy
     * before every request it sends, the first included (scheme, user info, and the host resolved
     * again each time), so nothing is checked ahead of building it: the first request is the first
     * contact. A stored URL that does not even parse fails here, before any request.
     */
    private static McpSyncClient client(Target server, Duration timeout, OutboundPolicy policy) {
        URI uri = URI.create(server.url());
        String base = uri.getScheme() + "://" + uri.getRawAuthority();
        String endpoint = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/mcp" : uri.getRawPath();
        if (uri.getRawQuery() != null) {
            endpoint += "?" + uri.getRawQuery();
        }
        HttpRequest.Builder request = HttpRequest.newBuilder();
        server.headers().forEach(request::header);
        return McpClient.sync(HttpClientStreamableHttpTransport.builder(base)
                        .endpoint(endpoint)
                        .requestBuilder(request)
                        .customizeClient(c -> c.followRedirects(HttpClient.Redirect.NEVER))
                        .httpRequestCustomizer((builder, method, endpointUri, body, context) ->
                                policy.checkBeforeConnect(endpointUri))
                        .connectTimeout(timeout)
                        .build())
                .requestTimeout(timeout)
                .initializationTimeout(timeout)
                .clientInfo(new McpSchema.Implementation("byoc-fleet-chat", "1.0"))
                .build();
    }

    private static List<Tool> listTools(McpSyncClient client) {
        List<Tool> all = new ArrayList<>();
        McpSchema.ListToolsResult page = client.listTools();
        while (true) {
            all.addAll(page.tools() == null ? List.of() : page.tools());
            if (page.nextCursor() == null || all.size() >= MAX_TOOLS_PER_SERVER) {
                return all.size() > MAX_TOOLS_PER_SERVER ? all.subList(0, MAX_TOOLS_PER_SERVER) : all;
            }
            page = client.listTools(page.nextCursor());
        }
    }

    /** The name the model sees: {@code <server>__<tool>}, within the providers' 64 characters of [A-Za-z0-9_-]. */
    static String namespaced(String server, String tool) {
        String name = server + SEPARATOR + tool.replaceAll("[^A-Za-z0-9_-]", "_");
        return name.length() > 64 ? name.substring(0, 64) : name;
    }

    static boolean readOnly(Tool tool) {
        return tool.annotations() != null && Boolean.TRUE.equals(tool.annotations().readOnlyHint());
    }

    private static AgentTool adapt(Target server, McpSyncClient client, Tool tool) {
        String description = "[MCP server " + server.name() + "] "
                + (tool.description() != null ? tool.description() : tool.title() != null ? tool.title() : tool.name());
        Map<String, Object> schema = tool.inputSchema() == null ? Map.of("type", "object") : tool.inputSchema();
        boolean allowed = server.writable() || readOnly(tool);
        return new AgentTool(namespaced(server.name(), tool.name()), description, schema, arguments -> {
            if (!allowed) {
                return ToolOutput.error("write attempt refused: tool '" + tool.name() + "' of MCP server '" + server.name()
                        + "' is not marked read-only (readOnlyHint) and the server is not marked writable by an admin.");
            }
            CallToolResult result = client.callTool(new CallToolRequest(tool.name(), arguments));
            return new ToolOutput(McpToolAdapter.text(result), Boolean.TRUE.equals(result.isError()));
        });
    }

    /** The root cause in words, the server's URL (should the message quote it) redacted. */
    private static String reason(RuntimeException e, String url) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        if (root instanceof RefusedUrlException refused) {
            message = "refused by the outbound-URL policy: " + refused.reason();
        }
        message = RedactedUrl.scrub(message, url);
        return message.length() > 300 ? message.substring(0, 300) : message;
    }

    @Override
    public void close() {
        for (McpSyncClient client : clients) {
            try {
                client.close();
            } catch (RuntimeException e) {
                log.debug("Closing an MCP client failed: {}", e.toString());
            }
        }
    }

    static @Nullable String serverOf(String namespacedTool) {
        int at = namespacedTool.indexOf(SEPARATOR);
        return at < 0 ? null : namespacedTool.substring(0, at);
    }
}
