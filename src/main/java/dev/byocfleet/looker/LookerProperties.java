package dev.byocfleet.looker;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Bound from {@code byoc.looker.*}: BYOC_LOOKER_HOST, BYOC_LOOKER_EMBED_SECRET, BYOC_LOOKER_MODELS,
 * BYOC_LOOKER_SESSION_LENGTH. Without a host and a secret, embedding is off.
 *
 * @param host          the Looker host as browsers reach it, with a port if one is needed
 *                      ({@code mycompany.looker.com}); a scheme given by mistake is dropped
 * @param embedSecret   the embed secret from Looker's admin page (Admin, Embed)
 * @param models        LookML models the embed user may see
 * @param sessionLength how long the embedded Looker session lasts (Looker allows up to 30 days)
 * @param permissions   Looker permissions of the embed user
 */
@ConfigurationProperties("byoc.looker")
public record LookerProperties(String host, String embedSecret, List<String> models, Duration sessionLength,
                               List<String> permissions) {

    static final Duration MAX_SESSION = Duration.ofDays(30);
    static final List<String> VIEWING = List.of("access_data", "see_looks", "see_user_dashboards", "see_lookml_dashboards");

    public LookerProperties {
        host = host == null || host.isBlank() ? null : host.strip().replaceFirst("^https?://", "").replaceAll("/+$", "");
        embedSecret = embedSecret == null || embedSecret.isBlank() ? null : embedSecret;
        models = models == null ? List.of() : models.stream().map(String::strip).filter(m -> !m.isEmpty()).toList();
        sessionLength = sessionLength == null ? Duration.ofHours(1) : sessionLength;
        if (sessionLength.isNegative() || sessionLength.isZero() || sessionLength.compareTo(MAX_SESSION) > 0) {
            throw new IllegalStateException("BYOC_LOOKER_SESSION_LENGTH must be between 1 second and 30 days");
        }
        permissions = permissions == null || permissions.isEmpty() ? VIEWING
                : permissions.stream().map(String::strip).filter(p -> !p.isEmpty()).toList();
    }

    public boolean configured() {
        return host != null && embedSecret != null;
    }

    /** Keeps the embed secret out of logs and actuator output. */
    @Override
    public String toString() {
        return "LookerProperties[host=" + host + ", models=" + models + ", sessionLength=" + sessionLength
                + ", permissions=" + permissions + ", embedSecret=" + (embedSecret == null ? "unset" : "set") + "]";
    }
}
