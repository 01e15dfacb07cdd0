package dev.byocfleet.support;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

/**
 * An external identity provider for tests, shaped like Supabase Auth: an issuer URL and a JWKS at
 * {@code <issuer>/.well-known/jwks.json} on a {@link LocalHttpServer}, with an RSA and an EC key
 * generated here. Also holds a key the JWKS does not publish, for tokens that must fail.
 */
public final class TestIdentityProvider {

    public static final String AUDIENCE = "authenticated";
    private static final String ISSUER_PATH = "/auth/v1";

    private final LocalHttpServer server = new LocalHttpServer();
    private final RSAKey rsa = generateRsa("rsa-1");
    private final ECKey ec = generateEc("ec-1");
    private final RSAKey unpublished = generateRsa("rsa-1");

    public TestIdentityProvider() {
        server.answer(ISSUER_PATH + "/.well-known/jwks.json", 200,
                new JWKSet(List.<JWK>of(rsa.toPublicJWK(), ec.toPublicJWK())).toString());
    }

    public String issuer() {
        return server.url(ISSUER_PATH);
    }

    public String jwksUrl() {
        return server.url(ISSUER_PATH + "/.well-known/jwks.json");
    }

    /** Claims of a valid token for {@code subject}, to adjust before signing. */
    public JWTClaimsSet.Builder claims(String subject) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer(issuer())
                .audience(AUDIENCE)
                .subject(subject)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(10))))
                .claim("email", subject + "@idp.test")
                .claim("role", "authenticated");
    }

    public JWTClaimsSet.Builder claims(String subject, String appMetadataRole) {
        return claims(subject).claim("app_metadata", Map.of("provider", "email", "role", appMetadataRole));
    }

    public String signRs256(JWTClaimsSet claims) {
        return sign(claims, JWSAlgorithm.RS256, rsa.getKeyID(), signer(rsa));
    }

    public String signEs256(JWTClaimsSet claims) {
        return sign(claims, JWSAlgorithm.ES256, ec.getKeyID(), signer(ec));
    }

    /** RS256 with the same key id as the published key, but another key. */
    public String signWithUnpublishedKey(JWTClaimsSet claims) {
        return sign(claims, JWSAlgorithm.RS256, unpublished.getKeyID(), signer(unpublished));
    }

    public static String sign(JWTClaimsSet claims, JWSAlgorithm algorithm, String keyId, JWSSigner signer) {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(algorithm).keyID(keyId).type(JOSEObjectType.JWT).build(), claims);
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    private static JWSSigner signer(JWK key) {
        try {
            return key instanceof RSAKey r ? new RSASSASigner(r) : new ECDSASigner((ECKey) key);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RSAKey generateRsa(String keyId) {
        try {
            return new RSAKeyGenerator(2048).keyID(keyId).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ECKey generateEc(String keyId) {
        try {
            return new ECKeyGenerator(Curve.P_256).keyID(keyId).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
