package dev.byocfleet.chat;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import dev.byocfleet.support.AppTestBase;
import dev.byocfleet.support.LocalHttpServer;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * External MCP servers' credentials: header values encrypted at rest and never answered, URLs
 * held to the outbound-URL policy (the test base allows 127.0.0.1 only, where the local server runs).
 */
class McpServerCredentialsIT extends AppTestBase {

    private static final String SECRET = "Bearer mcp-header-s3cret-4e1b";

    @Autowired
    JdbcClient jdbc;

    @Autowired
    McpServerService service;

    @AfterEach
    void removeServers() {
        jdbc.sql("DELETE FROM alerts.chat_mcp_servers WHERE name LIKE 'cred-%'").update();
    }

    @Test
    void headerValuesAreStoredEncryptedUsedDecryptedAndNeverAnswered() throws Exception {
        try (SmallMcpServer external = new SmallMcpServer()) {
            List<String> answers = new ArrayList<>();
            answers.add(client.post().uri("/api/chat/mcp-servers").contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("name", "cred-a", "url", external.url(), "headers", Map.of("Authorization", SECRET)))
                    .exchange().expectStatus().isCreated().returnResult(String.class).getResponseBody());
            String stored = storedHeaders("cred-a");
            assertThat(stored).contains("\"Authorization\"", "enc:v1:").doesNotContain(SECRET, "mcp-header-s3cret");

            answers.add(client.get().uri("/api/chat/mcp-servers").exchange().expectStatus().isOk()
                    .returnResult(String.class).getResponseBody());
            String tools = client.get().uri("/api/chat/mcp-servers/cred-a/tools").exchange().expectStatus().isOk()
                    .returnResult(String.class).getResponseBody();
            assertThat(JsonPath.<Boolean>read(tools, "$.reachable")).as(tools).isTrue();
            answers.add(tools);
            answers.add(client.put().uri("/api/chat/mcp-servers/cred-a").contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("url", external.url(), "writable", true)).exchange().expectStatus().isOk()
                    .returnResult(String.class).getResponseBody());
            answers.add(client.get().uri("/api/chat/mcp-servers/cred-a/tools").exchange().expectStatus().isOk()
                    .returnResult(String.class).getResponseBody());
            assertThat(external.authorizations).as("the server received the decrypted value").isNotEmpty()
                    .allMatch(SECRET::equals);
            assertThat(storedHeaders("cred-a")).as("an update that leaves headers out keeps them encrypted").isEqualTo(stored);
            assertThat(answers).allSatisfy(a -> assertThat(a).doesNotContain("mcp-header-s3cret"));
        }
    }

    @Test
    void aChangedCiphertextMakesTheServerUnusableWithAClearReasonNotA500() throws Exception {
        try (SmallMcpServer external = new SmallMcpServer()) {
            client.post().uri("/api/chat/mcp-servers").contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("name", "cred-b", "url", external.url(), "headers", Map.of("Authorization", SECRET)))
                    .exchange().expectStatus().isCreated();
            String stored = storedHeaders("cred-b");
            int at = stored.indexOf("enc:v1:") + 30;
            String tampered = stored.substring(0, at) + (stored.charAt(at) == 'A' ? 'B' : 'A') + stored.substring(at + 1);
            jdbc.sql("UPDATE alerts.chat_mcp_servers SET headers = ? WHERE name = 'cred-b'").param(tampered).update();

            client.get().uri("/api/chat/mcp-servers").exchange().expectStatus().isOk();
            client.get().uri("/api/chat/mcp-servers/cred-b/tools").exchange().expectStatus().isOk()
                    .expectBody()
                    .jsonPath("$.reachable").isEqualTo(false)
                    .jsonPath("$.error").value(e -> assertThat((String) e).contains("failed its integrity check"));
            assertThat(external.authorizations).as("nothing was sent").isEmpty();
        }
    }

    @Test
    void plaintextHeadersFromBeforeEncryptionStillWorkAndAreEncryptedOnce() throws Exception {
        try (SmallMcpServer external = new SmallMcpServer()) {
            LocalDateTime now = LocalDateTime.now();
            jdbc.sql("INSERT INTO alerts.chat_mcp_servers (name, url, headers, writable, created_at, updated_at) "
                            + "VALUES ('cred-c', ?, ?, false, ?, ?)")
                    .params(external.url(), "{\"Authorization\":\"" + SECRET + "\"}", now, now).update();
            client.get().uri("/api/chat/mcp-servers/cred-c/tools").exchange().expectStatus().isOk()
                    .expectBody().jsonPath("$.reachable").isEqualTo(true);

            service.encryptPlaintextHeaders();
            assertThat(storedHeaders("cred-c")).contains("enc:v1:").doesNotContain("mcp-header-s3cret");
            external.authorizations.clear();
            client.get().uri("/api/chat/mcp-servers/cred-c/tools").exchange().expectStatus().isOk()
                    .expectBody().jsonPath("$.reachable").isEqualTo(true);
            assertThat(external.authorizations).isNotEmpty().allMatch(SECRET::equals);
        }
    }

    @Test
    void internalUrlsAreRefusedWhenSavedAndWhenUsed() throws Exception {
        for (String url : List.of("http://169.254.169.254/latest/meta-data/", "http://127.0.0.2:8080/mcp",
                "http://[::1]:8080/mcp", "http://2130706433/mcp", "http://user@example.com/mcp", "gopher://example.com/")) {
            client.post().uri("/api/chat/mcp-servers").contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("name", "cred-d", "url", url)).exchange()
                    .expectStatus().isBadRequest()
                    .expectBody().jsonPath("$.parameter").isEqualTo("url")
                    .jsonPath("$.detail").value(d -> assertThat((String) d).as(url).startsWith("url refused: "));
        }
        // a row that reached the store another way (or before the policy) is refused before connecting
        LocalDateTime now = LocalDateTime.now();
        jdbc.sql("INSERT INTO alerts.chat_mcp_servers (name, url, headers, writable, created_at, updated_at) "
                + "VALUES ('cred-e', 'http://169.254.169.254/mcp', NULL, false, ?, ?)").params(now, now).update();
        client.get().uri("/api/chat/mcp-servers/cred-e/tools").exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$.reachable").isEqualTo(false)
                .jsonPath("$.error").value(e -> assertThat((String) e)
                        .startsWith("refused by the outbound-URL policy: the host '169.254.169.254' is a link-local address"));
    }

    @Test
    void aRedirectFromAnMcpServerIsNotFollowed() {
        try (LocalHttpServer redirecting = new LocalHttpServer()) {
            LocalHttpServer.Reply redirect = new LocalHttpServer.Reply(307, "text/plain",
                    Map.of("Location", redirecting.url("/internal")), List.of(""), -1, null);
            for (int i = 0; i < 5; i++) {
                redirecting.enqueue("/mcp", redirect);
            }
            redirecting.answer("/internal", 200, "{}");
            client.post().uri("/api/chat/mcp-servers").contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("name", "cred-f", "url", redirecting.url("/mcp"))).exchange().expectStatus().isCreated();
            client.get().uri("/api/chat/mcp-servers/cred-f/tools").exchange().expectStatus().isOk()
                    .expectBody().jsonPath("$.reachable").isEqualTo(false);
            assertThat(redirecting.received()).isNotEmpty()
                    .allSatisfy(r -> assertThat(r.path()).isEqualTo("/mcp"));
        }
    }

    private String storedHeaders(String name) {
        return jdbc.sql("SELECT headers FROM alerts.chat_mcp_servers WHERE name = ?").param(name).query(String.class).single();
    }
}
