package dev.byocfleet.auth;

import dev.byocfleet.api.ConflictException;
import dev.byocfleet.api.InvalidParameterException;
import dev.byocfleet.api.TooManyRequestsException;
import dev.byocfleet.api.UnauthorizedException;
import dev.byocfleet.auth.AuthMessages.ActivateRequest;
import dev.byocfleet.auth.AuthMessages.LoginRequest;
import dev.byocfleet.auth.AuthMessages.TokenResponse;
import dev.byocfleet.auth.InviteRepository.Invite;
import dev.byocfleet.auth.RefreshTokenRepository.RefreshToken;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Sign-in with email and password, refresh-token rotation, logout and invite activation. A wrong
 * password, an unknown email and a disabled account get the same answer after the same Argon2
 * work; failures are throttled per account and per client address.
 */
@Service
public class AuthService {

    static final String BAD_CREDENTIALS = "Email or password is incorrect.";
    static final String BAD_REFRESH = "The refresh token is invalid, expired or revoked; sign in again.";
    static final String BAD_INVITE = "The invite is invalid, already used or expired.";
    static final String THROTTLED = "Too many failed sign-ins; wait before trying again.";

    private static final Logger log = LoggerFactory.getLogger(AuthService.class);

    private final UserRepository users;
    private final InviteRepository invites;
    private final RefreshTokenRepository refreshTokens;
    private final PasswordHasher hasher;
    private final LoginThrottle throttle;
    private final AccessTokens accessTokens;
    private final AccessGuard access;
    private final AuthProperties props;
    private final Clock clock = Clock.systemUTC();

    AuthService(UserRepository users, InviteRepository invites, RefreshTokenRepository refreshTokens,
                PasswordHasher hasher, LoginThrottle throttle, AccessTokens accessTokens, AccessGuard access,
                AuthProperties props) {
        this.users = users;
        this.invites = invites;
        this.refreshTokens = refreshTokens;
        this.hasher = hasher;
        this.throttle = throttle;
        this.accessTokens = accessTokens;
        this.access = access;
        this.props = props;
    }

    public TokenResponse login(LoginRequest request, String clientAddress) {
        String email = normalizeEmail(request.email());
        throttle.blocked(email, clientAddress).ifPresent(wait -> {
            throw new TooManyRequestsException(THROTTLED, wait);
        });
        Optional<UserAccount> user = users.findByEmail(email);
        // the hash is checked (or a dummy one) whether or not the account exists or is active
        boolean matches = hasher.matches(request.password(), user.map(UserAccount::passwordHash).orElse(null));
        if (!matches || user.isEmpty() || !user.get().active()) {
            throttle.failed(email, clientAddress);
            throw new UnauthorizedException(BAD_CREDENTIALS);
        }
        throttle.succeeded(email);
        users.recordLogin(user.get().userId(), now());
        return signIn(user.get(), UUID.randomUUID().toString());
    }

    /**
     * Rotates a refresh token: the presented one is used up and a new pair is issued. A token
     * presented a second time revokes every token of its sign-in (its family).
     */
    public TokenResponse refresh(String refreshToken) {
        String hash = SecretTokens.hash(refreshToken);
        RefreshToken token = refreshTokens.find(hash).orElseThrow(() -> new UnauthorizedException(BAD_REFRESH));
        LocalDateTime now = now();
        if (token.revokedAt() != null || !token.expiresAt().isAfter(now)) {
            throw new UnauthorizedException(BAD_REFRESH);
        }
        if (token.usedAt() != null || !refreshTokens.markUsed(hash, now)) {
            refreshTokens.revokeFamily(token.familyId(), now);
            log.warn("a used refresh token was presented again; revoked its sign-in (family {}) of user {}",
                    token.familyId(), token.userId());
            throw new UnauthorizedException(BAD_REFRESH);
        }
        UserAccount user = users.findById(token.userId()).filter(UserAccount::active)
                .orElseThrow(() -> new UnauthorizedException(BAD_REFRESH));
        return signIn(user, token.familyId());
    }

    /** Revokes the sign-in of {@code refreshToken}, or every sign-in of the user when it is absent. */
    public void logout(@Nullable String refreshToken) {
        CurrentUser user = access.require(Role.VIEWER);
        LocalDateTime now = now();
        if (refreshToken == null || refreshToken.isBlank()) {
            refreshTokens.revokeUser(user.userId(), now);
            return;
        }
        refreshTokens.find(SecretTokens.hash(refreshToken))
                .filter(t -> t.userId().equals(user.userId()))
                .ifPresent(t -> refreshTokens.revokeFamily(t.familyId(), now));
    }

    public CurrentUser me() {
        return access.require(Role.VIEWER);
    }

    /** Creates the invited user with the chosen password and signs them in; an invite works once. */
    public TokenResponse activate(ActivateRequest request) {
        PasswordHasher.checkPolicy(request.password());
        LocalDateTime now = now();
        Invite invite = invites.findByTokenHash(SecretTokens.hash(request.token()))
                .filter(i -> i.usedAt() == null && i.expiresAt().isAfter(now))
                .orElseThrow(() -> new InvalidParameterException("token", BAD_INVITE));
        if (users.findByEmail(invite.email()).isPresent()) {
            throw new ConflictException("A user with the email " + invite.email() + " exists already.");
        }
        String hash = hasher.hash(request.password());
        if (!invites.markUsed(invite.inviteId(), now)) {
            throw new InvalidParameterException("token", BAD_INVITE);
        }
        String name = request.displayName() == null || request.displayName().isBlank()
                ? invite.email().substring(0, invite.email().indexOf('@'))
                : request.displayName().strip();
        UserAccount user = new UserAccount(UUID.randomUUID().toString(), invite.email(), name, hash, invite.role(),
                UserStatus.ACTIVE, null, now, now, now);
        users.insert(user);
        log.info("invite {} activated: user {} ({}) created with role {}", invite.inviteId(), user.userId(),
                user.email(), user.role().wire());
        return signIn(user, UUID.randomUUID().toString());
    }

    @Scheduled(initialDelayString = "PT1M", fixedDelayString = "PT1H")
    void purgeExpiredRefreshTokens() {
        int deleted = refreshTokens.deleteExpiredBefore(now());
        if (deleted > 0) {
            log.debug("deleted {} expired refresh token(s)", deleted);
        }
    }

    private TokenResponse signIn(UserAccount user, String familyId) {
        AccessTokens.AccessToken token = accessTokens.issue(user);
        String refresh = SecretTokens.newToken();
        LocalDateTime now = now();
        refreshTokens.insert(new RefreshToken(SecretTokens.hash(refresh), familyId, user.userId(), now,
                now.plus(props.refreshTokenTtl()), null, null));
        return new TokenResponse(token.value(), "Bearer", token.expiresInSeconds(), refresh, user.asCurrentUser());
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock);
    }

    static String normalizeEmail(String email) {
        return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    }
}
