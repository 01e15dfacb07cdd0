package dev.byocfleet.settings;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import dev.byocfleet.support.AppTestBase;
import dev.byocfleet.support.LocalHttpServer;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

/** Notification channels over HTTP: admin only, secrets write-only, a test message to a local Lark stand-in. */
@ExtendWith(OutputCaptureExtension.class)
class ChannelControllerIT extends AppTestBase {

    private static final String SUCCESS = "{\"StatusCode\":0,\"StatusMessage\":\"success\",\"code\":0,\"data\":{},\"msg\":\"success\"}";
    private static final String KEYWORD_ERROR = "{\"code\":19024,\"msg\":\"Key Words Not Found\"}";
    private static final String HOOK = "/open-apis/bot/v2/hook/c0ffee-hook-token";
    private static final String SECRET = "lark-signing-secret-xyz";

    private final LocalHttpServer lark = new LocalHttpServer();

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ChannelService service;

    @AfterEach
    void stop() {
        lark.close();
    }

    @Test
    void adminAddsALarkBotAndNeitherUrlNorSecretComesBack(CapturedOutput output) {
        String created = create(Map.of("name", "SRE room", "kind", "lark_bot", "url", lark.url(HOOK), "secret", SECRET,
                "min_severity", "warning")).expectStatus().isCreated().returnResult(String.class).getResponseBody();
        assertThat(JsonPath.<Map<String, Object>>read(created, "$"))
                .containsEntry("name", "SRE room").containsEntry("kind", "lark_bot").containsEntry("auth", "sign")
                .containsEntry("has_secret", true).containsEntry("enabled", true).containsEntry("min_severity", "warning")
                .containsEntry("url_hint", lark.url("/…")).containsEntry("secret_state", "stored")
                .containsEntry("problem", null)
                .containsOnlyKeys("channel_id", "name", "kind", "url_hint", "auth", "has_secret", "secret_state", "problem",
                        "enabled", "min_severity", "created_at", "updated_at");
        String listed = client.get().uri("/api/settings/channels").exchange().expectStatus().isOk()
                .returnResult(String.class).getResponseBody();
        for (String body : List.of(created, listed)) {
            assertThat(body).doesNotContain(SECRET, "c0ffee-hook-token");
        }
        assertThat(output.getAll()).doesNotContain(SECRET, "c0ffee-hook-token");
    }

    @Test
    void sendTestDeliversASignedCardWhenLarkAnswersCodeZero(CapturedOutput output) throws Exception {
        lark.answer(HOOK, 200, SUCCESS);
        String id = id(create(Map.of("name", "Signed", "kind", "lark_bot", "url", lark.url(HOOK), "secret", SECRET)));
        client.post().uri("/api/settings/channels/{id}/test", id).exchange()
                .expectStatus().isOk()
                .expectBody().json("""
                        {"delivered": true, "retryable": false, "http_status": 200, "detail": "Delivered."}""");
        String sent = lark.lastReceived().body();
        long timestamp = Long.parseLong(JsonPath.read(sent, "$.timestamp"));
        assertThat(Math.abs(timestamp - System.currentTimeMillis() / 1000)).isLessThan(60);
        assertThat(JsonPath.<String>read(sent, "$.sign")).isEqualTo(larkSign(timestamp, SECRET));
        assertThat(output.getAll()).doesNotContain(SECRET, "c0ffee-hook-token");
    }

    @Test
    void sendTestReportsLarksRefusalThoughTheStatusIs200() {
        lark.answer(HOOK, 200, KEYWORD_ERROR);
        String id = id(create(Map.of("name", "Keywords", "kind", "lark_bot", "url", lark.url(HOOK))));
        client.post().uri("/api/settings/channels/{id}/test", id).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.delivered").isEqualTo(false)
                .jsonPath("$.retryable").isEqualTo(false)
                .jsonPath("$.code").isEqualTo(19024)
                .jsonPath("$.detail").isEqualTo("Lark refused the message: code 19024 (Key Words Not Found)");
    }

    @Test
    void updateKeepsTheStoredUrlAndSecretUnlessGivenAndAnEmptySecretRemovesIt() {
        lark.answer("/hook", 200, "{}");
        String id = id(create(Map.of("name", "Pager", "kind", "webhook", "url", lark.url("/hook"), "auth", "bearer",
                "secret", "bearer-token-1")));
        client.put().uri("/api/settings/channels/{id}", id).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("name", "Pager renamed", "kind", "webhook", "enabled", false)).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.name").isEqualTo("Pager renamed")
                .jsonPath("$.enabled").isEqualTo(false)
                .jsonPath("$.auth").isEqualTo("bearer")
                .jsonPath("$.has_secret").isEqualTo(true);
        client.post().uri("/api/settings/channels/{id}/test", id).exchange().expectBody().jsonPath("$.delivered").isEqualTo(true);
        assertThat(lark.lastReceived().header("authorization")).isEqualTo("Bearer bearer-token-1");

        client.put().uri("/api/settings/channels/{id}", id).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("name", "Pager", "kind", "webhook", "auth", "none", "secret", "")).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.has_secret").isEqualTo(false);
    }

    @Test
    void deleteRemovesTheChannel() {
        String id = id(create(Map.of("name", "Temporary", "kind", "webhook", "url", "https://hooks.example.com/x")));
        client.delete().uri("/api/settings/channels/{id}", id).exchange().expectStatus().isNoContent();
        client.delete().uri("/api/settings/channels/{id}", id).exchange().expectStatus().isNotFound();
        client.post().uri("/api/settings/channels/{id}/test", id).exchange().expectStatus().isNotFound();
    }

    @Test
    void invalidChannelsAreBadRequestsNamingTheField() {
        create(Map.of("name", "No URL", "kind", "lark_bot")).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.parameter").isEqualTo("url");
        create(Map.of("name", "Bad URL", "kind", "webhook", "url", "file:///etc/passwd")).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.parameter").isEqualTo("url");
        create(Map.of("name", "Bad kind", "kind", "pager", "url", "https://x.example")).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.parameter").isEqualTo("kind");
        create(Map.of("name", "Bearer without token", "kind", "webhook", "url", "https://x.example", "auth", "bearer"))
                .expectStatus().isBadRequest().expectBody().jsonPath("$.parameter").isEqualTo("secret");
        create(Map.of("name", "Odd severity", "kind", "webhook", "url", "https://x.example", "min_severity", "loud"))
                .expectStatus().isBadRequest().expectBody().jsonPath("$.parameter").isEqualTo("min_severity");
    }

    @Test
    void internalUrlsAreRefusedWithTheFieldAndTheReason() {
        Map<String, String> refused = new java.util.LinkedHashMap<>();
        refused.put("http://169.254.169.254/latest/meta-data/", "link-local");
        refused.put("http://[fd00:ec2::254]/latest/meta-data/", "private (unique local)");
        refused.put("http://127.0.0.2:8080/actuator/env", "loopback");
        refused.put("http://localhost:8080/actuator/env", "loopback");
        refused.put("http://[::ffff:169.254.169.254]/", "link-local");
        refused.put("http://10.1.2.3/hook", "private");
        refused.put("http://2130706433/", "dotted-quad");
        refused.put("http://0x7f.1/", "dotted-quad");
        refused.put("http://good.example@127.0.0.1/", "user info");
        refused.put("gopher://hooks.example.com/_x", "only http and https");
        for (var r : refused.entrySet()) {
            create(Map.of("name", "Internal", "kind", "webhook", "url", r.getKey())).expectStatus().isBadRequest()
                    .expectBody()
                    .jsonPath("$.parameter").isEqualTo("url")
                    .jsonPath("$.detail").value(d -> assertThat((String) d).as(r.getKey())
                            .startsWith("url refused: ").contains(r.getValue()));
        }
        String id = id(create(Map.of("name", "Public", "kind", "webhook", "url", "https://hooks.example.com/x")));
        client.put().uri("/api/settings/channels/{id}", id).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("name", "Public", "kind", "webhook", "url", "http://169.254.169.254/")).exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.parameter").isEqualTo("url");
        String listed = client.get().uri("/api/settings/channels").exchange().expectStatus().isOk()
                .returnResult(String.class).getResponseBody();
        assertThat(JsonPath.<List<String>>read(listed, "$[?(@.channel_id == '" + id + "')].url_hint"))
                .as("nothing changed").containsExactly("https://hooks.example.com/…");
    }

    @Test
    void aStoredUrlThatIsRefusedNowFailsTheDeliveryWithTheReason() {
        String id = id(create(Map.of("name", "Rebound", "kind", "webhook", "url", "https://hooks.example.com/x")));
        // as if the row had been saved before the policy, or by another route: it is checked before connecting
        String config = storedConfig(id);
        jdbc.sql("UPDATE alerts.notification_channels SET config = ? WHERE channel_id = ?")
                .params(config.replace(storedField(config, "url"), "http://169.254.169.254/latest/meta-data/"), id).update();
        client.post().uri("/api/settings/channels/{id}/test", id).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.delivered").isEqualTo(false)
                .jsonPath("$.retryable").isEqualTo(false)
                .jsonPath("$.detail").isEqualTo("refused by the outbound-URL policy: the host '169.254.169.254' is a "
                        + "link-local address; an operator can allow it with byoc.outbound.allowed-hosts");
    }

    @Test
    void urlAndSecretAreStoredEncryptedAndStillDeliver(CapturedOutput output) {
        lark.answer(HOOK, 200, SUCCESS);
        String id = id(create(Map.of("name", "Sealed", "kind", "lark_bot", "url", lark.url(HOOK), "secret", SECRET)));
        String config = storedConfig(id);
        assertThat(config).doesNotContain(SECRET, "c0ffee-hook-token", "127.0.0.1").contains("enc:v1:", "\"auth\"");
        client.post().uri("/api/settings/channels/{id}/test", id).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.delivered").isEqualTo(true);
        assertThat(lark.lastReceived().path()).isEqualTo(HOOK);
        assertThat(output.getAll()).doesNotContain(SECRET, "c0ffee-hook-token");
    }

    @Test
    void aChangedCiphertextIsReportedNotA500AndSavingTheCredentialsAgainRepairsIt() {
        lark.answer("/hook", 200, "{}");
        String id = id(create(Map.of("name", "Tampered", "kind", "webhook", "url", lark.url("/hook"), "auth", "bearer",
                "secret", "bearer-token-2")));
        String config = storedConfig(id);
        String secret = storedField(config, "secret");
        int at = secret.length() - 5;
        String changed = secret.substring(0, at) + (secret.charAt(at) == 'A' ? 'B' : 'A') + secret.substring(at + 1);
        jdbc.sql("UPDATE alerts.notification_channels SET config = ? WHERE channel_id = ?")
                .params(config.replace(secret, changed), id).update();

        String listed = client.get().uri("/api/settings/channels").exchange().expectStatus().isOk()
                .returnResult(String.class).getResponseBody();
        assertThat(listed).contains("(cannot be decrypted: save the url again)");
        assertThat(JsonPath.<List<String>>read(listed, "$[?(@.channel_id == '" + id + "')].secret_state"))
                .containsExactly("unreadable");
        assertThat(JsonPath.<List<String>>read(listed, "$[?(@.channel_id == '" + id + "')].problem")).singleElement()
                .asString().contains("failed its integrity check", "Save the channel again");
        client.post().uri("/api/settings/channels/{id}/test", id).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.delivered").isEqualTo(false)
                .jsonPath("$.detail").value(d -> assertThat((String) d).startsWith("Not sent: ").contains("integrity check"));
        assertThat(lark.received()).isEmpty();
        client.put().uri("/api/settings/channels/{id}", id).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("name", "Tampered", "kind", "webhook")).exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.parameter").isEqualTo("url");
        client.put().uri("/api/settings/channels/{id}", id).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("name", "Tampered", "kind", "webhook", "url", lark.url("/hook"), "auth", "bearer",
                        "secret", "bearer-token-3")).exchange()
                .expectStatus().isOk();
        client.post().uri("/api/settings/channels/{id}/test", id).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.delivered").isEqualTo(true);
        assertThat(lark.lastReceived().header("authorization")).isEqualTo("Bearer bearer-token-3");
    }

    @Test
    void aChannelSavedUnderAnotherKeyIsReportedAsSuchNotAsHavingNoSecret() {
        lark.answer("/hook", 200, "{}");
        String readable = id(create(Map.of("name", "Readable", "kind", "webhook", "url", lark.url("/hook"), "auth", "bearer",
                "secret", "bearer-token-4")));
        String plain = id(create(Map.of("name", "No secret", "kind", "webhook", "url", lark.url("/hook"))));
        String id = id(create(Map.of("name", "Other key", "kind", "webhook", "url", lark.url("/hook"), "auth", "bearer",
                "secret", "bearer-token-5")));
        String config = storedConfig(id);
        String secret = storedField(config, "secret");
        // the same value with the key id of another key: what a server started with a different BYOC_SECRETS_KEY reads
        String otherKey = "enc:v1:00000000:" + secret.substring(secret.indexOf(':', "enc:v1:".length()) + 1);
        jdbc.sql("UPDATE alerts.notification_channels SET config = ? WHERE channel_id = ?")
                .params(config.replace(secret, otherKey), id).update();

        String listed = client.get().uri("/api/settings/channels").exchange().expectStatus().isOk()
                .returnResult(String.class).getResponseBody();
        assertThat(JsonPath.<List<String>>read(listed, "$[?(@.channel_id == '" + id + "')].secret_state"))
                .containsExactly("unreadable");
        assertThat(JsonPath.<List<String>>read(listed, "$[?(@.channel_id == '" + id + "')].problem")).singleElement()
                .asString().contains("cannot be decrypted with the current key", "key id 00000000")
                .doesNotContain("bearer-token-5");
        assertThat(JsonPath.<List<String>>read(listed, "$[?(@.channel_id == '" + readable + "')].secret_state"))
                .containsExactly("stored");
        assertThat(JsonPath.<List<Object>>read(listed, "$[?(@.channel_id == '" + readable + "')].problem"))
                .containsExactly((Object) null);
        assertThat(JsonPath.<List<String>>read(listed, "$[?(@.channel_id == '" + plain + "')].secret_state"))
                .containsExactly("none");
    }

    @Test
    void plaintextRowsFromBeforeEncryptionStillWorkAndAreEncryptedOnce() {
        lark.answer("/hook", 200, "{}");
        String id = "legacy-" + java.util.UUID.randomUUID();
        jdbc.sql("INSERT INTO alerts.notification_channels (channel_id, name, kind, config, min_severity, enabled, "
                        + "created_at, updated_at) VALUES (?, 'Legacy', 'webhook', ?, NULL, true, ?, ?)")
                .params(id, "{\"url\":\"" + lark.url("/hook") + "\",\"auth\":\"bearer\",\"secret\":\"legacy-token-1\"}",
                        java.time.LocalDateTime.now(), java.time.LocalDateTime.now()).update();
        client.post().uri("/api/settings/channels/{id}/test", id).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.delivered").isEqualTo(true);
        assertThat(lark.lastReceived().header("authorization")).isEqualTo("Bearer legacy-token-1");

        service.encryptPlaintextChannels();
        assertThat(storedConfig(id)).doesNotContain("legacy-token-1", "/hook").contains("enc:v1:");
        client.post().uri("/api/settings/channels/{id}/test", id).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.delivered").isEqualTo(true);
        assertThat(lark.lastReceived().header("authorization")).isEqualTo("Bearer legacy-token-1");
    }

    private String storedConfig(String id) {
        return jdbc.sql("SELECT CAST(config AS VARCHAR) FROM alerts.notification_channels WHERE channel_id = ?")
                .param(id).query(String.class).single();
    }

    private static String storedField(String config, String field) {
        return JsonPath.read(config, "$." + field);
    }

    @Test
    void onlyAdminsManageChannels() {
        for (String role : List.of("viewer", "operator")) {
            RestTestClient user = as(accessToken(createUser("channels-" + role + "@byoc.test", role, role + " password!")));
            user.post().uri("/api/settings/channels").contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("name", "Mine", "kind", "webhook", "url", "https://x.example")).exchange()
                    .expectStatus().isForbidden();
            user.get().uri("/api/settings/channels").exchange().expectStatus().isForbidden();
        }
    }

    private RestTestClient.ResponseSpec create(Map<String, Object> body) {
        return client.post().uri("/api/settings/channels").contentType(MediaType.APPLICATION_JSON)
                .body(new HashMap<>(body)).exchange();
    }

    private static String id(RestTestClient.ResponseSpec created) {
        return JsonPath.read(created.expectStatus().isCreated().returnResult(String.class).getResponseBody(), "$.channel_id");
    }

    /** Lark's rule, written out here independently of the code under test. */
    private static String larkSign(long timestamp, String secret) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec((timestamp + "\n" + secret).getBytes(java.nio.charset.StandardCharsets.UTF_8), "HmacSHA256"));
        return Base64.getEncoder().encodeToString(mac.doFinal());
    }
}
