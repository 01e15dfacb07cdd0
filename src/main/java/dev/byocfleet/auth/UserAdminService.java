package dev.byocfleet.auth;

import dev.byocfleet.api.ConflictException;
import dev.byocfleet.api.NotFoundException;
import dev.byocfleet.auth.InviteRepository.Invite;
import dev.byocfleet.auth.UserMessages.InviteCreated;
import dev.byocfleet.auth.UserMessages.InviteRequest;
import dev.byocfleet.auth.UserMessages.InviteView;
import dev.byocfleet.auth.UserMessages.UserUpdate;
import dev.byocfleet.auth.UserMessages.UserView;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/** Admins list users, change roles, disable users and invite new ones. */
@Service
public class UserAdminService {

    private static final Logger log = LoggerFactory.getLogger(UserAdminService.class);

    private final UserRepository users;
    private final InviteRepository invites;
    private final RefreshTokenRepository refreshTokens;
    private final SignedInUsers signedIn;
    private final AccessGuard access;
    private final AuthProperties props;
    private final Clock clock = Clock.systemUTC();

    UserAdminService(UserRepository users, InviteRepository invites, RefreshTokenRepository refreshTokens,
                     SignedInUsers signedIn, AccessGuard access, AuthProperties props) {
        this.users = users;
        this.invites = invites;
        this.refreshTokens = refreshTokens;
        this.signedIn = signedIn;
        this.access = access;
        this.props = props;
    }

    public List<UserView> users() {
        access.require(Role.ADMIN);
        return users.findAll().stream().map(UserAdminService::view).toList();
    }

    /**
     * Changes role, status or external subject. The last active admin can be neither demoted nor
     * disabled. Disabling revokes the user's refresh tokens, and their access tokens stop working
     * with the next request.
     */
    public synchronized UserView updateUser(String userId, UserUpdate update) {
        CurrentUser admin = access.require(Role.ADMIN);
        UserAccount before = users.findById(userId).orElseThrow(() -> new NotFoundException("No user with id '" + userId + "'."));
        Role role = update.role() != null ? update.role() : before.role();
        UserStatus status = update.status() != null ? update.status() : before.status();
        String subject = update.externalSubject() == null ? before.externalSubject()
                : update.externalSubject().isBlank() ? null : update.externalSubject().strip();
        boolean losesAdmin = before.role() == Role.ADMIN && before.active()
                && (role != Role.ADMIN || status != UserStatus.ACTIVE);
        if (losesAdmin && users.countActiveAdmins() <= 1) {
            throw new ConflictException("The last active admin can be neither demoted nor disabled.");
        }
        if (subject != null && !subject.equals(before.externalSubject())
                && users.findByExternalSubject(subject).isPresent()) {
            throw new ConflictException("Another user has this external subject.");
        }
        LocalDateTime now = LocalDateTime.now(clock);
        UserAccount after = new UserAccount(before.userId(), before.email(), before.displayName(), before.passwordHash(),
                role, status, subject, before.createdAt(), now, before.lastLoginAt());
        users.update(after);
        if (before.active() && !after.active()) {
            refreshTokens.revokeUser(userId, now);
        }
        signedIn.forget(before);
        signedIn.forget(after);
        log.info("user {} ({}) changed by {}: role {} -> {}, status {} -> {}", userId, before.email(), admin.userId(),
                before.role().wire(), role.wire(), before.status().wire(), status.wire());
        return view(after);
    }

    public InviteCreated createInvite(InviteRequest request) {
        CurrentUser admin = access.require(Role.ADMIN);
        String email = AuthService.normalizeEmail(request.email());
        if (users.findByEmail(email).isPresent()) {
            throw new ConflictException("A user with the email " + email + " exists already.");
        }
        String token = SecretTokens.newToken();
        LocalDateTime now = LocalDateTime.now(clock);
        Invite invite = new Invite(UUID.randomUUID().toString(), email, request.role(), SecretTokens.hash(token),
                admin.userId(), now, now.plus(props.inviteTtl()), null);
        invites.insert(invite);
        log.info("invite {} for {} ({}) created by {}", invite.inviteId(), email, request.role().wire(), admin.userId());
        return new InviteCreated(invite.inviteId(), email, invite.role(), instant(invite.expiresAt()), token,
                "/activate?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8));
    }

    public List<InviteView> invites() {
        access.require(Role.ADMIN);
        LocalDateTime now = LocalDateTime.now(clock);
        return invites.findAll().stream().map(i -> new InviteView(i.inviteId(), i.email(), i.role(),
                i.usedAt() != null ? "used" : i.expiresAt().isAfter(now) ? "pending" : "expired",
                i.invitedBy(), instant(i.createdAt()), instant(i.expiresAt()), instant(i.usedAt()))).toList();
    }

    public void revokeInvite(String inviteId) {
        CurrentUser admin = access.require(Role.ADMIN);
        if (!invites.delete(inviteId)) {
            throw new NotFoundException("No invite with id '" + inviteId + "'.");
        }
        log.info("invite {} revoked by {}", inviteId, admin.userId());
    }

    private static UserView view(UserAccount u) {
        return new UserView(u.userId(), u.email(), u.displayName(), u.role(), u.status(), u.externalSubject(),
                instant(u.createdAt()), instant(u.lastLoginAt()));
    }

    static Instant instant(LocalDateTime utc) {
        return utc == null ? null : utc.toInstant(ZoneOffset.UTC);
    }
}
