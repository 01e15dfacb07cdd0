package dev.byocfleet.ingest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.ArrayBlockingQueue;

/**
 * SHA-256 from a small pool of digest objects: looking one up through the security providers on
 * every call cost more than hashing an alert's few dozen bytes, and a per-thread digest would not be
 * reused (requests run on virtual threads, one per request). A caller takes a digest, hashes and puts
 * it back (a digest resets itself when it finishes), so no two threads ever share one at a time. The
 * results are those of {@code MessageDigest.getInstance("SHA-256").digest(...)}.
 */
public final class Digests {

    private static final HexFormat HEX = HexFormat.of();
    /** Idle digests; at most as many as ever hashed at once, capped. */
    private static final ArrayBlockingQueue<MessageDigest> IDLE = new ArrayBlockingQueue<>(64);

    private Digests() {
    }

    /** SHA-256 of the bytes (32 bytes). */
    public static byte[] sha256(byte[] bytes) {
        MessageDigest d = IDLE.poll();
        if (d == null) {
            try {
                d = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every JVM has SHA-256", e);
            }
        }
        byte[] out = d.digest(bytes);
        IDLE.offer(d);
        return out;
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
