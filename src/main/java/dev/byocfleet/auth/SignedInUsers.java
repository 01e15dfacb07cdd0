package dev.byocfleet.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Turns a verified token into the user it acts for, on every request. The user's current row
 * decides: a disabled user's tokens stop working, a new role applies at once. Rows are cached for
 * {@link #CACHE_FOR} at most; changes made through this instance clear the cache immediately.
 */
@Component
class SignedInUsers {

    static final Duration CACHE_FOR = Duration.ofSeconds(5);
    private static final int MAX_CACHED = 10_000;
    static final String NOT_ACTIVE = "The user of this token is unknown or disabled.";

    private record Cached(Optional<UserAccount> user, Instant loadedAt) {}

    private final UserRepository users;
    private final Clock clock;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    @Autowired
    SignedInUsers(UserRepository users) {
        this(users, Clock.systemUTC());
    }

    SignedInUsers(UserRepository users, Clock clock) {
        this.users = users;
        this.clock = clock;
    }

    /** A token this server issued: {@code sub} is the user id. */
    UserAuthentication fromOwnToken(Jwt jwt) {
        UserAccount user = cached("id:" + jwt.getSubject(), () -> users.findById(jwt.getSubject()))
                .filter(UserAccount::active)
                .orElseThrow(() -> new InvalidBearerTokenException(NOT_ACTIVE));
        return new UserAuthentication(user.asCurrentUser());
    }

    /**
     * An external identity provider's token. A user whose {@code external_subject} is the token's
     * {@code sub} acts as that user (role and status from the users table). Otherwise the role
     * comes from {@code app_metadata.role}, which only the provider's admins can set; never from
     * {@code user_metadata}, which users edit themselves.
     */
    UserAuthentication fromExternalToken(Jwt jwt) {
        String subject = jwt.getSubject();
        if (subject == null || subject.isBlank()) {
            throw new InvalidBearerTokenException("The token has no subject.");
        }
        Optional<UserAccount> mapped = cached("sub:" + subject, () -> users.findByExternalSubject(subject));
        if (mapped.isPresent()) {
            if (!mapped.get().active()) {
                throw new InvalidBearerTokenException(NOT_ACTIVE);
            }
            return new UserAuthentication(mapped.get().asCurrentUser());
        }
        Role role = appMetadataRole(jwt)
                .orElseThrow(() -> new InvalidBearerTokenException("The token grants no role in this application."));
        String email = jwt.getClaimAsString("email");
        return new UserAuthentication(new CurrentUser(externalUserId(subject), email == null ? "" : email, null, role));
    }

    /** Forgets what is cached of this user, so the next request reads the row again. */
    void forget(UserAccount user) {
        cache.remove("id:" + user.userId());
        if (user.externalSubject() != null) {
            cache.remove("sub:" + user.externalSubject());
        }
    }

    static Optional<Role> appMetadataRole(Jwt jwt) {
        Object metadata = jwt.getClaims().get("app_metadata");
        if (metadata instanceof Map<?, ?> map && map.get("role") instanceof String role) {
            return Role.parse(role);
        }
        return Optional.empty();
    }

    /** A stable id for a user known only to the provider; it fits the 64-character user_id columns. */
    static String externalUserId(String subject) {
        String id = "ext:" + subject;
        if (id.length() <= 64) {
            return id;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(subject.getBytes(StandardCharsets.UTF_8));
            return "ext:" + HexFormat.of().formatHex(digest, 0, 24);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private Optional<UserAccount> cached(String key, Supplier<Optional<UserAccount>> load) {
        Instant now = clock.instant();
        Cached hit = cache.get(key);
        if (hit != null && hit.loadedAt().plus(CACHE_FOR).isAfter(now)) {
            return hit.user();
        }
        if (cache.size() >= MAX_CACHED) {
            cache.clear();
        }
        Optional<UserAccount> user = load.get();
        cache.put(key, new Cached(user, now));
        return user;
    }
}
