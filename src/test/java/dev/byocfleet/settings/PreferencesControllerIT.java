package dev.byocfleet.settings;

import dev.byocfleet.support.AppTestBase;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.json.JsonCompareMode;
import org.springframework.test.web.servlet.client.RestTestClient;

/** Each signed-in user's own preferences over HTTP. */
class PreferencesControllerIT extends AppTestBase {

    @Test
    void defaultsUntilSetThenWhatWasSavedAndFieldsLeftOutKeepTheirValue() {
        RestTestClient me = as(accessToken(createUser("prefs@byoc.test", "viewer", "preferences password")));
        me.get().uri("/api/settings/preferences").exchange()
                .expectStatus().isOk()
                .expectBody().json("""
                        {"time_zone": "UTC", "theme": "system", "default_filters": {}}""", JsonCompareMode.STRICT);

        put(me, Map.of("time_zone", "Asia/Shanghai", "theme", "dark",
                "default_filters", Map.of("tier", "S", "states", java.util.List.of("RUNNING", "ABNORMAL"))))
                .expectStatus().isOk();
        put(me, Map.of("theme", "light")).expectStatus().isOk()
                .expectBody().json("""
                        {"time_zone": "Asia/Shanghai", "theme": "light",
                         "default_filters": {"tier": "S", "states": ["RUNNING", "ABNORMAL"]}}""", JsonCompareMode.STRICT);

        // another user's preferences are their own
        client.get().uri("/api/settings/preferences").exchange()
                .expectBody().jsonPath("$.time_zone").isEqualTo("UTC");
    }

    @Test
    void invalidValuesAreBadRequestsNamingTheField() {
        put(client, Map.of("time_zone", "Mars/Olympus")).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.parameter").isEqualTo("time_zone");
        put(client, Map.of("time_zone", "+02:00")).expectStatus().isBadRequest();
        put(client, Map.of("theme", "neon")).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.parameter").isEqualTo("theme");
        put(client, Map.of("default_filters", Map.of("q", "x".repeat(9000)))).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.parameter").isEqualTo("default_filters");
        put(client, Map.of("default_filters", java.util.List.of(1, 2))).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.parameter").isEqualTo("default_filters");
    }

    @Test
    void preferencesNeedASignedInUser() {
        anonymous.get().uri("/api/settings/preferences").exchange().expectStatus().isUnauthorized();
    }

    private static RestTestClient.ResponseSpec put(RestTestClient as, Map<String, Object> body) {
        return as.put().uri("/api/settings/preferences").contentType(MediaType.APPLICATION_JSON).body(body).exchange();
    }
}
