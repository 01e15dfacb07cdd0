package dev.byocfleet.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.byocfleet.api.InvalidParameterException;
import org.junit.jupiter.api.Test;

class PasswordHasherTest {

    private static final PasswordHasher HASHER = new PasswordHasher();

    @Test
    void hashIsArgon2idWithTheAsvsMinimumParameters() {
        String hash = HASHER.hash("correct horse battery staple");
        assertThat(hash).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
        assertThat(HASHER.matches("correct horse battery staple", hash)).isTrue();
        assertThat(HASHER.matches("correct horse battery stapl", hash)).isFalse();
    }

    @Test
    void sameCharactersHashDifferentlyEachTime() {
        assertThat(HASHER.hash("same password")).isNotEqualTo(HASHER.hash("same password"));
    }

    @Test
    void passwordIsCheckedExactlyAsGiven() {
        String hash = HASHER.hash(" spaces around ");
        assertThat(HASHER.matches("spaces around", hash)).isFalse();
        assertThat(HASHER.matches(" spaces around ", hash)).isTrue();
    }

    @Test
    void aLongPasswordIsNotTruncated() {
        String password = "a".repeat(128);
        String hash = HASHER.hash(password);
        assertThat(HASHER.matches("a".repeat(99) + "b" + "a".repeat(28), hash)).isFalse();
        assertThat(HASHER.matches("a".repeat(127), hash)).isFalse();
    }

    @Test
    void missingHashNeverMatches() {
        assertThat(HASHER.matches("anything at all", null)).isFalse();
    }

    @Test
    void policyAsksForEightTo128CharactersAndNothingElse() {
        assertThatThrownBy(() -> PasswordHasher.checkPolicy("1234567")).isInstanceOf(InvalidParameterException.class);
        assertThatThrownBy(() -> PasswordHasher.checkPolicy("x".repeat(129))).isInstanceOf(InvalidParameterException.class);
        assertThatThrownBy(() -> PasswordHasher.checkPolicy(null)).isInstanceOf(InvalidParameterException.class);
        assertThatCode(() -> PasswordHasher.checkPolicy("12345678")).doesNotThrowAnyException();
        assertThatCode(() -> PasswordHasher.checkPolicy("x".repeat(64))).doesNotThrowAnyException();
        assertThatCode(() -> PasswordHasher.checkPolicy("x".repeat(128))).doesNotThrowAnyException();
        // characters, not UTF-16 units: eight emoji are eight characters
        assertThatCode(() -> PasswordHasher.checkPolicy("🔑".repeat(8))).doesNotThrowAnyException();
        assertThatThrownBy(() -> PasswordHasher.checkPolicy("🔑".repeat(129))).isInstanceOf(InvalidParameterException.class);
    }
}
