package dev.byocfleet.chat;

import dev.byocfleet.chat.ChatRecords.McpServerRequest;
import dev.byocfleet.chat.ChatRecords.McpServerTools;
import dev.byocfleet.chat.ChatRecords.McpServerView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "chat", description = "External MCP servers of the chat agent (admins)")
class McpServerController {

    private final McpServerService servers;

    McpServerController(McpServerService servers) {
        this.servers = servers;
    }

    @GetMapping("/api/chat/mcp-servers")
    @Operation(summary = "The external MCP servers (header names only, never their values)",
            description = "url is redacted: scheme, host, port and path, every query value masked (?token=***). "
                    + "secret_state is none, stored or unreadable; unreadable (the URL or a header value cannot be "
                    + "decrypted with the current key, or was changed) comes with a problem: save it again.")
    List<McpServerView> list() {
        return servers.list();
    }

    @PostMapping("/api/chat/mcp-servers")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add an MCP server (Streamable HTTP URL, optional headers, writable default false)",
            description = "Its tools are offered to the agent as <name>__<tool>. Unless writable, tools whose "
                    + "annotations do not say readOnlyHint are refused with a tool error. The url is held to the "
                    + "outbound-URL policy (no internal addresses unless allowed) and at most 700 bytes; the url and the header "
                    + "values are stored encrypted.")
    McpServerView create(@RequestBody(required = false) McpServerRequest request) {
        return servers.create(request == null ? new McpServerRequest(null, null, null, null) : request);
    }

    @PutMapping("/api/chat/mcp-servers/{name}")
    @Operation(summary = "Change URL, headers (kept when left out) and writable",
            description = "url left out, or sent back exactly as the redacted form the list shows, keeps the stored URL "
                    + "with its query. A stored url or headers that cannot be decrypted must be sent again (400 naming "
                    + "the field otherwise).")
    McpServerView update(@PathVariable String name, @RequestBody(required = false) McpServerRequest request) {
        return servers.update(name, request == null ? new McpServerRequest(null, null, null, null) : request);
    }

    @DeleteMapping("/api/chat/mcp-servers/{name}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable String name) {
        servers.delete(name);
    }

    @GetMapping("/api/chat/mcp-servers/{name}/tools")
    @Operation(summary = "Connect to the server and list its tools as the agent sees them")
    McpServerTools tools(@PathVariable String name) {
        return servers.probe(name);
    }
}
