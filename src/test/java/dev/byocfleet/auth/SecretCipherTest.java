package dev.byocfleet.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretCipherTest {

    private static final String CONTEXT = "notification_channels:c-1:secret";

    @TempDir
    Path dataDir;

    private final SecretCipher cipher = new SecretCipher(randomKey());

    @Test
    void aSealedValueOpensToThePlaintextAndDoesNotContainIt() {
        String secret = "xoxb-bot-token-0123456789";
        String sealed = cipher.seal(secret, CONTEXT);
        assertThat(sealed).startsWith("enc:v1:" + cipher.keyId() + ":").doesNotContain(secret);
        assertThat(Base64.getUrlDecoder().decode(sealed.substring(sealed.lastIndexOf(':') + 1)))
                .asString().doesNotContain(secret);
        assertThat(cipher.open(sealed, CONTEXT)).isEqualTo(secret);
        assertThat(cipher.seal(secret, CONTEXT)).as("a fresh nonce each time").isNotEqualTo(sealed);
        assertThat(cipher.open(cipher.seal("", CONTEXT), CONTEXT)).isEmpty();
        assertThat(cipher.seal(null, CONTEXT)).isNull();
        assertThat(cipher.open(null, CONTEXT)).isNull();
    }

    @Test
    void legacyPlaintextIsReadAsItIs() {
        assertThat(cipher.open("https://open.feishu.cn/open-apis/bot/v2/hook/abc", CONTEXT))
                .isEqualTo("https://open.feishu.cn/open-apis/bot/v2/hook/abc");
        assertThat(SecretCipher.isSealed("plain")).isFalse();
        assertThat(SecretCipher.isSealed(cipher.seal("x", CONTEXT))).isTrue();
    }

    @Test
    void aChangedCiphertextIsAClearErrorNotTheWrongPlaintext() {
        String sealed = cipher.seal("the real secret", CONTEXT);
        String payload = sealed.substring(sealed.lastIndexOf(':') + 1);
        byte[] bytes = Base64.getUrlDecoder().decode(payload);
        bytes[bytes.length / 2] ^= 1;
        String tampered = sealed.substring(0, sealed.lastIndexOf(':') + 1)
                + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        assertThatThrownBy(() -> cipher.open(tampered, CONTEXT))
                .isInstanceOf(UnreadableSecretException.class).hasMessageContaining("failed its integrity check");
        assertThatThrownBy(() -> cipher.open(sealed.substring(0, sealed.length() - 3), CONTEXT))
                .isInstanceOf(UnreadableSecretException.class);
        assertThatThrownBy(() -> cipher.open("enc:v1:" + cipher.keyId() + ":!!not base64!!", CONTEXT))
                .isInstanceOf(UnreadableSecretException.class).hasMessageContaining("not a valid encrypted value");
        assertThatThrownBy(() -> cipher.open("enc:v1:garbage", CONTEXT)).isInstanceOf(UnreadableSecretException.class);
    }

    @Test
    void aValueCopiedToAnotherRowOrFieldDoesNotOpen() {
        String sealed = cipher.seal("the real secret", CONTEXT);
        assertThatThrownBy(() -> cipher.open(sealed, "notification_channels:c-2:secret"))
                .isInstanceOf(UnreadableSecretException.class).hasMessageContaining("integrity");
    }

    @Test
    void aWrongKeyIsDetectedAndNamed() {
        String sealed = cipher.seal("the real secret", CONTEXT);
        SecretCipher other = new SecretCipher(randomKey());
        assertThatThrownBy(() -> other.open(sealed, CONTEXT))
                .isInstanceOf(UnreadableSecretException.class)
                .hasMessageContaining("encrypted with another key (key id " + cipher.keyId())
                .hasMessageContaining("BYOC_SECRETS_KEY")
                .hasMessageNotContaining("the real secret");
    }

    @Test
    void withoutAConfiguredKeyOneIsGeneratedOnceOwnerOnlyAndKeptAcrossRestarts() throws Exception {
        byte[] first = SecretsConfiguration.key(null, dataDir.resolve("nested"));
        Path file = dataDir.resolve("nested").resolve(SecretsConfiguration.FILE_NAME);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(first).hasSize(32);
        assertThat(SecretsConfiguration.key(null, dataDir.resolve("nested"))).isEqualTo(first);
        String sealed = new SecretCipher(first).seal("kept", CONTEXT);
        assertThat(new SecretCipher(SecretsConfiguration.key(null, dataDir.resolve("nested"))).open(sealed, CONTEXT))
                .isEqualTo("kept");
    }

    @Test
    void aConfiguredKeyIsUsedAndNoFileIsWritten() {
        byte[] key = randomKey();
        assertThat(SecretsConfiguration.key(Base64.getEncoder().encodeToString(key), dataDir)).isEqualTo(key);
        assertThat(dataDir.resolve(SecretsConfiguration.FILE_NAME)).doesNotExist();
        assertThatThrownBy(() -> new SecretCipher(SecretsConfiguration.key("c2hvcnQ=", dataDir)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> SecretsConfiguration.key("not base64 !", dataDir))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("BYOC_SECRETS_KEY");
    }

    private static byte[] randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }
}
