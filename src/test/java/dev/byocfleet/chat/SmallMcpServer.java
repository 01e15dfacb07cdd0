package dev.byocfleet.chat;

import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.ToolAnnotations;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.descriptor.web.FilterDef;
import org.apache.tomcat.util.descriptor.web.FilterMap;

/**
 * An external MCP server for the tests, made with the MCP SDK's server classes on an embedded
 * Tomcat: {@code lookup} is marked read-only, {@code drop_table} is not. It records the calls it
 * receives, the Authorization headers and every request's method and query string.
 */
final class SmallMcpServer implements AutoCloseable {

    final List<String> calls = new CopyOnWriteArrayList<>();
    final List<String> authorizations = new CopyOnWriteArrayList<>();
    /** Every HTTP request that reached the server: method and query string ({@code POST token=abc}). */
    final List<String> requests = new CopyOnWriteArrayList<>();
    private final Tomcat tomcat = new Tomcat();
    private final McpSyncServer server;

    SmallMcpServer() throws Exception {
        HttpServletStreamableServerTransportProvider transport = HttpServletStreamableServerTransportProvider.builder()
                .mcpEndpoint("/mcp")
                .contextExtractor(request -> {
                    String auth = request.getHeader("Authorization");
                    if (auth != null) {
                        authorizations.add(auth);
                    }
                    return io.modelcontextprotocol.common.McpTransportContext.EMPTY;
                })
                .build();
        server = McpServer.sync(transport)
                .serverInfo("small-test-server", "1.0")
                .capabilities(McpSchema.ServerCapabilities.builder().tools(true).build())
                .tools(tool("lookup", "Look up a StarRocks setting by name", new ToolAnnotations("Lookup", true, false, true, false, null)),
                        tool("drop_table", "Drop a table on the cluster", null))
                .build();
        tomcat.setBaseDir(Files.createTempDirectory("small-mcp").toString());
        tomcat.setPort(0);
        Context context = tomcat.addContext("", null);
        Tomcat.addServlet(context, "mcp", transport).setAsyncSupported(true);
        FilterDef record = new FilterDef();
        record.setFilterName("record");
        record.setAsyncSupported("true");
        record.setFilter((request, response, chain) -> {
            HttpServletRequest http = (HttpServletRequest) request;
            requests.add(http.getMethod() + " " + http.getQueryString());
            chain.doFilter(request, response);
        });
        context.addFilterDef(record);
        FilterMap everything = new FilterMap();
        everything.setFilterName("record");
        everything.addURLPattern("/*");
        context.addFilterMap(everything);
        context.addServletMappingDecoded("/*", "mcp");
        tomcat.getConnector();
        tomcat.start();
    }

    private SyncToolSpecification tool(String name, String description, ToolAnnotations annotations) {
        McpSchema.Tool.Builder tool = McpSchema.Tool.builder().name(name).description(description)
                .inputSchema(Map.of("type", "object", "properties", Map.of("name", Map.of("type", "string"))));
        if (annotations != null) {
            tool.annotations(annotations);
        }
        return SyncToolSpecification.builder().tool(tool.build()).callHandler((exchange, request) -> {
            calls.add(name + " " + request.arguments());
            return CallToolResult.builder().addTextContent(name + " answered: storage_root_path=/data/be for "
                    + request.arguments().get("name")).isError(false).build();
        }).build();
    }

    String url() {
        return "http://127.0.0.1:" + tomcat.getConnector().getLocalPort() + "/mcp";
    }

    @Override
    public void close() throws LifecycleException {
        server.closeGracefully();
        tomcat.stop();
        tomcat.destroy();
    }
}
