package dev.byocfleet.looker;

import dev.byocfleet.api.ConflictException;
import dev.byocfleet.api.InvalidParameterException;
import dev.byocfleet.auth.AccessGuard;
import dev.byocfleet.auth.CurrentUser;
import dev.byocfleet.auth.Role;
import dev.byocfleet.looker.LookerEmbedSigner.EmbedUser;
import jakarta.validation.constraints.Size;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/** Signed Looker embed URLs for the signed-in user (any role may view embedded dashboards). */
@Service
public class LookerService {

    /** Looker accepts a signed URL only this close to its {@code time}; open it right away. */
    static final Duration URL_VALID_FOR = Duration.ofMinutes(5);
    static final String NOT_CONFIGURED = "Looker is not configured.";
    private static final Pattern TARGET = Pattern.compile("/embed/[A-Za-z0-9_\\-./:?=&%+,~]{1,500}");
    private static final Pattern DASHBOARD_ID = Pattern.compile("[A-Za-z0-9_:\\-]{1,128}");
    private static final Pattern LOOK_ID = Pattern.compile("[0-9]{1,20}");
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Exactly one of the three names the page to embed. */
    public record EmbedRequest(@Size(max = 512) String target, @Size(max = 128) String dashboardId,
                               @Size(max = 32) String lookId) {}

    public record EmbedUrl(String url, Instant expiresAt) {}

    public record LookerConfig(boolean configured, String host) {}

    private final LookerProperties props;
    private final AccessGuard access;
    private final Clock clock;

    @Autowired
    LookerService(LookerProperties props, AccessGuard access) {
        this(props, access, Clock.systemUTC());
    }

    LookerService(LookerProperties props, AccessGuard access, Clock clock) {
        this.props = props;
        this.access = access;
        this.clock = clock;
    }

    public LookerConfig config() {
        access.require(Role.VIEWER);
        return new LookerConfig(props.configured(), props.configured() ? props.host() : null);
    }

    public EmbedUrl embedUrl(EmbedRequest request) {
        CurrentUser user = access.require(Role.VIEWER);
        if (!props.configured()) {
            throw new ConflictException(NOT_CONFIGURED);
        }
        String target = target(request);
        long time = clock.instant().getEpochSecond();
        EmbedUser embedUser = new EmbedUser("byoc-fleet-" + user.userId(),
                user.displayName() == null || user.displayName().isBlank() ? user.email() : user.displayName(), null,
                props.permissions(), props.models(), null, null, null, null, true, null,
                props.sessionLength().toSeconds());
        String url = LookerEmbedSigner.signedUrl(props.host(), props.embedSecret(), target, embedUser, nonce(), time);
        return new EmbedUrl(url, Instant.ofEpochSecond(time).plus(URL_VALID_FOR));
    }

    static String target(EmbedRequest request) {
        List<String> given = new ArrayList<>();
        if (request.target() != null) {
            given.add("target");
        }
        if (request.dashboardId() != null) {
            given.add("dashboard_id");
        }
        if (request.lookId() != null) {
            given.add("look_id");
        }
        if (given.size() != 1) {
            throw new InvalidParameterException(given.isEmpty() ? "target" : given.get(1),
                    "Give exactly one of target, dashboard_id and look_id.");
        }
        if (request.target() != null) {
            if (!TARGET.matcher(request.target()).matches() || request.target().contains("..")) {
                throw new InvalidParameterException("target", "target is a Looker embed path such as /embed/dashboards/42.");
            }
            return request.target();
        }
        if (request.dashboardId() != null) {
            if (!DASHBOARD_ID.matcher(request.dashboardId()).matches()) {
                throw new InvalidParameterException("dashboard_id", "dashboard_id is a number or model::dashboard_name.");
            }
            return "/embed/dashboards/" + request.dashboardId();
        }
        if (!LOOK_ID.matcher(request.lookId()).matches()) {
            throw new InvalidParameterException("look_id", "look_id is a number.");
        }
        return "/embed/looks/" + request.lookId();
    }

    /** 24 random URL-safe characters; Looker refuses a nonce seen within the hour. */
    private static String nonce() {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
