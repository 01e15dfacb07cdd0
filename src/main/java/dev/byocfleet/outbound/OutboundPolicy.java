package dev.byocfleet.outbound;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Where the server may send requests to destinations that users configure through the API
 * (notification channels, external MCP servers): http and https only, no user info, and never to
 * an internal address — loopback, link-local (the cloud metadata service 169.254.169.254 and
 * fd00:ec2::254 among them), private (RFC 1918, 100.64.0.0/10, fc00::/7), multicast, unspecified or
 * reserved, also when written as an IPv4-mapped, IPv4-compatible, NAT64, 6to4 or Teredo IPv6 address
 * (Teredo: both the server's address and the client's, stored with its bits inverted).
 * Numeric hosts must be plain dotted quads: decimal, octal and hex forms ({@code 2130706433},
 * {@code 0x7f.1}, {@code 0177.0.0.1}) are refused rather than interpreted.
 *
 * <p>{@link #checkUrl} runs when a URL is saved; {@link #checkBeforeConnect} runs before every
 * request and checks every address the host resolves to at that moment, so a name that resolved to
 * a public address when it was saved and to an internal one later (DNS rebinding) is refused. The
 * HTTP client then resolves the same name from the JVM's address cache (30 s by default; do not set
 * {@code networkaddress.cache.ttl} to 0). Redirects are never followed by the callers.
 *
 * <p>Operators let their own internal endpoints through with {@code byoc.outbound.allowed-hosts}.
 * Configuration-supplied URLs (the LLM, Lark and Looker base URLs, the OIDC issuer) are the
 * operator's own and are not subject to this policy.
 */
@Component
public class OutboundPolicy {

    private static final Pattern NUMERIC_LAST_LABEL = Pattern.compile("[0-9]+|0[xX][0-9a-fA-F]*");
    private static final Pattern DOTTED_QUAD = Pattern.compile(
            "(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}");
    private static final String NOT_A_DOTTED_QUAD = "a numeric host must be a dotted-quad IPv4 address "
            + "(decimal, octal and hex forms are not accepted)";
    private static final Pattern IPV6_LITERAL = Pattern.compile("[0-9a-fA-F:.]+");

    private record Block(byte[] network, int prefix) {
        boolean contains(InetAddress address) {
            byte[] a = address.getAddress();
            return a.length == network.length && samePrefix(a, network, prefix);
        }
    }

    /** How host names become addresses: the JVM's resolver, or a test's. */
    @FunctionalInterface
    interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private final Set<String> allowedNames = new HashSet<>();
    private final List<Block> allowedBlocks = new ArrayList<>();
    private final Resolver resolver;

    @Autowired
    public OutboundPolicy(OutboundProperties properties) {
        this(properties, InetAddress::getAllByName);
    }

    OutboundPolicy(OutboundProperties properties, Resolver resolver) {
        this.resolver = resolver;
        for (String entry : properties.allowedHosts()) {
            String e = entry.toLowerCase(Locale.ROOT);
            int slash = e.indexOf('/');
            String host = slash < 0 ? e : e.substring(0, slash);
            InetAddress literal = literal(host);
            if (literal == null) {
                if (slash >= 0) {
                    throw new IllegalStateException("byoc.outbound.allowed-hosts: '" + entry + "' is not a CIDR block");
                }
                allowedNames.add(withoutTrailingDot(e));
                continue;
            }
            int bits = literal.getAddress().length * 8;
            int prefix;
            try {
                prefix = slash < 0 ? bits : Integer.parseInt(e.substring(slash + 1));
            } catch (NumberFormatException ex) {
                prefix = -1;
            }
            if (prefix < 0 || prefix > bits) {
                throw new IllegalStateException("byoc.outbound.allowed-hosts: '" + entry + "' has an invalid prefix length");
            }
            allowedBlocks.add(new Block(literal.getAddress(), prefix));
        }
    }

    /**
     * Checks a URL as it is saved: scheme, form and, when the host resolves now, its addresses (a
     * name that does not resolve yet may be saved; it is checked again before each request).
     *
     * @return the URL, stripped and normalised
     * @throws RefusedUrlException naming the reason
     */
    public URI checkUrl(String url) {
        URI uri = parse(url);
        check(uri, false);
        return uri;
    }

    /** Checks a stored URL right before a request: as {@link #checkUrl}, and the host must resolve now. */
    public URI checkBeforeConnect(URI uri) {
        check(uri, true);
        return uri;
    }

    private static URI parse(String url) {
        if (url == null || url.isBlank()) {
            throw new RefusedUrlException("a URL is required");
        }
        try {
            return new URI(url.strip());
        } catch (URISyntaxException e) {
            throw new RefusedUrlException("not a valid URL (" + e.getReason() + ")");
        }
    }

    private void check(URI uri, boolean mustResolve) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new RefusedUrlException("only http and https URLs are allowed");
        }
        if (uri.getRawUserInfo() != null) {
            throw new RefusedUrlException("user info (user@host) is not allowed in the URL");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            // java.net.URI has no host for names it cannot parse as one, such as 2130706433 or 0x7f.1
            String authority = uri.getRawAuthority() == null ? "" : uri.getRawAuthority().replaceFirst(":[0-9]*$", "");
            if (NUMERIC_LAST_LABEL.matcher(authority.substring(authority.lastIndexOf('.') + 1)).matches()) {
                throw new RefusedUrlException(NOT_A_DOTTED_QUAD);
            }
            throw new RefusedUrlException("the URL needs a host name or address");
        }
        String host = withoutTrailingDot(uri.getHost().toLowerCase(Locale.ROOT));
        if (allowedNames.contains(host)) {
            return;
        }
        InetAddress literal;
        if (host.startsWith("[")) {
            literal = host.endsWith("]") ? literal(host.substring(1, host.length() - 1)) : null;
            if (literal == null) {
                throw new RefusedUrlException("the host is not a valid IPv6 address");
            }
        } else if (NUMERIC_LAST_LABEL.matcher(host.substring(host.lastIndexOf('.') + 1)).matches()) {
            if (!DOTTED_QUAD.matcher(host).matches()) {
                throw new RefusedUrlException(NOT_A_DOTTED_QUAD);
            }
            literal = literal(host);
        } else {
            literal = null;
            if (host.equals("localhost") || host.endsWith(".localhost")) {
                throw new RefusedUrlException("the host '" + host + "' is this machine (loopback)");
            }
        }
        if (literal != null) {
            refuseInternal(host, literal, true);
            return;
        }
        InetAddress[] resolved;
        try {
            resolved = resolver.resolve(host);
        } catch (UnknownHostException e) {
            if (mustResolve) {
                throw new RefusedUrlException("the host '" + host + "' does not resolve");
            }
            return;
        }
        for (InetAddress address : resolved) {
            refuseInternal(host, address, false);
        }
    }

    private void refuseInternal(String host, InetAddress address, boolean written) {
        String kind = internalKind(address);
        if (kind != null && allowedBlocks.stream().noneMatch(b -> b.contains(address))) {
            throw new RefusedUrlException("the host '" + host + "' "
                    + (written ? "is" : "resolves to " + address.getHostAddress() + ",")
                    + " a " + kind + " address; an operator can allow it with byoc.outbound.allowed-hosts");
        }
    }

    /** What kind of internal address this is, or null for a public one. */
    static String internalKind(InetAddress address) {
        byte[] a = address.getAddress();
        if (address instanceof Inet4Address) {
            return internalV4(a);
        }
        if (address instanceof Inet6Address) {
            int first = a[0] & 0xff;
            int second = a[1] & 0xff;
            if (zero(a, 0, 10) && (a[10] & 0xff) == 0xff && (a[11] & 0xff) == 0xff) {
                return embedded(slice(a, 12), "IPv4-mapped");
            }
            if (zero(a, 0, 12)) {
                if (zero(a, 12, 16)) {
                    return "unspecified";
                }
                if (zero(a, 12, 15) && a[15] == 1) {
                    return "loopback";
                }
                return embedded(slice(a, 12), "IPv4-compatible");
            }
            if (first == 0x00 && second == 0x64 && (a[2] & 0xff) == 0xff && (a[3] & 0xff) == 0x9b && zero(a, 4, 12)) {
                return embedded(slice(a, 12), "NAT64");
            }
            if (first == 0x20 && second == 0x02) {
                return embedded(slice(a, 2), "6to4");
            }
            if (first == 0x20 && second == 0x01 && a[2] == 0 && a[3] == 0) {
                return teredo(a);
            }
            if (first == 0xff) {
                return "multicast";
            }
            if (first == 0xfe && (second & 0xc0) == 0x80) {
                return "link-local";
            }
            if (first == 0xfe && (second & 0xc0) == 0xc0) {
                return "site-local";
            }
            if ((first & 0xfe) == 0xfc) {
                return "private (unique local)";
            }
            return null;
        }
        return "unknown";
    }

    /**
     * A Teredo address (2001:0::/32) carries two IPv4 addresses: the Teredo server's in bits 32-63
     * and the client's, every bit inverted, in the last 32 bits. Either being internal refuses it.
     */
    private static String teredo(byte[] a) {
        String server = embedded(slice(a, 4), "Teredo server");
        if (server != null) {
            return server;
        }
        byte[] client = slice(a, 12);
        for (int i = 0; i < client.length; i++) {
            client[i] = (byte) ~client[i];
        }
        return embedded(client, "Teredo client");
    }

    private static String embedded(byte[] v4, String form) {
        String kind = internalV4(v4);
        return kind == null ? null : kind + " (" + form + ")";
    }

    private static String internalV4(byte[] a) {
        int b0 = a[0] & 0xff;
        int b1 = a[1] & 0xff;
        if (b0 == 0) {
            return "unspecified";
        }
        if (b0 == 127) {
            return "loopback";
        }
        if (b0 == 169 && b1 == 254) {
            return "link-local";
        }
        if (b0 == 10 || (b0 == 172 && (b1 & 0xf0) == 16) || (b0 == 192 && b1 == 168)) {
            return "private";
        }
        if (b0 == 100 && (b1 & 0xc0) == 64) {
            return "private (shared, RFC 6598)";
        }
        if (b0 == 192 && b1 == 0 && (a[2] & 0xff) == 0) {
            return "reserved (IETF)";
        }
        if (b0 >= 224 && b0 <= 239) {
            return "multicast";
        }
        if (b0 >= 240) {
            return "reserved";
        }
        return null;
    }

    /** An IP address written literally (no name lookup happens), or null. */
    private static InetAddress literal(String host) {
        boolean v6 = host.contains(":") && IPV6_LITERAL.matcher(host).matches();
        if (!v6 && !DOTTED_QUAD.matcher(host).matches()) {
            return null;
        }
        try {
            return InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private static String withoutTrailingDot(String host) {
        return host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
    }

    private static boolean zero(byte[] a, int from, int to) {
        for (int i = from; i < to; i++) {
            if (a[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static byte[] slice(byte[] a, int from) {
        return java.util.Arrays.copyOfRange(a, from, from + 4);
    }

    private static boolean samePrefix(byte[] a, byte[] b, int bits) {
        int full = bits / 8;
        for (int i = 0; i < full; i++) {
            if (a[i] != b[i]) {
                return false;
            }
        }
        int rest = bits % 8;
        if (rest == 0) {
            return true;
        }
        int mask = (0xff << (8 - rest)) & 0xff;
        return (a[full] & mask) == (b[full] & mask);
    }
}
