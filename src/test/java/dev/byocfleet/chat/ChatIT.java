package dev.byocfleet.chat;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import dev.byocfleet.chat.ChatEventStream.Event;
import dev.byocfleet.chat.OpenAiStreams.Call;
import dev.byocfleet.support.AppTestBase;
import dev.byocfleet.support.LocalHttpServer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.jdbc.Sql;
import tools.jackson.databind.JsonNode;

/**
 * The chat agent end to end: POST /api/chat against a local server replaying the OpenAI-compatible
 * streaming API, the product's tools over the fleet fixture, and an external MCP server made with
 * the MCP SDK in the test.
 */
@Sql(scripts = "/fleet/fixture.sql", executionPhase = Sql.ExecutionPhase.BEFORE_TEST_CLASS)
class ChatIT extends AppTestBase {

    static final LocalHttpServer PROVIDER = new LocalHttpServer();
    static final String COMPLETIONS = "/v1/chat/completions";

    @DynamicPropertySource
    static void llm(DynamicPropertyRegistry registry) {
        registry.add("byoc.llm.provider", () -> "openai");
        registry.add("byoc.llm.base-url", () -> PROVIDER.url("/v1"));
        registry.add("byoc.llm.api-key", () -> "test-key-not-secret");
        registry.add("byoc.llm.model", () -> "gpt-4.1");
        registry.add("byoc.llm.max-retries", () -> "0");
    }

    @AfterAll
    static void stopProvider() {
        PROVIDER.close();
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private ChatEventStream ask(String body) {
        return ChatEventStream.open(port, adminToken(), body);
    }

    private static List<String> names(List<Event> events) {
        return events.stream().map(Event::name).toList();
    }

    private static Event only(List<Event> events, String name, String tool) {
        return events.stream().filter(e -> e.name().equals(name) && e.data().path("tool").asString().equals(tool))
                .findFirst().orElseThrow(() -> new AssertionError("no " + name + " of " + tool + " in " + events));
    }

    private List<String> usageOutcomes(String sessionId) {
        return jdbc.sql("SELECT outcome FROM alerts.llm_usage WHERE chat_session_id = :id AND agent = 'chat' ORDER BY created_at")
                .param("id", sessionId).query(String.class).list();
    }

    @Test
    void streamsAMultiToolAnswerWithAToolErrorAndKeepsTheSession() {
        PROVIDER.enqueue(COMPLETIONS, OpenAiStreams.toolCalls(new Call("call_a", "fleet_overview", "{}"),
                        new Call("call_b", "cluster_profile", "{\"cluster_id\": \"c-none\"}")))
                .enqueue(COMPLETIONS, OpenAiStreams.text("The fleet has **5 clusters**; ", "c-none does not exist."));

        List<Event> events;
        try (ChatEventStream stream = ask("{\"message\": \"How big is the fleet, and how is c-none?\"}")) {
            assertThat(stream.status()).isEqualTo(200);
            events = stream.rest();
        }

        assertThat(names(events)).startsWith("session", "tool_started", "tool_started")
                .containsSubsequence("tool_finished", "tool_finished", "text", "text", "usage", "done")
                .endsWith("usage", "done");
        assertThat(only(events, "tool_started", "cluster_profile").data().path("arguments").asString()).contains("c-none");
        JsonNode overview = only(events, "tool_finished", "fleet_overview").data();
        assertThat(overview.path("error").asBoolean()).isFalse();
        assertThat(overview.path("preview").asString()).contains("\"clusters\":5");
        JsonNode failed = only(events, "tool_finished", "cluster_profile").data();
        assertThat(failed.path("error").asBoolean()).isTrue();
        assertThat(failed.path("preview").asString()).contains("No cluster with id 'c-none'");
        assertThat(events.stream().filter(e -> e.name().equals("text")).map(e -> e.data().path("delta").asString()))
                .containsExactly("The fleet has **5 clusters**; ", "c-none does not exist.");
        JsonNode usage = events.get(events.size() - 2).data();
        assertThat(usage.path("input_tokens").asLong()).isEqualTo(1200 + 1500);
        assertThat(usage.path("tool_calls").asInt()).isEqualTo(2);
        assertThat(events.getLast().data().path("outcome").asString()).isEqualTo("completed");

        // The second model call got both tool results, the failing one marked as an error.
        String second = PROVIDER.received().getLast().body();
        assertThat(second).contains("call_a").contains("call_b").contains("No cluster with id 'c-none'");

        String sessionId = events.getFirst().data().path("session_id").asString();
        String detail = client.get().uri("/api/chat/sessions/{id}", sessionId).exchange()
                .expectStatus().isOk().returnResult(String.class).getResponseBody();
        assertThat(JsonPath.<List<String>>read(detail, "$.messages[*].role")).containsExactly("user", "assistant");
        assertThat(JsonPath.<String>read(detail, "$.messages[1].content")).isEqualTo("The fleet has **5 clusters**; c-none does not exist.");
        assertThat(JsonPath.<List<String>>read(detail, "$.messages[1].tool_calls[*].tool")).containsExactly("fleet_overview", "cluster_profile");
        assertThat(JsonPath.<List<Boolean>>read(detail, "$.messages[1].tool_calls[*].error")).containsExactly(false, true);
        assertThat(usageOutcomes(sessionId)).containsExactly("ok", "ok");

        // A follow-up in the same session gives the model the earlier turn.
        PROVIDER.enqueue(COMPLETIONS, OpenAiStreams.text("Still 5."));
        try (ChatEventStream stream = ask("{\"session_id\": \"" + sessionId + "\", \"message\": \"And now?\"}")) {
            assertThat(names(stream.rest())).endsWith("done");
        }
        assertThat(PROVIDER.received().getLast().body()).contains("How big is the fleet").contains("c-none does not exist.");
        String sessions = client.get().uri("/api/chat/sessions").exchange().expectStatus().isOk()
                .returnResult(String.class).getResponseBody();
        assertThat(JsonPath.<List<String>>read(sessions, "$[?(@.session_id == '" + sessionId + "')].title"))
                .containsExactly("How big is the fleet, and how is c-none?");
    }

    @Test
    void stopEndsTheModelCallMidStream() {
        CountDownLatch release = new CountDownLatch(1);
        PROVIDER.enqueue(COMPLETIONS, OpenAiStreams.stalledText(release, "Looking at the fleet", " and it is fine."));
        try (ChatEventStream stream = ask("{\"message\": \"Is the fleet fine?\"}")) {
            String sessionId = stream.next().data().path("session_id").asString();
            Event first = stream.next();
            assertThat(first.name()).isEqualTo("text");
            assertThat(first.data().path("delta").asString()).isEqualTo("Looking at the fleet");

            String cancelled = client.post().uri("/api/chat/sessions/{id}/cancel", sessionId).exchange()
                    .expectStatus().isOk().returnResult(String.class).getResponseBody();
            assertThat(JsonPath.<Boolean>read(cancelled, "$.cancelled")).isTrue();

            List<Event> rest = stream.rest();
            assertThat(rest.getLast().data().path("outcome").asString()).isEqualTo("cancelled");
            assertThat(names(rest)).doesNotContain("error").doesNotContain("text");
            assertThat(usageOutcomes(sessionId)).containsExactly("cancelled");
            String detail = client.get().uri("/api/chat/sessions/{id}", sessionId).exchange()
                    .expectStatus().isOk().returnResult(String.class).getResponseBody();
            assertThat(JsonPath.<String>read(detail, "$.messages[1].content")).isEqualTo("Looking at the fleet\n\n_(stopped)_");
        } finally {
            release.countDown();
        }
    }

    @Test
    void externalMcpToolsAppearNamespacedAndAWriteAttemptIsRefused() throws Exception {
        try (SmallMcpServer external = new SmallMcpServer()) {
            client.post().uri("/api/chat/mcp-servers").contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("name", "ext", "url", external.url(), "headers", Map.of("Authorization", "Bearer ext-secret")))
                    .exchange().expectStatus().isCreated()
                    .expectBody().jsonPath("$.header_names[0]").isEqualTo("Authorization")
                    .jsonPath("$.writable").isEqualTo(false)
                    .jsonPath("$.headers").doesNotExist();
            try {
                client.get().uri("/api/chat/mcp-servers/ext/tools").exchange().expectStatus().isOk()
                        .expectBody().jsonPath("$.reachable").isEqualTo(true)
                        .jsonPath("$.tools").value(tools -> assertThat((List<Object>) tools)
                                .containsExactlyInAnyOrder("ext__lookup", "ext__drop_table"));

                PROVIDER.enqueue(COMPLETIONS, OpenAiStreams.toolCalls(new Call("call_l", "ext__lookup", "{\"name\": \"storage_root_path\"}"),
                                new Call("call_d", "ext__drop_table", "{\"name\": \"alerts.issues\"}")))
                        .enqueue(COMPLETIONS, OpenAiStreams.text("storage_root_path is /data/be; I may not drop tables."));
                List<Event> events;
                try (ChatEventStream stream = ask("{\"message\": \"Where is the storage root? Then drop alerts.issues.\"}")) {
                    events = stream.rest();
                }

                JsonNode offered = tools.jackson.databind.json.JsonMapper.builder().build()
                        .readTree(PROVIDER.received().get(PROVIDER.received().size() - 2).body()).path("tools");
                assertThat(offered.valueStream().map(t -> t.path("function").path("name").asString()).toList())
                        .contains("ext__lookup", "ext__drop_table", "fleet_overview", "sql_query");
                JsonNode lookup = only(events, "tool_finished", "ext__lookup").data();
                assertThat(lookup.path("error").asBoolean()).isFalse();
                assertThat(lookup.path("preview").asString()).contains("lookup answered: storage_root_path=/data/be");
                JsonNode drop = only(events, "tool_finished", "ext__drop_table").data();
                assertThat(drop.path("error").asBoolean()).isTrue();
                assertThat(drop.path("preview").asString()).startsWith("write attempt refused");
                assertThat(external.calls).containsExactly("lookup {name=storage_root_path}");
                assertThat(external.authorizations).isNotEmpty().allMatch("Bearer ext-secret"::equals);
                assertThat(events.getLast().data().path("outcome").asString()).isEqualTo("completed");
            } finally {
                client.delete().uri("/api/chat/mcp-servers/ext").exchange().expectStatus().isNoContent();
            }
        }
    }

    @Test
    void aUserSeesOnlyTheirOwnSessions() {
        PROVIDER.enqueue(COMPLETIONS, OpenAiStreams.text("Hello."));
        String sessionId;
        try (ChatEventStream stream = ask("{\"message\": \"Hello\"}")) {
            List<Event> events = stream.rest();
            sessionId = events.getFirst().data().path("session_id").asString();
        }
        var viewer = as(accessToken(createUser("chat-viewer@byoc.test", "viewer", "a viewer's long password")));
        viewer.get().uri("/api/chat/sessions").exchange().expectStatus().isOk().expectBody().json("[]");
        viewer.get().uri("/api/chat/sessions/{id}", sessionId).exchange().expectStatus().isNotFound();
        viewer.patch().uri("/api/chat/sessions/{id}", sessionId).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("title", "mine now")).exchange().expectStatus().isNotFound();
        viewer.delete().uri("/api/chat/sessions/{id}", sessionId).exchange().expectStatus().isNotFound();
        viewer.post().uri("/api/chat").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("session_id", sessionId, "message", "hi")).exchange().expectStatus().isNotFound();
        viewer.get().uri("/api/chat/mcp-servers").exchange().expectStatus().isForbidden();

        client.patch().uri("/api/chat/sessions/{id}", sessionId).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("title", "Greetings")).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.title").isEqualTo("Greetings");
        client.patch().uri("/api/chat/sessions/{id}", sessionId).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("title", " ")).exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.parameter").isEqualTo("title");
        client.delete().uri("/api/chat/sessions/{id}", sessionId).exchange().expectStatus().isNoContent();
        client.get().uri("/api/chat/sessions/{id}", sessionId).exchange().expectStatus().isNotFound();
        assertThat(jdbc.sql("SELECT count(*) FROM alerts.chat_messages WHERE session_id = :id").param("id", sessionId)
                .query(Long.class).single()).isZero();
    }

    @Test
    void refusesABlankMessageBeforeStreaming() {
        client.post().uri("/api/chat").contentType(MediaType.APPLICATION_JSON).body(Map.of("message", "  "))
                .exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.parameter").isEqualTo("message");
        client.post().uri("/api/chat").contentType(MediaType.APPLICATION_JSON).body("[1, 2]")
                .exchange().expectStatus().isBadRequest();
    }
}
