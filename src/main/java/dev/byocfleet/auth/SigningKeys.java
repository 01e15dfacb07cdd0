package dev.byocfleet.auth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * The HMAC key that signs access tokens: BYOC_JWT_SECRET when set (replicas share it), otherwise
 * a random key generated at the first start and kept in the data folder, readable by the owner
 * only, so a restart keeps everyone signed in.
 */
final class SigningKeys {

    static final String FILE_NAME = "jwt-signing.key";
    static final int MIN_BYTES = 32;
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private SigningKeys() {
    }

    static SecretKey load(@Nullable String configuredSecret, Path dataDir) {
        if (configuredSecret != null) {
            byte[] bytes = configuredSecret.getBytes(StandardCharsets.UTF_8);
            if (bytes.length < MIN_BYTES) {
                throw new IllegalStateException("BYOC_JWT_SECRET must have at least " + MIN_BYTES
                        + " bytes (for example: openssl rand -base64 48)");
            }
            return hmacKey(bytes);
        }
        return hmacKey(fromFile(dataDir.resolve(FILE_NAME), 64, MIN_BYTES, "token signing key"));
    }

    /**
     * A random key of {@code size} bytes kept base64 in {@code file}: created on the first call with
     * owner-only permissions, read on later ones; one shorter than {@code minBytes} is refused.
     */
    static byte[] fromFile(Path file, int size, int minBytes, String what) {
        try {
            if (!Files.exists(file)) {
                create(file, size);
            }
            byte[] key = Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).strip());
            if (key.length < minBytes) {
                throw new IllegalStateException(file + " holds a key shorter than " + minBytes + " bytes; delete it to get a new one");
            }
            return key;
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalStateException("cannot read or create the " + what + " " + file + ": " + e.getMessage(), e);
        }
    }

    private static void create(Path file, int size) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        byte[] key = new byte[size];
        new SecureRandom().nextBytes(key);
        try {
            // created with owner-only permissions from the start, never readable by others in between
            Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        } catch (FileAlreadyExistsException raced) {
            return;
        } catch (UnsupportedOperationException notPosix) {
            Files.createFile(file);
        }
        Files.writeString(file, Base64.getEncoder().encodeToString(key) + "\n", StandardCharsets.US_ASCII);
    }

    private static SecretKey hmacKey(byte[] bytes) {
        return new SecretKeySpec(bytes, "HmacSHA256");
    }
}
