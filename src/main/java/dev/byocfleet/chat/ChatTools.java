package dev.byocfleet.chat;

import dev.byocfleet.agentloop.AgentTool;
import dev.byocfleet.agentloop.AgentTool.ToolOutput;
import dev.byocfleet.agentloop.McpToolAdapter;
import dev.byocfleet.api.NotFoundException;
import dev.byocfleet.auth.AccessGuard;
import dev.byocfleet.auth.Role;
import dev.byocfleet.chat.ChatRecords.DirectTool;
import dev.byocfleet.chat.ChatRecords.DirectToolResult;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.stereotype.Component;

/**
 * The product's own tools for the chat: the read-only tools of the MCP server at {@code /mcp},
 * called in-process through {@link McpToolAdapter} (the same specifications and handlers, so the
 * SQL guard and the services' role checks apply exactly as over {@code /mcp}). The agent loop runs
 * tools on threads of its own, so each call carries the signed-in user's security context.
 */
@Component
class ChatTools {

    static final int DIRECT_OUTPUT_CHARS = 20_000;
    private static final Logger log = LoggerFactory.getLogger(ChatTools.class);

    private final McpToolAdapter adapter;
    private final AccessGuard access;

    ChatTools(McpToolAdapter adapter, AccessGuard access) {
        this.adapter = adapter;
        this.access = access;
    }

    /** The product's tools, each run as the user of {@code context}. */
    List<AgentTool> productTools(SecurityContext context) {
        return adapter.toolsAs(context);
    }

    List<DirectTool> directTools() {
        access.require(Role.VIEWER);
        return adapter.tools().stream().map(t -> new DirectTool(t.name(), t.description(), t.inputSchema())).toList();
    }

    /** Runs one read-only product tool for the signed-in viewer (the chat page without a model). */
    DirectToolResult call(String name, Map<String, Object> arguments) {
        access.require(Role.VIEWER);
        AgentTool tool = adapter.tools().stream().filter(t -> t.name().equals(name)).findFirst()
                .orElseThrow(() -> new NotFoundException("No read-only tool named '" + name + "'. Available: "
                        + String.join(", ", adapter.tools().stream().map(AgentTool::name).sorted().toList()) + "."));
        ToolOutput output;
        try {
            output = tool.handler().apply(arguments);
        } catch (RuntimeException e) {
            log.warn("Direct tool {} failed", name, e);
            output = ToolOutput.error("The tool failed (" + e.getClass().getSimpleName() + ").");
        }
        String text = output.text() == null ? "" : output.text();
        boolean truncated = text.length() > DIRECT_OUTPUT_CHARS;
        return new DirectToolResult(name, truncated ? text.substring(0, DIRECT_OUTPUT_CHARS) : text, output.error(), truncated);
    }

}
