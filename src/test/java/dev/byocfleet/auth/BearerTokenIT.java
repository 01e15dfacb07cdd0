package dev.byocfleet.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import dev.byocfleet.support.AppTestBase;
import dev.byocfleet.support.TestIdentityProvider;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/**
 * Which bearer tokens open the API: this server's own (HS256 with its key) and, when configured,
 * the external identity provider's (RS256 via its JWKS), each with its one algorithm, issuer,
 * audience and expiry. Everything else is a 401 problem.
 */
class BearerTokenIT extends AppTestBase {

    private static final String OWN_ISSUER = "byoc-fleet";
    private String adminId;

    @BeforeEach
    void adminId() {
        adminId = JsonPath.read(client.get().uri("/api/auth/me").exchange().expectStatus().isOk()
                .returnResult(String.class).getResponseBody(), "$.user_id");
    }

    @Test
    void ownTokenSignedWithTheServerKeyIsAccepted() {
        assertAccepted(hs256(ownClaims(adminId).build(), JWT_SECRET));
    }

    @Test
    void expiredTokenIsRejected() {
        Instant past = Instant.now().minus(Duration.ofMinutes(10));
        assertRejected(hs256(ownClaims(adminId).issueTime(Date.from(past.minusSeconds(900)))
                .expirationTime(Date.from(past)).build(), JWT_SECRET));
    }

    @Test
    void tokenWithoutExpiryIsRejected() {
        assertRejected(hs256(ownClaims(adminId).expirationTime(null).build(), JWT_SECRET));
    }

    @Test
    void unsignedTokenWithAlgNoneIsRejected() {
        assertRejected(new PlainJWT(ownClaims(adminId).build()).serialize());
        assertRejected(new PlainJWT(IDP.claims("idp-user", "admin").build()).serialize());
    }

    @Test
    void tokenSignedWithAnotherKeyIsRejected() {
        assertRejected(hs256(ownClaims(adminId).build(), "another secret that is also long enough!!"));
        assertRejected(IDP.signWithUnpublishedKey(IDP.claims("idp-user", "admin").build()));
    }

    @Test
    void tamperedPayloadIsRejected() {
        String[] parts = accessToken(createUser("tamper@byoc.test", "viewer", "tamper password")).split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        String forged = payload.replaceAll("\"sub\":\"[^\"]+\"", "\"sub\":\"" + adminId + "\"");
        assertThat(forged).isNotEqualTo(payload);
        assertRejected(parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(forged.getBytes(StandardCharsets.UTF_8)) + "." + parts[2]);
    }

    @Test
    void wrongAlgorithmForTheIssuerIsRejected() {
        // the external issuer is pinned to RS256: an HS256 token claiming to come from it fails
        assertRejected(hs256(IDP.claims("idp-user", "admin").build(), JWT_SECRET));
        // and this server's issuer is pinned to HS256: an RS256 token claiming to be ours fails
        assertRejected(IDP.signRs256(ownClaims(adminId).build()));
    }

    @Test
    void wrongAudienceIsRejected() {
        assertRejected(hs256(ownClaims(adminId).audience("someone-else").build(), JWT_SECRET));
        assertRejected(IDP.signRs256(IDP.claims("idp-user", "admin").audience("another-app").build()));
    }

    @Test
    void unknownIssuerIsRejected() {
        assertRejected(hs256(ownClaims(adminId).issuer("https://evil.example/auth/v1").build(), JWT_SECRET));
        assertRejected(IDP.signRs256(IDP.claims("idp-user", "admin").issuer("https://evil.example/auth/v1").build()));
    }

    @Test
    void tokenOfAnUnknownUserIsRejected() {
        assertRejected(hs256(ownClaims("no-such-user").build(), JWT_SECRET));
    }

    @Test
    void disabledUsersTokenStopsWorkingAtOnce() {
        String login = createUser("soon-disabled@byoc.test", "operator", "soon disabled password");
        String token = accessToken(login);
        String userId = JsonPath.read(login, "$.user.user_id");
        as(token).get().uri("/api/fleet/summary").exchange().expectStatus().isOk();

        patchUser(userId, Map.of("status", "disabled")).expectStatus().isOk();

        assertRejected(token);
        anonymous.post().uri("/api/auth/refresh").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("refresh_token", JsonPath.read(login, "$.refresh_token"))).exchange()
                .expectStatus().isUnauthorized();
    }

    @Test
    void externalTokenTakesItsRoleFromAppMetadata() {
        String token = IDP.signRs256(IDP.claims("idp-operator", "operator").build());
        as(token).get().uri("/api/auth/me").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.user_id").isEqualTo("ext:idp-operator")
                .jsonPath("$.email").isEqualTo("idp-operator@idp.test")
                .jsonPath("$.role").isEqualTo("operator");
        as(token).post().uri("/api/auth/invites").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("email", "x@byoc.test", "role", "viewer")).exchange()
                .expectStatus().isForbidden();
    }

    @Test
    void externalTokenSignedWithEs256IsRejectedWhileRs256IsPinned() {
        assertRejected(IDP.signEs256(IDP.claims("idp-es", "viewer").build()));
    }

    @Test
    void userMetadataNeverGrantsARole() {
        // user_metadata is editable by the user themselves
        assertRejected(IDP.signRs256(IDP.claims("idp-self-made").claim("user_metadata", Map.of("role", "admin")).build()));
        String token = IDP.signRs256(IDP.claims("idp-viewer", "viewer")
                .claim("user_metadata", Map.of("role", "admin")).build());
        as(token).get().uri("/api/auth/me").exchange().expectBody().jsonPath("$.role").isEqualTo("viewer");
    }

    @Test
    void externalSubjectMappedToAUserActsAsThatUser() {
        String login = createUser("mapped@byoc.test", "operator", "mapped user password");
        String userId = JsonPath.read(login, "$.user.user_id");
        patchUser(userId, Map.of("external_subject", "idp-mapped"))
                .expectStatus().isOk()
                .expectBody().jsonPath("$.external_subject").isEqualTo("idp-mapped");

        // the users table wins over app_metadata
        String token = IDP.signRs256(IDP.claims("idp-mapped", "viewer").build());
        as(token).get().uri("/api/auth/me").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.user_id").isEqualTo(userId)
                .jsonPath("$.role").isEqualTo("operator");

        patchUser(userId, Map.of("status", "disabled")).expectStatus().isOk();
        assertRejected(token);
    }

    @Test
    void externalTokenForAnotherAudienceOrExpiredIsRejectedEvenWithARole() {
        Instant past = Instant.now().minus(Duration.ofHours(1));
        assertRejected(IDP.signRs256(IDP.claims("idp-late", "admin").issueTime(Date.from(past.minusSeconds(60)))
                .expirationTime(Date.from(past)).build()));
        assertThat(TestIdentityProvider.AUDIENCE).isEqualTo("authenticated");
    }

    private void assertAccepted(String token) {
        as(token).get().uri("/api/fleet/summary").exchange().expectStatus().isOk();
    }

    private void assertRejected(String token) {
        as(token).get().uri("/api/fleet/summary").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().valueEquals("WWW-Authenticate", "Bearer error=\"invalid_token\"")
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(401)
                .jsonPath("$.detail").isEqualTo("The bearer token is invalid or has expired.");
    }

    private static JWTClaimsSet.Builder ownClaims(String subject) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder().issuer(OWN_ISSUER).audience(OWN_ISSUER).subject(subject)
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plus(Duration.ofMinutes(5))));
    }

    private static String hs256(JWTClaimsSet claims, String secret) {
        try {
            return TestIdentityProvider.sign(claims, JWSAlgorithm.HS256, null,
                    new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
