package dev.byocfleet.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import javax.crypto.SecretKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SigningKeysTest {

    @TempDir
    Path dataDir;

    @Test
    void withoutASecretAKeyIsGeneratedOnceReadableByTheOwnerOnlyAndKeptAcrossRestarts() throws Exception {
        SecretKey first = SigningKeys.load(null, dataDir.resolve("nested"));
        Path file = dataDir.resolve("nested").resolve(SigningKeys.FILE_NAME);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(first.getEncoded()).hasSizeGreaterThanOrEqualTo(SigningKeys.MIN_BYTES);

        SecretKey afterRestart = SigningKeys.load(null, dataDir.resolve("nested"));
        assertThat(afterRestart.getEncoded()).isEqualTo(first.getEncoded());
    }

    @Test
    void configuredSecretIsTheKeyAndNoFileIsWritten() {
        String secret = "a shared secret of thirty-two bytes!";
        assertThat(SigningKeys.load(secret, dataDir).getEncoded()).isEqualTo(secret.getBytes(StandardCharsets.UTF_8));
        assertThat(dataDir.resolve(SigningKeys.FILE_NAME)).doesNotExist();
    }

    @Test
    void secretShorterThan32BytesIsRefused() {
        assertThatThrownBy(() -> SigningKeys.load("too short", dataDir))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("BYOC_JWT_SECRET must have at least 32 bytes");
    }
}
