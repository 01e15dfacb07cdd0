package dev.byocfleet.ingest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 with one digest object per thread, kept for the thread's life: looking one up through the
 * security providers on every call cost more than hashing an alert's few dozen bytes. The results
 * are those of {@code MessageDigest.getInstance("SHA-256").digest(...)}; each call starts from a reset
 * digest, and a digest is never shared between threads.
 */
public final class Digests {

    private static final HexFormat HEX = HexFormat.of();
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    });

    private Digests() {
    }

    /** SHA-256 of the bytes (32 bytes). */
    public static byte[] sha256(byte[] bytes) {
        MessageDigest d = SHA_256.get();
        d.reset();
        return d.digest(bytes);
    }

    /** SHA-256 of the text's UTF-8 bytes (32 bytes). */
    public static byte[] sha256(String text) {
        return sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    /** SHA-256 of the text's UTF-8 bytes as 64 lower-case hex digits. */
    public static String sha256Hex(String text) {
        return HEX.formatHex(sha256(text));
    }
}
