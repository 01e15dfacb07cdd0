package dev.byocfleet.outbound;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.StringJoiner;
import org.jspecify.annotations.Nullable;

/**
 * How a stored destination URL is shown (API answers, logs, error messages): scheme, host, port
 * and path; every query value masked ({@code ?token=***}, a part without {@code =} masked whole);
 * user info and fragment left out. A text that is not a URL shows as {@value #UNPARSABLE}.
 */
public final class RedactedUrl {

    static final String MASK = "***";
    static final String UNPARSABLE = "(not a valid URL)";

    private RedactedUrl() {
    }

    public static String of(String url) {
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            return UNPARSABLE;
        }
        if (uri.getScheme() == null || uri.getHost() == null) {
            return UNPARSABLE;
        }
        StringBuilder out = new StringBuilder(uri.getScheme()).append("://").append(uri.getHost());
        if (uri.getPort() >= 0) {
            out.append(':').append(uri.getPort());
        }
        out.append(uri.getRawPath() == null ? "" : uri.getRawPath());
        if (uri.getRawQuery() != null) {
            StringJoiner query = new StringJoiner("&", "?", "");
            for (String part : uri.getRawQuery().split("&", -1)) {
                int eq = part.indexOf('=');
                query.add(eq < 0 ? MASK : part.substring(0, eq + 1) + MASK);
            }
            out.append(query);
        }
        return out.toString();
    }

    /**
     * {@code text} (an exception's message, say) with every occurrence of {@code url}, its query and
     * its user info replaced by their redacted forms, for a message that may quote the URL it failed on.
     */
    public static String scrub(String text, @Nullable String url) {
        if (url == null || url.isBlank()) {
            return text;
        }
        String out = text.replace(url, of(url));
        try {
            URI uri = new URI(url.strip());
            for (String secret : new String[] {uri.getRawQuery(), uri.getQuery(), uri.getRawUserInfo(), uri.getUserInfo(),
                    uri.getRawFragment()}) {
                if (secret != null && !secret.isEmpty()) {
                    out = out.replace(secret, MASK);
                }
            }
        } catch (URISyntaxException e) {
            // the whole URL was replaced above; nothing narrower to look for
        }
        return out;
    }
}
