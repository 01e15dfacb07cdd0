package dev.byocfleet.chat;

import dev.byocfleet.api.ConflictException;
import dev.byocfleet.api.InvalidParameterException;
import dev.byocfleet.api.NotFoundException;
import dev.byocfleet.auth.AccessGuard;
import dev.byocfleet.auth.CurrentUser;
import dev.byocfleet.auth.Role;
import dev.byocfleet.chat.ChatRecords.McpServerRequest;
import dev.byocfleet.chat.ChatRecords.McpServerTools;
import dev.byocfleet.chat.ChatRecords.McpServerView;
import dev.byocfleet.chat.McpServerRepository.StoredServer;
import dev.byocfleet.auth.SecretCipher;
import dev.byocfleet.auth.UnreadableSecretException;
import dev.byocfleet.outbound.OutboundPolicy;
import dev.byocfleet.outbound.RefusedUrlException;
import dev.byocfleet.store.JsonColumns;
import dev.byocfleet.store.StoreAvailability;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import tools.jackson.core.type.TypeReference;

/**
 * The external MCP servers of the chat agent (admins only): name, URL, optional request headers
 * (a bearer token, say) and whether the agent may call tools that are not marked read-only.
 */
@Service
class McpServerService {

    private static final Pattern NAME = Pattern.compile("[a-z0-9](?:[a-z0-9-]|_(?!_)){0,30}");
    private static final Pattern HEADER_NAME = Pattern.compile("[A-Za-z0-9!#$%&'*+.^_`|~-]{1,64}");
    private static final TypeReference<Map<String, String>> HEADERS = new TypeReference<>() { };
    private static final int MAX_HEADERS = 16;
    static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final Logger log = LoggerFactory.getLogger(McpServerService.class);

    private final McpServerRepository repository;
    private final AccessGuard access;
    private final OutboundPolicy outbound;
    private final SecretCipher cipher;
    private final Clock clock = Clock.systemUTC();

    private final StoreAvailability store;

    McpServerService(McpServerRepository repository, AccessGuard access, OutboundPolicy outbound, SecretCipher cipher,
                     StoreAvailability store) {
        this.repository = repository;
        this.access = access;
        this.outbound = outbound;
        this.cipher = cipher;
        this.store = store;
    }

    @EventListener(ApplicationReadyEvent.class)
    void encryptPlaintextHeadersWhenTheStoreIsOpen() {
        store.whenAvailable("encrypting plaintext MCP server headers", this::encryptPlaintextHeaders);
    }

    /** Servers saved before header values were encrypted are encrypted once, at start-up. */
    void encryptPlaintextHeaders() {
        try {
            int n = 0;
            for (StoredServer s : repository.all()) {
                Map<String, String> stored = s.headers() == null ? Map.of() : JsonColumns.MAPPER.readValue(s.headers(), HEADERS);
                if (stored.values().stream().anyMatch(v -> !SecretCipher.isSealed(v))) {
                    Map<String, String> sealed = new LinkedHashMap<>();
                    stored.forEach((k, v) -> sealed.put(k, SecretCipher.isSealed(v) ? v : cipher.seal(v, context(s.name(), k))));
                    repository.update(new StoredServer(s.name(), s.url(), JsonColumns.write(sealed), s.writable(),
                            s.createdAt(), s.updatedAt()));
                    n++;
                }
            }
            if (n > 0) {
                log.info("encrypted the header values of {} MCP server(s) stored in plaintext", n);
            }
        } catch (RuntimeException e) {
            log.warn("could not encrypt plaintext MCP server headers now (retried at the next start): {}", e.toString());
        }
    }

    List<McpServerView> list() {
        access.require(Role.ADMIN);
        return repository.all().stream().map(McpServerService::view).toList();
    }

    McpServerView create(McpServerRequest request) {
        CurrentUser admin = access.require(Role.ADMIN);
        String name = name(request.name());
        if (repository.find(name).isPresent()) {
            throw new ConflictException("An MCP server named '" + name + "' exists already.");
        }
        LocalDateTime now = LocalDateTime.now(clock);
        StoredServer server = new StoredServer(name, url(request.url()), headersJson(name, request.headers()),
                Boolean.TRUE.equals(request.writable()), now, now);
        repository.insert(server, admin.userId());
        return view(server);
    }

    /** Replaces URL and writable; headers are kept when the request leaves them out. */
    McpServerView update(String name, McpServerRequest request) {
        access.require(Role.ADMIN);
        StoredServer old = repository.find(name).orElseThrow(() -> notFound(name));
        if (request.name() != null && !request.name().equals(name)) {
            throw new InvalidParameterException("name", "name cannot be changed; delete the server and add it again");
        }
        StoredServer server = new StoredServer(name, url(request.url()),
                request.headers() == null ? old.headers() : headersJson(name, request.headers()),
                Boolean.TRUE.equals(request.writable()), old.createdAt(), LocalDateTime.now(clock));
        repository.update(server);
        return view(server);
    }

    void delete(String name) {
        access.require(Role.ADMIN);
        if (!repository.delete(name)) {
            throw notFound(name);
        }
    }

    /** Connects to one server and lists its tools as the agent would see them. */
    McpServerTools probe(String name) {
        access.require(Role.ADMIN);
        StoredServer server = repository.find(name).orElseThrow(() -> notFound(name));
        try (ExternalMcpTools tools = connect(List.of(server))) {
            if (!tools.unreachable().isEmpty()) {
                return new McpServerTools(name, false, tools.unreachable().getFirst().reason(), List.of());
            }
            return new McpServerTools(name, true, null, tools.tools().stream().map(t -> t.name()).toList());
        }
    }

    /** Connects to every configured server for one chat turn (no role check: the turn made it). */
    ExternalMcpTools connectAll() {
        return connect(repository.all());
    }

    /** A server whose header values cannot be decrypted is reported unreachable with the reason. */
    private ExternalMcpTools connect(List<StoredServer> servers) {
        Map<String, Map<String, String>> headers = new LinkedHashMap<>();
        Map<String, String> unreadable = new LinkedHashMap<>();
        for (StoredServer s : servers) {
            Map<String, String> plain = new LinkedHashMap<>();
            try {
                if (s.headers() != null) {
                    JsonColumns.MAPPER.readValue(s.headers(), HEADERS).forEach((k, v) -> plain.put(k, cipher.open(v, context(s.name(), k))));
                }
                headers.put(s.name(), plain);
            } catch (UnreadableSecretException e) {
                unreadable.put(s.name(), "its headers cannot be used: " + e.getMessage());
            }
        }
        return ExternalMcpTools.connect(servers, headers, unreadable, TIMEOUT, outbound);
    }

    /** Where a header value belongs: the associated data of its encryption. */
    private static String context(String server, String header) {
        return "chat_mcp_servers:" + server + ":header:" + header.toLowerCase(Locale.ROOT);
    }

    private static McpServerView view(StoredServer s) {
        List<String> names = s.headers() == null ? List.of()
                : List.copyOf(JsonColumns.MAPPER.readValue(s.headers(), HEADERS).keySet());
        return new McpServerView(s.name(), s.url(), names, s.writable(), s.createdAt(), s.updatedAt());
    }

    private static NotFoundException notFound(String name) {
        return new NotFoundException("No MCP server named '" + name + "'.");
    }

    private static String name(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new InvalidParameterException("name", "name must be 1-31 characters of a-z, 0-9, '-' and single '_', "
                    + "starting with a letter or digit (its tools are offered as <name>__<tool>)");
        }
        return name;
    }

    private String url(String url) {
        if (url == null || url.isBlank() || url.length() > 1024) {
            throw new InvalidParameterException("url", "url is required (at most 1024 characters)");
        }
        URI uri;
        try {
            // parses the URL and checks scheme, host and user info (and where the host points)
            uri = outbound.checkUrl(url);
        } catch (RefusedUrlException e) {
            throw new InvalidParameterException("url", "url refused: " + e.reason());
        }
        // what the policy leaves: the scheme in lower case, and no fragment
        if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getRawFragment() != null) {
            throw new InvalidParameterException("url", "url must be an http(s) URL with a host, no user info and no fragment, "
                    + "for example https://mcp.example.com/mcp");
        }
        return uri.toString();
    }

    /** The headers as stored: names in clear, values encrypted. */
    private String headersJson(String server, Map<String, String> headers) {
        if (headers == null || headers.isEmpty()) {
            return null;
        }
        if (headers.size() > MAX_HEADERS) {
            throw new InvalidParameterException("headers", "at most " + MAX_HEADERS + " headers");
        }
        HttpRequest.Builder check = HttpRequest.newBuilder(URI.create("http://localhost/"));
        headers.forEach((k, v) -> {
            if (k == null || !HEADER_NAME.matcher(k).matches() || v == null || v.length() > 4096
                    || v.chars().anyMatch(c -> c == '\r' || c == '\n' || c == 0)) {
                throw new InvalidParameterException("headers", "header '" + k + "' is not a valid HTTP header name and value");
            }
            try {
                check.header(k, v);
            } catch (IllegalArgumentException e) {
                throw new InvalidParameterException("headers", "header '" + k + "' cannot be set by a client");
            }
        });
        Map<String, String> sealed = new LinkedHashMap<>();
        headers.forEach((k, v) -> sealed.put(k, cipher.seal(v, context(server, k))));
        return JsonColumns.write(sealed);
    }
}
