package dev.byocfleet.chat;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import dev.byocfleet.support.AppTestBase;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/** With no model configured the chat says so and the direct tools still answer. */
class ChatWithoutLlmIT extends AppTestBase {

    @Test
    void statusSaysNoModelAndListsTheDirectTools() {
        String body = client.get().uri("/api/chat/status").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(JsonPath.<Boolean>read(body, "$.llm_configured")).isFalse();
        List<String> names = JsonPath.read(body, "$.direct_tools[*].name");
        assertThat(names).contains("knowledge_search", "sql_query");
    }

    @Test
    void aTurnIsRefusedWithA409NamingTheDirectToolsAndNoSessionIsMade() {
        String before = client.get().uri("/api/chat/sessions").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        String problem = client.post().uri("/api/chat").contentType(MediaType.APPLICATION_JSON)
                .accept(MediaType.TEXT_EVENT_STREAM, MediaType.APPLICATION_PROBLEM_JSON)
                .body("{\"message\": \"which tier S clusters are at risk?\"}")
                .exchange().expectStatus().isEqualTo(409).expectBody(String.class).returnResult().getResponseBody();
        assertThat(problem).contains("/api/chat/tools/");
        String after = client.get().uri("/api/chat/sessions").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(after).isEqualTo(before);
    }

    @Test
    void aDirectToolAnswersAndAnUnknownOneIsA4xx() {
        String body = client.post().uri("/api/chat/tools/knowledge_search").contentType(MediaType.APPLICATION_JSON)
                .body("{\"query\": \"compaction score high\"}")
                .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(JsonPath.<String>read(body, "$.tool")).isEqualTo("knowledge_search");
        assertThat(JsonPath.<Boolean>read(body, "$.error")).isFalse();

        client.post().uri("/api/chat/tools/drop_everything").contentType(MediaType.APPLICATION_JSON).body("{}")
                .exchange().expectStatus().is4xxClientError();
    }
}
