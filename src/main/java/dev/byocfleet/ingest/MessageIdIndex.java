package dev.byocfleet.ingest;

import com.carrotsearch.hppc.LongHashSet;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The message ids this process knows are stored, as 64-bit keys (8 bytes an id, so a million alerts
 * cost some 16 MB). It only ever answers "maybe stored" or "not stored": a key can be shared by two
 * ids, and rows can be deleted behind its back, so a "maybe" is always checked against the store.
 * A "not stored" is trusted; if the store has the row after all (another writer), the insert fails
 * and the store checks every id of that batch.
 */
final class MessageIdIndex {

    private final LongHashSet keys = new LongHashSet();
    private boolean loaded;

    boolean loaded() {
        return loaded;
    }

    void markLoaded() {
        loaded = true;
    }

    boolean mightContain(String messageId) {
        return keys.contains(key(messageId));
    }

    void add(String messageId) {
        keys.add(key(messageId));
    }

    int size() {
        return keys.size();
    }

    /** The first 16 hex digits of a SHA-256 hex id; any other id is hashed first. */
    static long key(String messageId) {
        if (messageId.length() >= 16) {
            long k = 0;
            for (int i = 0; i < 16; i++) {
                int d = Character.digit(messageId.charAt(i), 16);
                if (d < 0) {
                    return hashed(messageId);
                }
                k = (k << 4) | d;
            }
            return k;
        }
        return hashed(messageId);
    }

    private static long hashed(String messageId) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(messageId.getBytes(StandardCharsets.UTF_8));
            long k = 0;
            for (int i = 0; i < 8; i++) {
                k = (k << 8) | (d[i] & 0xFF);
            }
            return k;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
