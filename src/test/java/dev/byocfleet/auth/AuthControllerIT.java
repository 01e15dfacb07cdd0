package dev.byocfleet.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import dev.byocfleet.support.AppTestBase;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.json.JsonCompareMode;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * Sign-in, refresh, logout and throttling over HTTP. Failed sign-ins come from addresses of their
 * own ({@code X-Forwarded-For}), so they never throttle another test.
 */
class AuthControllerIT extends AppTestBase {

    private static final AtomicInteger NEXT_ADDRESS = new AtomicInteger(1);

    @Test
    void loginAnswersAnAccessTokenARefreshTokenAndTheUser() {
        String body = login(ADMIN_EMAIL, ADMIN_PASSWORD);
        assertThat(JsonPath.<String>read(body, "$.token_type")).isEqualTo("Bearer");
        assertThat(JsonPath.<Integer>read(body, "$.expires_in")).isEqualTo(900);
        assertThat(JsonPath.<String>read(body, "$.access_token")).matches("[\\w-]+\\.[\\w-]+\\.[\\w-]+");
        assertThat(JsonPath.<String>read(body, "$.refresh_token")).hasSizeGreaterThanOrEqualTo(43);
        assertThat(JsonPath.<Map<String, Object>>read(body, "$.user"))
                .containsEntry("email", ADMIN_EMAIL).containsEntry("role", "admin").containsEntry("display_name", "Admin")
                .containsOnlyKeys("user_id", "email", "display_name", "role");
    }

    @Test
    void loginIgnoresTheCaseOfTheEmail() {
        anonymous.post().uri("/api/auth/login").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("email", "  ADMIN@Byoc.Test ", "password", ADMIN_PASSWORD)).exchange()
                .expectStatus().isOk()
                .expectHeader().cacheControl(org.springframework.http.CacheControl.noStore());
    }

    @Test
    void wrongPasswordAndUnknownEmailAreIndistinguishable() {
        String wrongPassword = attempt(ADMIN_EMAIL, "not the password", newAddress())
                .expectStatus().isUnauthorized().returnResult(String.class).getResponseBody();
        String unknownEmail = attempt("nobody@byoc.test", "not the password", newAddress())
                .expectStatus().isUnauthorized().returnResult(String.class).getResponseBody();
        assertThat(unknownEmail).isEqualTo(wrongPassword);
        assertThat(JsonPath.<String>read(wrongPassword, "$.detail")).isEqualTo("Email or password is incorrect.");
    }

    @Test
    void unknownEmailTakesAsLongAsAWrongPassword() {
        // both pay for one Argon2 check; without the dummy hash an unknown email would answer in
        // a few milliseconds against about a hundred for a wrong password
        List<Long> wrong = new ArrayList<>();
        List<Long> unknown = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            wrong.add(timeFailedLogin(ADMIN_EMAIL));
            unknown.add(timeFailedLogin("nobody-" + i + "@byoc.test"));
        }
        assertThat(median(unknown)).isGreaterThan(median(wrong) / 2);
    }

    @Test
    void disabledUserCannotSignInAndGetsTheSameAnswer() {
        String login = createUser("disabled-login@byoc.test", "viewer", "disabled login password");
        patchUser(JsonPath.read(login, "$.user.user_id"), Map.of("status", "disabled")).expectStatus().isOk();
        attempt("disabled-login@byoc.test", "disabled login password", newAddress())
                .expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.detail").isEqualTo("Email or password is incorrect.");
    }

    @Test
    void accountIsThrottledAfterFiveFailuresFromAnyAddressWithRetryAfter() {
        createUser("throttled@byoc.test", "viewer", "throttled user password");
        for (int i = 0; i < LoginThrottle.ACCOUNT_LIMIT; i++) {
            attempt("throttled@byoc.test", "wrong password " + i, newAddress()).expectStatus().isUnauthorized();
        }
        // even the right password, from yet another address, waits
        String retryAfter = attempt("throttled@byoc.test", "throttled user password", newAddress())
                .expectStatus().isEqualTo(429)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .returnResult(String.class).getResponseHeaders().getFirst("Retry-After");
        assertThat(Long.parseLong(retryAfter)).isBetween(800L, 900L);
        // another account is not affected
        attempt(ADMIN_EMAIL, ADMIN_PASSWORD, newAddress()).expectStatus().isOk();
    }

    @Test
    void clientAddressIsThrottledAfterTwentyFailuresOnAnyAccounts() {
        String address = newAddress();
        for (int i = 0; i < LoginThrottle.ADDRESS_LIMIT; i++) {
            attempt("spray-" + i + "@byoc.test", "wrong password", address).expectStatus().isUnauthorized();
        }
        attempt(ADMIN_EMAIL, ADMIN_PASSWORD, address)
                .expectStatus().isEqualTo(429)
                .expectHeader().exists("Retry-After")
                .expectBody().jsonPath("$.detail").isEqualTo("Too many failed sign-ins; wait before trying again.");
        attempt(ADMIN_EMAIL, ADMIN_PASSWORD, newAddress()).expectStatus().isOk();
    }

    @Test
    void refreshRotatesTheTokenAndAReusedTokenRevokesTheWholeSignIn() {
        String first = login(ADMIN_EMAIL, ADMIN_PASSWORD);
        String second = refresh(JsonPath.read(first, "$.refresh_token")).expectStatus().isOk()
                .returnResult(String.class).getResponseBody();
        assertThat(JsonPath.<String>read(second, "$.refresh_token")).isNotEqualTo(JsonPath.read(first, "$.refresh_token"));
        assertThat(JsonPath.<String>read(second, "$.user.email")).isEqualTo(ADMIN_EMAIL);
        as(accessToken(second)).get().uri("/api/auth/me").exchange().expectStatus().isOk();

        // the first token again: someone replayed it, so the sign-in ends
        refresh(JsonPath.read(first, "$.refresh_token")).expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.detail").isEqualTo("The refresh token is invalid, expired or revoked; sign in again.");
        refresh(JsonPath.read(second, "$.refresh_token")).expectStatus().isUnauthorized();
    }

    @Test
    void unknownRefreshTokenIsUnauthorized() {
        refresh("not-a-token").expectStatus().isUnauthorized();
    }

    @Test
    void logoutRevokesTheRefreshTokenOfThatSignInOnly() {
        String kept = login(ADMIN_EMAIL, ADMIN_PASSWORD);
        String ended = login(ADMIN_EMAIL, ADMIN_PASSWORD);
        as(accessToken(ended)).post().uri("/api/auth/logout").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("refresh_token", JsonPath.read(ended, "$.refresh_token"))).exchange()
                .expectStatus().isNoContent();
        refresh(JsonPath.read(ended, "$.refresh_token")).expectStatus().isUnauthorized();
        refresh(JsonPath.read(kept, "$.refresh_token")).expectStatus().isOk();
    }

    @Test
    void logoutWithoutARefreshTokenEndsEverySignInOfTheUser() {
        String login = createUser("logout-all@byoc.test", "viewer", "logout all password");
        String other = login("logout-all@byoc.test", "logout all password");
        as(accessToken(login)).post().uri("/api/auth/logout").exchange().expectStatus().isNoContent();
        refresh(JsonPath.read(login, "$.refresh_token")).expectStatus().isUnauthorized();
        refresh(JsonPath.read(other, "$.refresh_token")).expectStatus().isUnauthorized();
    }

    @Test
    void logoutNeedsAToken() {
        anonymous.post().uri("/api/auth/logout").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void meAnswersTheSignedInUser() {
        client.get().uri("/api/auth/me").exchange()
                .expectStatus().isOk()
                .expectBody().json("""
                        {"email": "admin@byoc.test", "display_name": "Admin", "role": "admin"}""", JsonCompareMode.LENIENT);
    }

    @Test
    void staleTokenSentToLoginIsIgnored() {
        anonymous.post().uri("/api/auth/login").header("Authorization", "Bearer expired.or.garbage")
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("email", ADMIN_EMAIL, "password", ADMIN_PASSWORD)).exchange()
                .expectStatus().isOk();
    }

    @Test
    void missingFieldsAreABadRequestNamingThem() {
        anonymous.post().uri("/api/auth/login").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("email", ADMIN_EMAIL)).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.parameter").isEqualTo("password");
    }

    private RestTestClient.ResponseSpec attempt(String email, String password, String address) {
        return anonymous.post().uri("/api/auth/login").header("X-Forwarded-For", address)
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("email", email, "password", password)).exchange();
    }

    private RestTestClient.ResponseSpec refresh(String refreshToken) {
        return anonymous.post().uri("/api/auth/refresh").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("refresh_token", refreshToken)).exchange();
    }

    private long timeFailedLogin(String email) {
        Instant start = Instant.now();
        attempt(email, "a wrong password", newAddress()).expectStatus().isUnauthorized();
        return Duration.between(start, Instant.now()).toMillis();
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    /** A documentation address (TEST-NET-3) no other test uses. */
    private static String newAddress() {
        int n = NEXT_ADDRESS.getAndIncrement();
        return "203.0." + (113 + n / 250) + "." + (n % 250 + 1);
    }
}
