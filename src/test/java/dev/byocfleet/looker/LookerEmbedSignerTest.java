package dev.byocfleet.looker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.byocfleet.looker.LookerEmbedSigner.EmbedUser;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Looker's published test vector: the official embed SDK's test of createSignedUrl
 * (looker-open-source/embed-sdk, tests/auth_utils.spec.ts): host test.looker.com, secret hunter2,
 * nonce abc123, time 1561486800, target /embed/dashboards/1 and the user below.
 */
class LookerEmbedSignerTest {

    private static final String HOST = "test.looker.com";
    private static final String SECRET = "hunter2";
    private static final String NONCE = "abc123";
    private static final long TIME = 1561486800L;
    private static final String TARGET = "/embed/dashboards/1";

    @Test
    void reproducesTheEmbedSdkVectorWithEveryParameter() {
        String url = LookerEmbedSigner.signedUrl(HOST, SECRET, TARGET, vectorUser(true, true), NONCE, TIME);

        assertThat(url).startsWith("https://test.looker.com/login/embed/%2Fembed%2Fdashboards%2F1?");
        assertThat(url).contains(
                "external_user_id=%22user1%22",
                "first_name=%22Pat%22",
                "last_name=%22Embed%22",
                "session_length=3600",
                "force_logout_login=true",
                "external_group_id=%22group1%22",
                "group_ids=%5B1%2C2%2C3%5D",
                "permissions=%5B%22access_data%22%2C%22see_looks%22%2C%22see_user_dashboards%22%5D",
                "models=%5B%22powered_by%22%2C%22thelook%22%5D",
                "user_attributes=%7B%22locale%22%3A%22en_US%22%7D",
                "access_filters=%7B%22powered_by%22%3A%7B%22products.brand%22%3A%22Allegra%20K%22%7D%7D",
                "user_timezone=%22America%2FLos_Angeles%22",
                "time=1561486800",
                "nonce=%22abc123%22",
                "signature=jcMKWo4eb4Y34CV7dpC6hAgi8oM%3D");
    }

    @Test
    void unsignedOptionalParametersDoNotChangeTheSignature() {
        EmbedUser full = vectorUser(true, true);
        EmbedUser withoutNames = new EmbedUser(full.externalUserId(), null, null, full.permissions(), full.models(),
                full.groupIds(), full.externalGroupId(), full.userAttributes(), full.accessFilters(),
                full.forceLogoutLogin(), null, full.sessionLengthSeconds());
        String url = LookerEmbedSigner.signedUrl(HOST, SECRET, TARGET, withoutNames, NONCE, TIME);
        assertThat(url).doesNotContain("first_name=", "last_name=", "user_timezone=")
                .contains("signature=jcMKWo4eb4Y34CV7dpC6hAgi8oM%3D");
    }

    @Test
    void reproducesTheEmbedSdkVectorWithoutOptionalSignedParameters() {
        String url = LookerEmbedSigner.signedUrl(HOST, SECRET, TARGET, vectorUser(false, true), NONCE, TIME);
        assertThat(url).doesNotContain("group_ids=", "external_group_id=", "user_attributes=")
                // access filters are deprecated but always signed, {} when there are none
                .contains("access_filters=%7B%7D")
                .contains("signature=RXMPyKsQerTI%2FfbPIwgoTqUsvio%3D");
    }

    @Test
    void parametersFollowTheSdksOrderWithTheSignatureLast() {
        String url = LookerEmbedSigner.signedUrl(HOST, SECRET, TARGET, vectorUser(true, true), NONCE, TIME);
        List<String> keys = java.util.Arrays.stream(url.substring(url.indexOf('?') + 1).split("&"))
                .map(p -> p.substring(0, p.indexOf('='))).toList();
        assertThat(keys).containsExactly("access_filters", "external_group_id", "external_user_id", "first_name",
                "force_logout_login", "group_ids", "last_name", "models", "nonce", "permissions", "session_length",
                "time", "user_attributes", "user_timezone", "signature");
    }

    @Test
    void encodesLikeEncodeUriComponent() {
        assertThat(LookerEmbedSigner.encodeUriComponent("a b+c/d?e=f&g'h(i)j!k~l*m-n_o.p ü"))
                .isEqualTo("a%20b%2Bc%2Fd%3Fe%3Df%26g'h(i)j!k~l*m-n_o.p%20%C3%BC");
    }

    /** The SDK test's user; {@code optionalSigned} keeps group ids, external group, attributes and filters. */
    private static EmbedUser vectorUser(boolean optionalSigned, boolean names) {
        Map<String, Object> filters = new LinkedHashMap<>();
        filters.put("powered_by", Map.of("products.brand", "Allegra K"));
        return new EmbedUser("user1", names ? "Pat" : null, names ? "Embed" : null,
                List.of("access_data", "see_looks", "see_user_dashboards"), List.of("powered_by", "thelook"),
                optionalSigned ? List.of(1L, 2L, 3L) : null, optionalSigned ? "group1" : null,
                optionalSigned ? Map.of("locale", "en_US") : null, optionalSigned ? filters : null,
                true, names ? "America/Los_Angeles" : null, 3600);
    }
}
