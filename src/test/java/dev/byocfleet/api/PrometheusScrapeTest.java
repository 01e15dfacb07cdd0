package dev.byocfleet.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/** Who may scrape /actuator/prometheus: the scrape token, an admin, and loopback only when trusted explicitly. */
class PrometheusScrapeTest {

    private static final String TOKEN = "scrape-token-0123456789";
    private static final Authentication NOBODY = new AnonymousAuthenticationToken("key", "anonymous",
            AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS"));

    @Test
    void loopbackIsNotTrustedByDefault() {
        assertThat(granted(new ScrapeProperties(TOKEN, false), "127.0.0.1", null, NOBODY)).isFalse();
        assertThat(granted(new ScrapeProperties(TOKEN, false), "0:0:0:0:0:0:0:1", null, NOBODY)).isFalse();
        assertThat(granted(new ScrapeProperties(null, false), "127.0.0.1", null, NOBODY)).isFalse();
    }

    @Test
    void loopbackIsTrustedOnlyWhenEnabledAndOnlyLoopback() {
        ScrapeProperties trusting = new ScrapeProperties(null, true);
        assertThat(granted(trusting, "127.0.0.1", null, NOBODY)).isTrue();
        assertThat(granted(trusting, "::1", null, NOBODY)).isTrue();
        for (String other : List.of("198.51.100.20", "10.0.0.5", "::ffff:10.0.0.5", "localhost", "")) {
            assertThat(granted(trusting, other, null, NOBODY)).as(other).isFalse();
        }
    }

    @Test
    void theScrapeTokenOrAnAdminIsLetInFromAnywhere() {
        ScrapeProperties props = new ScrapeProperties(TOKEN, false);
        assertThat(granted(props, "198.51.100.20", "Bearer " + TOKEN, NOBODY)).isTrue();
        assertThat(granted(props, "198.51.100.20", "Bearer " + TOKEN + "0", NOBODY)).isFalse();
        assertThat(granted(props, "198.51.100.20", "Bearer " + TOKEN.substring(1), NOBODY)).isFalse();
        assertThat(granted(new ScrapeProperties(null, false), "198.51.100.20", "Bearer " + TOKEN, NOBODY)).isFalse();
        Authentication admin = new TestingAuthenticationToken("admin", null, "ROLE_ADMIN");
        Authentication viewer = new TestingAuthenticationToken("viewer", null, "ROLE_VIEWER");
        assertThat(granted(props, "198.51.100.20", null, admin)).isTrue();
        assertThat(granted(props, "198.51.100.20", null, viewer)).isFalse();
    }

    @Test
    void theScrapeTokenIsNotReadAsAJwtOnTheScrapeEndpointOnly() {
        ScrapeProperties props = new ScrapeProperties(TOKEN, false);
        assertThat(SecurityConfiguration.bearerTokens(props).resolve(request("/actuator/prometheus", "Bearer " + TOKEN))).isNull();
        assertThat(SecurityConfiguration.bearerTokens(props).resolve(request("/actuator/metrics", "Bearer " + TOKEN)))
                .isEqualTo(TOKEN);
        assertThat(SecurityConfiguration.bearerTokens(props).resolve(request("/actuator/prometheus", "Bearer other.jwt.x")))
                .isEqualTo("other.jwt.x");
    }

    @Test
    void aShortScrapeTokenIsRefusedAtStartUp() {
        assertThatThrownBy(() -> new ScrapeProperties("short", false))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("BYOC_PROMETHEUS_TOKEN");
    }

    private static boolean granted(ScrapeProperties props, String remote, String authorization, Authentication who) {
        MockHttpServletRequest request = request("/actuator/prometheus", authorization);
        request.setRemoteAddr(remote);
        return SecurityConfiguration.prometheusScrape(props)
                .authorize(() -> who, new RequestAuthorizationContext(request)).isGranted();
    }

    private static MockHttpServletRequest request(String path, String authorization) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
        request.setRequestURI(path);
        if (authorization != null) {
            request.addHeader("Authorization", authorization);
        }
        return request;
    }
}
