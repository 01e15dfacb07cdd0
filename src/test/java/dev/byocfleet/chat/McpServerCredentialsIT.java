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
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * External MCP servers' credentials: header values encrypted at rest and never answered, URLs
 * held to the outbound-URL policy (the test base allows 127.0.0.1 only, where the local server runs).
 */
@ExtendWith(OutputCaptureExtension.class)
class McpServerCredentialsIT extends AppTestBase {

    private static final String SECRET = "Bearer mcp-header-s3cret-4e1b";
    private static final String URL_TOKEN = "url-qu3ry-t0ken-91c2";

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
    void theUrlIsStoredEncryptedAnsweredRedactedAndKeptOnUpdateWithoutItsQuery() throws Exception {
        try (SmallMcpServer external = new SmallMcpServer()) {
            String url = external.url() + "?token=" + URL_TOKEN + "&tenant=acme";
            String redacted = external.url() + "?token=***&tenant=***";
            List<String> answers = new ArrayList<>();
            String created = client.post().uri("/api/chat/mcp-servers").contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("name", "cred-u", "url", url)).exchange().expectStatus().isCreated()
                    .returnResult(String.class).getResponseBody();
            answers.add(created);
            assertThat(JsonPath.<String>read(created, "$.url")).isEqualTo(redacted);
            assertThat(JsonPath.<String>read(created, "$.secret_state")).isEqualTo("stored");
            String stored = storedUrl("cred-u");
            assertThat(stored).startsWith("enc:v1:").doesNotContain(URL_TOKEN, "127.0.0.1", "/mcp");

            String listed = client.get().uri("/api/chat/mcp-servers").exchange().expectStatus().isOk()
                    .returnResult(String.class).getResponseBody();
            answers.add(listed);
            assertThat(JsonPath.<List<String>>read(listed, "$[?(@.name == 'cred-u')].url")).containsExactly(redacted);
            client.get().uri("/api/chat/mcp-servers/cred-u/tools").exchange().expectStatus().isOk()
                    .expectBody().jsonPath("$.reachable").isEqualTo(true);
            // an update that sends the redacted URL back, or leaves it out, keeps the stored one with its token
            answers.add(client.put().uri("/api/chat/mcp-servers/cred-u").contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("url", redacted, "writable", true)).exchange().expectStatus().isOk()
                    .returnResult(String.class).getResponseBody());
            assertThat(storedUrl("cred-u")).isEqualTo(stored);
            answers.add(client.put().uri("/api/chat/mcp-servers/cred-u").contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("writable", false)).exchange().expectStatus().isOk()
                    .returnResult(String.class).getResponseBody());
            assertThat(storedUrl("cred-u")).isEqualTo(stored);
            external.requests.clear();
            answers.add(client.get().uri("/api/chat/mcp-servers/cred-u/tools").exchange().expectStatus().isOk()
                    .returnResult(String.class).getResponseBody());
            assertThat(external.requests).as("the server received the whole URL").isNotEmpty()
                    .allSatisfy(r -> assertThat(r).endsWith("token=" + URL_TOKEN + "&tenant=acme"));
            // a new URL replaces it
            client.put().uri("/api/chat/mcp-servers/cred-u").contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("url", external.url())).exchange().expectStatus().isOk()
                    .expectBody().jsonPath("$.url").isEqualTo(external.url())
                    .jsonPath("$.secret_state").isEqualTo("none");
            assertThat(storedUrl("cred-u")).isNotEqualTo(stored).startsWith("enc:v1:");
            assertThat(answers).allSatisfy(a -> assertThat(a).doesNotContain(URL_TOKEN));
        }
    }

    @Test
    void theLongestUrlStillFitsTheColumnOnceEncryptedAndALongerOneIsRefused() {
        String prefix = "https://mcp.example.com/mcp?token=";
        String longest = prefix + "é".repeat((McpServerService.MAX_URL_BYTES - prefix.length()) / 2);
        client.post().uri("/api/chat/mcp-servers").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("name", "cred-l", "url", longest)).exchange().expectStatus().isCreated();
        assertThat(storedUrl("cred-l")).startsWith("enc:v1:").hasSizeLessThanOrEqualTo(1024);
        client.post().uri("/api/chat/mcp-servers").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("name", "cred-m", "url", longest + "x")).exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.parameter").isEqualTo("url")
                .jsonPath("$.detail").value(d -> assertThat((String) d).contains("at most 700 bytes"));
        client.put().uri("/api/chat/mcp-servers/cred-l").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("url", longest + "x")).exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.parameter").isEqualTo("url");
    }

    @Test
    void anUnreachableServerNeverShowsItsUrlTokenInTheErrorOrTheLog(CapturedOutput output) {
        // a port nothing listens on: the connection fails, and whatever the message says, the token is masked
        String url = "http://127.0.0.1:9/mcp?token=" + URL_TOKEN;
        client.post().uri("/api/chat/mcp-servers").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("name", "cred-x", "url", url)).exchange().expectStatus().isCreated();
        String tools = client.get().uri("/api/chat/mcp-servers/cred-x/tools").exchange().expectStatus().isOk()
                .returnResult(String.class).getResponseBody();
        assertThat(JsonPath.<Boolean>read(tools, "$.reachable")).isFalse();
        assertThat(tools).doesNotContain(URL_TOKEN);
        assertThat(output.getAll()).contains("MCP server cred-x (http://127.0.0.1:9/mcp?token=***)")
                .doesNotContain(URL_TOKEN);
    }

    @Test
    void aUrlThatCannotBeDecryptedIsReportedAndMustBeSentAgain() throws Exception {
        try (SmallMcpServer external = new SmallMcpServer()) {
            client.post().uri("/api/chat/mcp-servers").contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("name", "cred-k", "url", external.url() + "?token=" + URL_TOKEN)).exchange()
                    .expectStatus().isCreated();
            String stored = storedUrl("cred-k");
            // what a server started with another BYOC_SECRETS_KEY reads: the key id differs
            String otherKey = "enc:v1:00000000:" + stored.substring(stored.indexOf(':', "enc:v1:".length()) + 1);
            jdbc.sql("UPDATE alerts.chat_mcp_servers SET url = ? WHERE name = 'cred-k'").param(otherKey).update();

            String listed = client.get().uri("/api/chat/mcp-servers").exchange().expectStatus().isOk()
                    .returnResult(String.class).getResponseBody();
            assertThat(JsonPath.<List<String>>read(listed, "$[?(@.name == 'cred-k')].secret_state"))
                    .containsExactly("unreadable");
            assertThat(JsonPath.<List<String>>read(listed, "$[?(@.name == 'cred-k')].problem")).singleElement().asString()
                    .contains("cannot be decrypted with the current key", "key id 00000000");
            assertThat(JsonPath.<List<Object>>read(listed, "$[?(@.name == 'cred-k')].url")).containsExactly((Object) null);
            client.get().uri("/api/chat/mcp-servers/cred-k/tools").exchange().expectStatus().isOk()
                    .expectBody().jsonPath("$.reachable").isEqualTo(false)
                    .jsonPath("$.error").value(e -> assertThat((String) e).startsWith("its url cannot be used: ")
                            .contains("cannot be decrypted with the current key"));
            assertThat(external.requests).isEmpty();
            client.put().uri("/api/chat/mcp-servers/cred-k").contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("writable", false)).exchange().expectStatus().isBadRequest()
                    .expectBody().jsonPath("$.parameter").isEqualTo("url")
                    .jsonPath("$.detail").value(d -> assertThat((String) d).contains("cannot be decrypted"));
            assertThat(storedUrl("cred-k")).isEqualTo(otherKey);
            client.put().uri("/api/chat/mcp-servers/cred-k").contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("url", external.url() + "?token=" + URL_TOKEN)).exchange().expectStatus().isOk()
                    .expectBody().jsonPath("$.secret_state").isEqualTo("stored").jsonPath("$.problem").doesNotExist();
            client.get().uri("/api/chat/mcp-servers/cred-k/tools").exchange().expectStatus().isOk()
                    .expectBody().jsonPath("$.reachable").isEqualTo(true);
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
                    .params(external.url() + "?token=" + URL_TOKEN, "{\"Authorization\":\"" + SECRET + "\"}", now, now)
                    .update();
            client.get().uri("/api/chat/mcp-servers").exchange().expectStatus().isOk()
                    .expectBody().jsonPath("$[?(@.name == 'cred-c')].url").isEqualTo(List.of(external.url() + "?token=***"));
            client.get().uri("/api/chat/mcp-servers/cred-c/tools").exchange().expectStatus().isOk()
                    .expectBody().jsonPath("$.reachable").isEqualTo(true);

            service.encryptPlaintextCredentials();
            assertThat(storedHeaders("cred-c")).contains("enc:v1:").doesNotContain("mcp-header-s3cret");
            String sealedUrl = storedUrl("cred-c");
            assertThat(sealedUrl).startsWith("enc:v1:").doesNotContain(URL_TOKEN);
            service.encryptPlaintextCredentials();
            assertThat(storedUrl("cred-c")).as("encrypted once").isEqualTo(sealedUrl);
            external.authorizations.clear();
            external.requests.clear();
            client.get().uri("/api/chat/mcp-servers/cred-c/tools").exchange().expectStatus().isOk()
                    .expectBody().jsonPath("$.reachable").isEqualTo(true);
            assertThat(external.authorizations).isNotEmpty().allMatch(SECRET::equals);
            assertThat(external.requests).isNotEmpty().allSatisfy(r -> assertThat(r).endsWith("token=" + URL_TOKEN));
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

    private String storedUrl(String name) {
        return jdbc.sql("SELECT url FROM alerts.chat_mcp_servers WHERE name = ?").param(name).query(String.class).single();
    }

    private String storedHeaders(String name) {
        return jdbc.sql("SELECT headers FROM alerts.chat_mcp_servers WHERE name = ?").param(name).query(String.class).single();
    }
}
