package dev.byocfleet.api;

import dev.byocfleet.support.AppTestBase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.MediaType;

/** Deep links into the web app against the test page in {@code src/test/resources/static/}. */
class SpaResourceConfigurationIT extends AppTestBase {

    @ParameterizedTest
    @ValueSource(strings = {"/overview", "/issues/42", "/", "/settings/users/"})
    void deepLinksToClientRoutesAnswerTheWebApp(String path) {
        client.get().uri(path).exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectBody(String.class).value(body -> org.assertj.core.api.Assertions.assertThat(body).contains("spa-index"));
    }

    @Test
    void staticFilesAreServedAsTheyAre() {
        client.get().uri("/assets/app.js").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).value(body -> org.assertj.core.api.Assertions.assertThat(body).contains("test asset"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/assets/missing.js", "/favicon.ico"})
    void missingFilesAreNotFound(String path) {
        client.get().uri(path).exchange().expectStatus().isNotFound();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/no-such-thing", "/api/fleet/clusters/c-1/nope", "/actuator/no-such-endpoint", "/v3/x"})
    void unknownServerPathsAreNotFoundProblemsNotTheWebApp(String path) {
        client.get().uri(path).exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }
}
