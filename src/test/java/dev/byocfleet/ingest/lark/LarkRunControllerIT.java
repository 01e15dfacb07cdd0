package dev.byocfleet.ingest.lark;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import dev.byocfleet.ingest.lark.LarkReplayServer.Reply;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * The whole application with Lark configured to a local replay server, in a store of its own:
 * {@code POST /api/ingest/lark/runs} pulls the recorded pages through the real client, parser and
 * store and answers the run record; a second POST of the same window adds nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "byoc.demo.preset=none", "byoc.metrics.refresh-enabled=false", "byoc.lark.cron=-",
        "byoc.auth.admin-email=" + LarkRunControllerIT.ADMIN, "byoc.auth.admin-password=" + LarkRunControllerIT.PASSWORD})
@AutoConfigureRestTestClient
class LarkRunControllerIT {

    static final String ADMIN = "lark-admin@byoc.test";
    static final String PASSWORD = "a password for the lark run test";

    private static final LarkReplayServer SERVER = new LarkReplayServer();
    private static final List<String> PAGES = LarkClientTest.pages();

    static {
        SERVER.route(LarkReplayServer.TOKEN_PATH, r -> Reply.ok(LarkClientTest.tokenReply("t-it")))
                .route(LarkReplayServer.MESSAGES_PATH, r -> LarkClientTest.pageFor(r, PAGES));
    }

    @DynamicPropertySource
    static void lark(DynamicPropertyRegistry registry) throws IOException {
        Path dir = Files.createTempDirectory("byoc-lark-it-");
        registry.add("byoc.store.data-dir", dir::toString);
        registry.add("byoc.lark.base-url", SERVER::baseUrl);
        registry.add("byoc.lark.app-id", () -> "cli_it");
        registry.add("byoc.lark.app-secret", () -> "it-secret");
        registry.add("byoc.lark.alert-chat-id", () -> LarkClientTest.CHAT);
    }

    @AfterAll
    static void stop() {
        SERVER.close();
    }

    @Autowired
    RestTestClient client;

    @Autowired
    JdbcTemplate jdbc;

    private String token;

    private String post(String body, HttpStatus expected) {
        if (token == null) {
            String login = client.post().uri("/api/auth/login").contentType(MediaType.APPLICATION_JSON)
                    .body("{\"email\": \"" + ADMIN + "\", \"password\": \"" + PASSWORD + "\"}").exchange()
                    .expectStatus().isOk().returnResult(String.class).getResponseBody();
            token = com.jayway.jsonpath.JsonPath.read(login, "$.access_token");
        }
        return client.post().uri("/api/ingest/lark/runs").header("Authorization", "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON).body(body).exchange()
                .expectStatus().isEqualTo(expected).returnResult(String.class).getResponseBody();
    }

    @Test
    void runsAWindowThroughTheRealClientAndAnswersTheRecordThenAddsNothingTheSecondTime() {
        jdbc.update("INSERT INTO byoc.cluster (cluster_id, cluster_name) VALUES ('c-2', 'sr-prod-02')");
        String window = "{\"from\":\"2026-11-28T00:00:00Z\",\"to\":\"2026-11-29T00:00:00Z\"}";
        String first = post(window, HttpStatus.CREATED);
        assertThat(JsonPath.<String>read(first, "$.status")).isEqualTo("succeeded");
        assertThat(JsonPath.<Integer>read(first, "$.pages")).isEqualTo(3);
        assertThat(JsonPath.<Integer>read(first, "$.alerts_inserted")).isEqualTo(5);
        assertThat(JsonPath.<Integer>read(first, "$.unmapped")).isEqualTo(2);
        assertThat(JsonPath.<Integer>read(first, "$.detail.chatter")).isEqualTo(1);

        String second = post(window, HttpStatus.CREATED);
        assertThat(JsonPath.<Integer>read(second, "$.alerts_inserted")).isZero();
        assertThat(JsonPath.<Integer>read(second, "$.duplicates")).isEqualTo(5);

        String list = client.get().uri("/api/ingest/lark/runs?kind=lark_pipeline").header("Authorization", "Bearer " + token)
                .exchange().expectStatus().isOk()
                .returnResult(String.class).getResponseBody();
        assertThat(JsonPath.<List<String>>read(list, "$[*].run_id"))
                .containsExactly(JsonPath.read(second, "$.run_id"), JsonPath.read(first, "$.run_id"));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM alerts.lark_alerts WHERE cluster_id = 'c-2'", Long.class))
                .isEqualTo(2);
    }

    @Test
    void aBadWindowIsAProblemDetailNamingTheField() {
        String body = post("{\"from\":\"2026-11-28\",\"to\":\"soon\"}", HttpStatus.BAD_REQUEST);
        assertThat(JsonPath.<String>read(body, "$.parameter")).isEqualTo("to");
    }
}
