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
import dev.byocfleet.auth.SealedSecretStore;
import dev.byocfleet.auth.SecretCipher;
import dev.byocfleet.auth.UnreadableSecretException;
import dev.byocfleet.auth.SecretState;
import dev.byocfleet.outbound.OutboundPolicy;
import dev.byocfleet.outbound.RedactedUrl;
import dev.byocfleet.outbound.RefusedUrlException;
import dev.byocfleet.store.JsonColumns;
import dev.byocfleet.store.StoreAvailability;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
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
class McpServerService implements SealedSecretStore {

    private static final Pattern NAME = Pattern.compile("[a-z0-9](?:[a-z0-9-]|_(?!_)){0,30}");
    private static final Pattern HEADER_NAME = Pattern.compile("[A-Za-z0-9!#$%&'*+.^_`|~-]{1,64}");
    private static final TypeReference<Map<String, String>> HEADERS = new TypeReference<>() { };
    private static final int MAX_HEADERS = 16;
    /**
     * The longest URL whose encrypted form (prefix, key id, base64url of nonce, ciphertext and tag:
     * 16 + 4/3 × (28 + n) characters) fits the url column's 1,024 (StarRocks counts bytes).
     */
    static final int MAX_URL_BYTES = 700;
    private static final String URL_REQUIRED = "url is required (at most " + MAX_URL_BYTES + " bytes)";
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
    void encryptPlaintextCredentialsWhenTheStoreIsOpen() {
        store.whenAvailable("encrypting plaintext MCP server URLs and headers", this::encryptPlaintextCredentials);
    }

    /** Servers saved before their URLs and header values were encrypted are encrypted once, at start-up. */
    void encryptPlaintextCredentials() {
        try {
            int n = 0;
            for (StoredServer s : repository.all()) {
                boolean plainUrl = !SecretCipher.isSealed(s.url());
                if (plainUrl && s.url().getBytes(StandardCharsets.UTF_8).length > MAX_URL_BYTES) {
                    log.warn("MCP server {}: its plaintext URL is too long to store encrypted; save a shorter URL", s.name());
                    continue;
                }
                Map<String, String> stored = s.headers() == null ? Map.of() : JsonColumns.MAPPER.readValue(s.headers(), HEADERS);
                if (plainUrl || stored.values().stream().anyMatch(v -> !SecretCipher.isSealed(v))) {
                    Map<String, String> sealed = new LinkedHashMap<>();
                    stored.forEach((k, v) -> sealed.put(k, SecretCipher.isSealed(v) ? v : cipher.seal(v, context(s.name(), k))));
                    repository.update(new StoredServer(s.name(), plainUrl ? cipher.seal(s.url(), urlContext(s.name())) : s.url(),
                            sealed.isEmpty() ? s.headers() : JsonColumns.write(sealed), s.writable(), s.createdAt(),
                            s.updatedAt()));
                    n++;
                }
            }
            if (n > 0) {
                log.info("encrypted the URL and header values of {} MCP server(s) stored in plaintext", n);
            }
        } catch (RuntimeException e) {
            log.warn("could not encrypt plaintext MCP server credentials now (retried at the next start): {}", e.toString());
        }
    }

    @Override
    public String what() {
        return "MCP servers";
    }

    /** Every server's URL and header values opened with {@code from} and sealed with {@code to}; written when run. */
    @Override
    public List<Runnable> resealAll(SecretCipher from, SecretCipher to) {
        List<Runnable> writes = new ArrayList<>();
        for (StoredServer s : repository.all()) {
            String url;
            Map<String, String> headers = new LinkedHashMap<>();
            try {
                url = to.seal(from.open(s.url(), urlContext(s.name())), urlContext(s.name()));
                if (s.headers() != null) {
                    JsonColumns.MAPPER.readValue(s.headers(), HEADERS).forEach((k, v) ->
                            headers.put(k, to.seal(from.open(v, context(s.name(), k)), context(s.name(), k))));
                }
            } catch (UnreadableSecretException e) {
                throw new UnreadableSecretException("MCP server " + s.name() + ": " + e.getMessage());
            }
            StoredServer resealed = new StoredServer(s.name(), url, s.headers() == null ? null : JsonColumns.write(headers),
                    s.writable(), s.createdAt(), s.updatedAt());
            writes.add(() -> repository.update(resealed));
        }
        return writes;
    }

    List<McpServerView> list() {
        access.require(Role.ADMIN);
        return repository.all().stream().map(this::view).toList();
    }

    McpServerView create(McpServerRequest request) {
        CurrentUser admin = access.require(Role.ADMIN);
        String name = name(request.name());
        if (repository.find(name).isPresent()) {
            throw new ConflictException("An MCP server named '" + name + "' exists already.");
        }
        LocalDateTime now = LocalDateTime.now(clock);
        StoredServer server = new StoredServer(name, cipher.seal(url(request.url()), urlContext(name)),
                headersJson(name, request.headers()), Boolean.TRUE.equals(request.writable()), now, now);
        repository.insert(server, admin.userId());
        return view(server);
    }

    /**
     * Replaces URL, headers and writable. A URL left out, or sent back as the redacted form the API
     * showed, keeps the stored one (with its query values); headers left out are kept. What is kept
     * must still decrypt, else the request names the field to send again.
     */
    McpServerView update(String name, McpServerRequest request) {
        access.require(Role.ADMIN);
        StoredServer old = repository.find(name).orElseThrow(() -> notFound(name));
        if (request.name() != null && !request.name().equals(name)) {
            throw new InvalidParameterException("name", "name cannot be changed; delete the server and add it again");
        }
        Opened stored = open(old);
        String url;
        if (request.url() == null || stored.url() != null && request.url().equals(RedactedUrl.of(stored.url()))) {
            if (stored.url() == null) {
                throw new InvalidParameterException("url", "the stored url cannot be decrypted (" + stored.problem()
                        + "); send url again.");
            }
            url = old.url();
        } else {
            url = cipher.seal(url(request.url()), urlContext(name));
        }
        if (request.headers() == null && stored.headers() == null) {
            throw new InvalidParameterException("headers", "the stored header values cannot be decrypted ("
                    + stored.problem() + "); send headers again ({} for none).");
        }
        StoredServer server = new StoredServer(name, url,
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

    /** A server whose URL or header values cannot be decrypted is reported unreachable with the reason. */
    private ExternalMcpTools connect(List<StoredServer> servers) {
        List<ExternalMcpTools.Target> targets = new ArrayList<>();
        Map<String, String> unusable = new LinkedHashMap<>();
        for (StoredServer s : servers) {
            Opened opened = open(s);
            if (opened.problem() != null) {
                unusable.put(s.name(), "its " + (opened.url() == null ? "url" : "headers") + " cannot be used: "
                        + opened.problem());
            } else {
                targets.add(new ExternalMcpTools.Target(s.name(), opened.url(), opened.headers(), s.writable()));
            }
        }
        return ExternalMcpTools.connect(targets, unusable, TIMEOUT, outbound);
    }

    /**
     * A stored server decrypted: {@code url} null when it cannot be decrypted, {@code headers} null
     * when one of their values cannot; {@code problem} says why (never a value).
     */
    private record Opened(@Nullable String url, @Nullable Map<String, String> headers, @Nullable String problem) {
        @Override
        public String toString() {
            return "Opened[problem=" + problem + "]";
        }
    }

    private Opened open(StoredServer s) {
        String url = null;
        String problem = null;
        try {
            url = cipher.open(s.url(), urlContext(s.name()));
        } catch (UnreadableSecretException e) {
            problem = e.getMessage();
        }
        Map<String, String> plain = new LinkedHashMap<>();
        try {
            if (s.headers() != null) {
                JsonColumns.MAPPER.readValue(s.headers(), HEADERS).forEach((k, v) -> plain.put(k, cipher.open(v, context(s.name(), k))));
            }
        } catch (UnreadableSecretException e) {
            return new Opened(url, null, problem == null ? e.getMessage() : problem);
        }
        return new Opened(url, plain, problem);
    }

    /** Where a header value belongs: the associated data of its encryption. */
    private static String context(String server, String header) {
        return "chat_mcp_servers:" + server + ":header:" + header.toLowerCase(Locale.ROOT);
    }

    private static String urlContext(String server) {
        return "chat_mcp_servers:" + server + ":url";
    }

    /** The URL redacted (query values masked), and whether the stored credentials decrypt. */
    private McpServerView view(StoredServer s) {
        List<String> names = s.headers() == null ? List.of()
                : List.copyOf(JsonColumns.MAPPER.readValue(s.headers(), HEADERS).keySet());
        Opened opened = open(s);
        String state;
        if (opened.problem() != null) {
            state = SecretState.UNREADABLE;
        } else {
            state = names.isEmpty() && !opened.url().contains("?") ? SecretState.NONE : SecretState.STORED;
        }
        return new McpServerView(s.name(), opened.url() == null ? null : RedactedUrl.of(opened.url()), names, s.writable(),
                state, opened.problem(), s.createdAt(), s.updatedAt());
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
        if (url == null || url.isBlank() || url.strip().getBytes(StandardCharsets.UTF_8).length > MAX_URL_BYTES) {
            throw new InvalidParameterException("url", URL_REQUIRED);
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
