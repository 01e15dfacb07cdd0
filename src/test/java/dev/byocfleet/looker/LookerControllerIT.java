package dev.byocfleet.looker;

import dev.byocfleet.support.AppTestBase;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/** The Looker routes of an app without BYOC_LOOKER_HOST and BYOC_LOOKER_EMBED_SECRET. */
class LookerControllerIT extends AppTestBase {

    @Test
    void configSaysLookerIsNotConfigured() {
        client.get().uri("/api/looker/config").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.configured").isEqualTo(false)
                .jsonPath("$.host").doesNotExist();
    }

    @Test
    void embedUrlIsAConflictProblemWhileLookerIsNotConfigured() {
        client.post().uri("/api/looker/embed-url").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("dashboard_id", "42")).exchange()
                .expectStatus().isEqualTo(409)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").isEqualTo("Looker is not configured.");
    }

    @Test
    void embedUrlNeedsASignedInUser() {
        anonymous.post().uri("/api/looker/embed-url").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("dashboard_id", "42")).exchange()
                .expectStatus().isUnauthorized();
    }
}
