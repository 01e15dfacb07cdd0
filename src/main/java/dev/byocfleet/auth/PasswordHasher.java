package dev.byocfleet.auth;

import dev.byocfleet.api.InvalidParameterException;
import org.jspecify.annotations.Nullable;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Argon2id at the OWASP ASVS 5.0 minimum (19 MiB, 2 passes, 1 lane) — Spring's own defaults are
 * below it. Passwords are hashed exactly as given: no trimming, no truncation (Argon2 takes any
 * length), no composition rules.
 */
@Component
class PasswordHasher {

    static final int MEMORY_KIB = 19_456;
    static final int ITERATIONS = 2;
    static final int PARALLELISM = 1;
    static final int MIN_LENGTH = 8;
    static final int MAX_LENGTH = 128;

    private final Argon2PasswordEncoder encoder = new Argon2PasswordEncoder(16, 32, PARALLELISM, MEMORY_KIB, ITERATIONS);
    /** Checked against when the account does not exist, so that answer takes as long as a wrong password. */
    private final String dummyHash = encoder.encode(SecretTokens.newPassword());

    String hash(String password) {
        return encoder.encode(password);
    }

    /** Always does the full Argon2 work, also when there is no hash to check against. */
    boolean matches(String password, @Nullable String hash) {
        if (hash == null) {
            encoder.matches(password, dummyHash);
            return false;
        }
        return encoder.matches(password, hash);
    }

    /** 8 to 128 characters (code points), nothing else asked. */
    static void checkPolicy(String password) {
        int length = password == null ? 0 : password.codePointCount(0, password.length());
        if (length < MIN_LENGTH || length > MAX_LENGTH) {
            throw new InvalidParameterException("password",
                    "A password has " + MIN_LENGTH + " to " + MAX_LENGTH + " characters.");
        }
    }
}
