package dev.byocfleet.agentloop;

import dev.byocfleet.agentloop.AgentTool.ToolOutput;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.Content;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import io.modelcontextprotocol.spec.McpSchema.ToolAnnotations;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The agents' tools are the MCP server's tools: the same specifications (name, description, schema,
 * handler over the feature services) that {@code /mcp} serves, called in-process. Only the
 * specifications are shared (MCP SDK types, published as beans), so nothing here depends on the
 * {@code mcp} package. Tools not marked read-only are left out.
 */
@Component
public class McpToolAdapter {

    private final ObjectProvider<List<SyncToolSpecification>> specifications;

    public McpToolAdapter(ObjectProvider<List<SyncToolSpecification>> specifications) {
        this.specifications = specifications;
    }

    /** Every read-only tool of the product's MCP server. */
    public List<AgentTool> tools() {
        return adapt(specifications.stream().flatMap(Collection::stream).toList());
    }

    /**
     * Every read-only tool, each call run as the given caller: the loop calls tools on its own
     * threads, where no security context is set, and the feature services check roles.
     */
    public List<AgentTool> toolsAs(SecurityContext caller) {
        return tools().stream().map(t -> new AgentTool(t.name(), t.description(), t.inputSchema(), args -> {
            SecurityContext previous = SecurityContextHolder.getContext();
            SecurityContextHolder.setContext(caller);
            try {
                return t.handler().apply(args);
            } finally {
                SecurityContextHolder.setContext(previous);
            }
        })).toList();
    }

    /** The named tools, in the order given; an unknown name is a programming error. */
    public List<AgentTool> tools(String... names) {
        Map<String, AgentTool> all = tools().stream().collect(Collectors.toMap(AgentTool::name, t -> t, (a, b) -> a));
        return java.util.Arrays.stream(names).map(n -> {
            AgentTool t = all.get(n);
            if (t == null) {
                throw new IllegalArgumentException("No read-only MCP tool named " + n);
            }
            return t;
        }).toList();
    }

    static List<AgentTool> adapt(List<SyncToolSpecification> specs) {
        return specs.stream().filter(McpToolAdapter::readOnly).map(McpToolAdapter::adapt).toList();
    }

    private static boolean readOnly(SyncToolSpecification spec) {
        ToolAnnotations a = spec.tool().annotations();
        return a != null && Boolean.TRUE.equals(a.readOnlyHint());
    }

    private static AgentTool adapt(SyncToolSpecification spec) {
        var tool = spec.tool();
        String description = tool.description() == null ? (tool.title() == null ? tool.name() : tool.title()) : tool.description();
        Map<String, Object> schema = tool.inputSchema() == null ? Map.of("type", "object") : tool.inputSchema();
        return new AgentTool(tool.name(), description, schema, arguments -> {
            // The product's handlers take no per-session state from the exchange.
            CallToolResult result = spec.callHandler().apply(null, new CallToolRequest(tool.name(), arguments));
            return new ToolOutput(text(result), Boolean.TRUE.equals(result.isError()));
        });
    }

    /** The text an MCP tool result carries (its structured content when it has no text), for a model to read. */
    public static String text(CallToolResult result) {
        List<Content> content = result.content() == null ? List.of() : result.content();
        String text = content.stream().filter(TextContent.class::isInstance).map(c -> ((TextContent) c).text())
                .collect(Collectors.joining("\n"));
        if (text.isEmpty() && result.structuredContent() != null) {
            return String.valueOf(result.structuredContent());
        }
        return text;
    }
}
