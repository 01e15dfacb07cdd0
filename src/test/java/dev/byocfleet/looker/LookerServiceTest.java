package dev.byocfleet.looker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.byocfleet.api.ConflictException;
import dev.byocfleet.api.InvalidParameterException;
import dev.byocfleet.auth.AccessGuard;
import dev.byocfleet.auth.Role;
import dev.byocfleet.looker.LookerService.EmbedRequest;
import dev.byocfleet.looker.LookerService.EmbedUrl;
import dev.byocfleet.support.SignedIn;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class LookerServiceTest {

    private static final Instant NOW = Instant.parse("2026-11-29T10:00:00Z");
    private final LookerProperties configured = new LookerProperties("https://looker.example.com/", "embed secret",
            List.of("fleet", " billing "), Duration.ofHours(2), null);

    @Test
    void dashboardIdBecomesASignedUrlForTheSignedInUserValidForFiveMinutes() {
        try (SignedIn viewer = SignedIn.as(Role.VIEWER)) {
            EmbedUrl embed = service(configured).embedUrl(new EmbedRequest(null, "42", null));
            assertThat(embed.url()).startsWith("https://looker.example.com/login/embed/%2Fembed%2Fdashboards%2F42?")
                    .contains("external_user_id=%22byoc-fleet-u-test-viewer%22", "first_name=%22Test%20viewer%22",
                            "models=%5B%22fleet%22%2C%22billing%22%5D", "session_length=7200",
                            "time=" + NOW.getEpochSecond(), "force_logout_login=true",
                            "permissions=%5B%22access_data%22%2C%22see_looks%22%2C%22see_user_dashboards%22%2C%22see_lookml_dashboards%22%5D")
                    .containsPattern("nonce=%22[A-Za-z0-9_-]{24}%22")
                    .containsPattern("&signature=[A-Za-z0-9%]+$");
            assertThat(embed.expiresAt()).isEqualTo(NOW.plus(Duration.ofMinutes(5)));
        }
    }

    @Test
    void everyUrlHasItsOwnNonce() {
        try (SignedIn viewer = SignedIn.as(Role.VIEWER)) {
            LookerService looker = service(configured);
            EmbedRequest look = new EmbedRequest(null, null, "7");
            assertThat(looker.embedUrl(look).url()).contains("%2Fembed%2Flooks%2F7").isNotEqualTo(looker.embedUrl(look).url());
        }
    }

    @Test
    void targetMustBeOneEmbedPath() {
        assertThat(LookerService.target(new EmbedRequest("/embed/dashboards/thelook::orders?Brand=Allegra%20K", null, null)))
                .isEqualTo("/embed/dashboards/thelook::orders?Brand=Allegra%20K");
        assertThatThrownBy(() -> LookerService.target(new EmbedRequest(null, null, null)))
                .isInstanceOf(InvalidParameterException.class);
        assertThatThrownBy(() -> LookerService.target(new EmbedRequest("/embed/dashboards/1", "1", null)))
                .isInstanceOf(InvalidParameterException.class).hasMessage("Give exactly one of target, dashboard_id and look_id.");
        for (String bad : List.of("/admin/users", "https://evil.example/embed/x", "/embed/../admin", "/embed/a b")) {
            assertThatThrownBy(() -> LookerService.target(new EmbedRequest(bad, null, null)))
                    .as(bad).isInstanceOf(InvalidParameterException.class);
        }
        assertThatThrownBy(() -> LookerService.target(new EmbedRequest(null, null, "12a")))
                .isInstanceOf(InvalidParameterException.class);
    }

    @Test
    void withoutHostOrSecretLookerIsNotConfigured() {
        try (SignedIn viewer = SignedIn.as(Role.VIEWER)) {
            LookerService looker = service(new LookerProperties("looker.example.com", null, null, null, null));
            assertThat(looker.config().configured()).isFalse();
            assertThat(looker.config().host()).isNull();
            assertThatThrownBy(() -> looker.embedUrl(new EmbedRequest(null, "42", null)))
                    .isInstanceOf(ConflictException.class).hasMessage("Looker is not configured.");
        }
    }

    @Test
    void sessionLengthBeyondThirtyDaysIsRefused() {
        assertThatThrownBy(() -> new LookerProperties("h", "s", null, Duration.ofDays(31), null))
                .hasMessageContaining("BYOC_LOOKER_SESSION_LENGTH");
    }

    private static LookerService service(LookerProperties props) {
        return new LookerService(props, new AccessGuard(), Clock.fixed(NOW, ZoneOffset.UTC));
    }
}
