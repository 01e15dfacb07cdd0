package dev.byocfleet.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import dev.byocfleet.support.AppTestBase;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.client.RestTestClient;

/** Invites, activation, roles and the admin's user management over HTTP. */
class UserControllerIT extends AppTestBase {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void inviteAnswersItsTokenOnceAndActivationSignsTheNewUserIn() {
        String invite = invite("new-operator@byoc.test", "operator").expectStatus().isCreated()
                .expectHeader().cacheControl(org.springframework.http.CacheControl.noStore())
                .returnResult(String.class).getResponseBody();
        String token = JsonPath.read(invite, "$.token");
        assertThat(JsonPath.<Map<String, Object>>read(invite, "$"))
                .containsEntry("email", "new-operator@byoc.test").containsEntry("role", "operator")
                .containsEntry("activation_path", "/activate?token=" + token)
                .containsOnlyKeys("invite_id", "email", "role", "expires_at", "token", "activation_path");
        assertThat(token).matches("[A-Za-z0-9_-]{43}");
        Duration validFor = Duration.between(Instant.now(), Instant.parse(JsonPath.read(invite, "$.expires_at")));
        assertThat(validFor).isBetween(Duration.ofHours(71), Duration.ofHours(72));

        String listed = client.get().uri("/api/auth/invites").exchange().expectStatus().isOk()
                .returnResult(String.class).getResponseBody();
        assertThat(listed).doesNotContain(token);
        String id = JsonPath.read(invite, "$.invite_id");
        assertThat(JsonPath.<List<String>>read(listed, "$[?(@.invite_id == '" + id + "')].status")).containsExactly("pending");

        String login = activate(token, "operator's own password", "Olga Operator").expectStatus().isOk()
                .returnResult(String.class).getResponseBody();
        assertThat(JsonPath.<Map<String, Object>>read(login, "$.user")).containsEntry("email", "new-operator@byoc.test")
                .containsEntry("role", "operator").containsEntry("display_name", "Olga Operator");
        login("new-operator@byoc.test", "operator's own password");
        assertThat(JsonPath.<List<String>>read(client.get().uri("/api/auth/invites").exchange()
                .returnResult(String.class).getResponseBody(), "$[?(@.invite_id == '" + id + "')].status"))
                .containsExactly("used");
    }

    @Test
    void inviteWorksOnlyOnce() {
        String token = inviteToken("once@byoc.test", "viewer");
        activate(token, "first activation", null).expectStatus().isOk();
        activate(token, "second activation", null).expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.parameter").isEqualTo("token")
                .jsonPath("$.detail").isEqualTo("The invite is invalid, already used or expired.");
    }

    @Test
    void expiredInviteIsRejected() {
        String invite = invite("late@byoc.test", "viewer").expectStatus().isCreated()
                .returnResult(String.class).getResponseBody();
        jdbc.update("UPDATE alerts.invites SET expires_at = created_at - INTERVAL 1 HOUR WHERE invite_id = ?",
                JsonPath.<String>read(invite, "$.invite_id"));
        activate(JsonPath.read(invite, "$.token"), "too late anyway", null).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.parameter").isEqualTo("token");
    }

    @Test
    void revokedInviteIsRejected() {
        String invite = invite("revoked@byoc.test", "viewer").expectStatus().isCreated()
                .returnResult(String.class).getResponseBody();
        String id = JsonPath.read(invite, "$.invite_id");
        client.delete().uri("/api/auth/invites/{id}", id).exchange().expectStatus().isNoContent();
        client.delete().uri("/api/auth/invites/{id}", id).exchange().expectStatus().isNotFound();
        activate(JsonPath.read(invite, "$.token"), "never used", null).expectStatus().isBadRequest();
    }

    @Test
    void invitingAnExistingUsersEmailIsAConflict() {
        invite(ADMIN_EMAIL.toUpperCase(), "viewer").expectStatus().isEqualTo(409);
    }

    @Test
    void passwordOfSevenCharactersIsRejectedAndOf129Too() {
        String token = inviteToken("short@byoc.test", "viewer");
        activate(token, "1234567", null).expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.parameter").isEqualTo("password")
                .jsonPath("$.detail").isEqualTo("A password has 8 to 128 characters.");
        activate(token, "p".repeat(129), null).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.parameter").isEqualTo("password");
        // a rejected password does not use the invite up
        activate(token, "12345678", null).expectStatus().isOk();
    }

    @Test
    void passwordsOf64And128CharactersWorkAndNoneIsTruncated() {
        String sixtyFour = "x".repeat(63) + "!";
        activate(inviteToken("sixty-four@byoc.test", "viewer"), sixtyFour, null).expectStatus().isOk();
        login("sixty-four@byoc.test", sixtyFour);

        String long128 = "correct horse battery staple ".repeat(5).substring(0, 128);
        activate(inviteToken("long@byoc.test", "viewer"), long128, null).expectStatus().isOk();
        login("long@byoc.test", long128);
        String differsAt100 = long128.substring(0, 99) + (long128.charAt(99) == 'Z' ? 'Y' : 'Z') + long128.substring(100);
        anonymous.post().uri("/api/auth/login").header("X-Forwarded-For", "198.51.100.7")
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("email", "long@byoc.test", "password", differsAt100)).exchange()
                .expectStatus().isUnauthorized();
    }

    @Test
    void storedPasswordHashIsArgon2idWithAtLeast19MiBTwoPassesOneLane() {
        createUser("hashed@byoc.test", "viewer", "a password to hash");
        String hash = jdbc.queryForObject("SELECT password_hash FROM alerts.users WHERE email = 'hashed@byoc.test'", String.class);
        assertThat(hash).startsWith("$argon2id$v=19$m=19456,t=2,p=1$").doesNotContain("a password to hash");
    }

    @Test
    void viewerCanReadTheFleetButNotManageUsers() {
        RestTestClient viewer = as(accessToken(createUser("just-viewing@byoc.test", "viewer", "viewer password")));
        viewer.get().uri("/api/fleet/summary").exchange().expectStatus().isOk();
        viewer.get().uri("/api/features").exchange().expectStatus().isOk();
        viewer.post().uri("/api/auth/invites").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("email", "x@byoc.test", "role", "admin")).exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").isEqualTo("This needs the admin role; you have viewer.");
        viewer.get().uri("/api/auth/users").exchange().expectStatus().isForbidden();
        viewer.get().uri("/api/auth/invites").exchange().expectStatus().isForbidden();
        viewer.patch().uri("/api/auth/users/{id}", "anyone").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("role", "admin")).exchange().expectStatus().isForbidden();
    }

    @Test
    void operatorCannotInviteEither() {
        RestTestClient operator = as(accessToken(createUser("triage@byoc.test", "operator", "operator password")));
        operator.post().uri("/api/auth/invites").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("email", "y@byoc.test", "role", "viewer")).exchange()
                .expectStatus().isForbidden();
    }

    @Test
    void adminChangesARoleAndTheNewRoleAppliesToTheExistingToken() {
        String login = createUser("promoted@byoc.test", "viewer", "promoted password");
        String id = JsonPath.read(login, "$.user.user_id");
        patchUser(id, Map.of("role", "operator"))
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.role").isEqualTo("operator")
                .jsonPath("$.status").isEqualTo("active")
                .jsonPath("$.email").isEqualTo("promoted@byoc.test");
        as(accessToken(login)).get().uri("/api/auth/me").exchange().expectBody().jsonPath("$.role").isEqualTo("operator");
        String users = client.get().uri("/api/auth/users").exchange().expectStatus().isOk()
                .returnResult(String.class).getResponseBody();
        assertThat(JsonPath.<List<String>>read(users, "$[?(@.user_id == '" + id + "')].role")).containsExactly("operator");
        assertThat(users).doesNotContain("password", "argon2");
    }

    @Test
    void lastActiveAdminCanBeNeitherDemotedNorDisabled() {
        String adminId = JsonPath.read(client.get().uri("/api/auth/me").exchange()
                .returnResult(String.class).getResponseBody(), "$.user_id");
        // other tests may have made admins: demote them, the first admin is then the last one
        String users = client.get().uri("/api/auth/users").exchange().returnResult(String.class).getResponseBody();
        for (String other : JsonPath.<List<String>>read(users, "$[?(@.role == 'admin' && @.status == 'active')].user_id")) {
            if (!other.equals(adminId)) {
                patchUser(other, Map.of("role", "operator")).expectStatus().isOk();
            }
        }
        patchUser(adminId, Map.of("role", "operator")).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.detail").isEqualTo("The last active admin can be neither demoted nor disabled.");
        patchUser(adminId, Map.of("status", "disabled")).expectStatus().isEqualTo(409);

        String second = JsonPath.read(createUser("second-admin@byoc.test", "admin", "second admin password"), "$.user.user_id");
        patchUser(second, Map.of("status", "disabled")).expectStatus().isOk();
    }

    @Test
    void unknownUserOrBadRoleIsAnswered() {
        patchUser("no-such-user", Map.of("role", "viewer")).expectStatus().isNotFound();
        invite("bad-role@byoc.test", "superuser").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.parameter").isEqualTo("role");
        invite("not-an-email", "viewer").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.parameter").isEqualTo("email");
    }

    private RestTestClient.ResponseSpec invite(String email, String role) {
        return client.post().uri("/api/auth/invites").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("email", email, "role", role)).exchange();
    }

    private String inviteToken(String email, String role) {
        return JsonPath.read(invite(email, role).expectStatus().isCreated().returnResult(String.class).getResponseBody(),
                "$.token");
    }

    private RestTestClient.ResponseSpec activate(String token, String password, String displayName) {
        Map<String, String> body = new java.util.HashMap<>(Map.of("token", token, "password", password));
        if (displayName != null) {
            body.put("display_name", displayName);
        }
        return anonymous.post().uri("/api/auth/activate").contentType(MediaType.APPLICATION_JSON).body(body).exchange();
    }

}
