package dev.byocfleet.ingest.webhook;

import dev.byocfleet.ingest.Digests;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Locale;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/**
 * The shared webhook credentials: {@code Authorization: Bearer <token>} or basic auth, whichever a
 * sender is configured with. Secrets are compared as SHA-256 digests with a constant-time compare,
 * so neither their content nor their length shows in the response time.
 */
final class WebhookAuthenticator {

    static final String REALM = "byoc-fleet webhooks";

    private final byte[] token;
    private final byte[] basicUser;
    private final byte[] basicPassword;

    WebhookAuthenticator(WebhookProperties props) {
        this.token = props.token() == null ? null : digest(props.token());
        boolean basic = props.basicUser() != null && props.basicPassword() != null;
        this.basicUser = basic ? digest(props.basicUser()) : null;
        this.basicPassword = basic ? digest(props.basicPassword()) : null;
    }

    /** Passes silently or throws a 401 rejection with the challenges this service accepts. */
    void authenticate(String authorization) {
        if (authorization == null || authorization.isBlank()) {
            throw unauthorized("Authentication is required: send 'Authorization: Bearer <BYOC_WEBHOOK_TOKEN>'"
                    + (basicUser != null ? " or basic auth." : "."));
        }
        String value = authorization.strip();
        int space = value.indexOf(' ');
        String scheme = space < 0 ? value : value.substring(0, space);
        String credentials = space < 0 ? "" : value.substring(space + 1).strip();
        boolean ok = switch (scheme.toLowerCase(Locale.ROOT)) {
            case "bearer" -> token != null && MessageDigest.isEqual(token, digest(credentials));
            case "basic" -> basicUser != null && basic(credentials);
            default -> throw unauthorized("The Authorization scheme must be Bearer" + (basicUser != null ? " or Basic." : "."));
        };
        if (!ok) {
            throw unauthorized("The webhook credentials are not valid.");
        }
    }

    private boolean basic(String credentials) {
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(credentials), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return false;
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return false;
        }
        // Both compared every time: which half was wrong must not show in the timing.
        boolean user = MessageDigest.isEqual(basicUser, digest(decoded.substring(0, colon)));
        boolean password = MessageDigest.isEqual(basicPassword, digest(decoded.substring(colon + 1)));
        return user & password;
    }

    private WebhookRejection unauthorized(String detail) {
        HttpHeaders headers = new HttpHeaders();
        if (token != null) {
            headers.add(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"" + REALM + "\"");
        }
        if (basicUser != null) {
            headers.add(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"" + REALM + "\", charset=\"UTF-8\"");
        }
        return new WebhookRejection(HttpStatus.UNAUTHORIZED, detail, HttpHeaders.AUTHORIZATION, headers);
    }

    private static byte[] digest(String secret) {
        return Digests.sha256(secret);
    }
}
