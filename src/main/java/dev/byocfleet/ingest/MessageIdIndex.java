package dev.byocfleet.ingest;

import com.carrotsearch.hppc.LongHashSet;
import com.carrotsearch.hppc.LongLongHashMap;

/**
 * The message ids this process knows are stored, as 64-bit keys (8 bytes an id, so a million alerts
 * cost some 16 MB). It only ever answers "maybe stored" or "not stored": a key can be shared by two
 * ids, and rows can be deleted behind its back, so a "maybe" is always checked against the store.
 * A "not stored" is trusted; if the store has the row after all (another writer), the insert fails
 * and the store checks every id of that batch.
 *
 * <p>Besides, it remembers the last {@link #CERTAIN_CAPACITY} ids known to be stored as webhook rows
 * (the rows this process's webhooks inserted, and webhook rows a check found), by 128 bits of each:
 * nothing in the application deletes a webhook row (only the evaluation deletes, and only its own
 * runs' rows), so for these a redelivery is known to be a duplicate without asking the store.
 * Alertmanager repeats every firing alert at its repeat interval, so most redeliveries are recent.
 */
final class MessageIdIndex {

    /** About 20 MB at most (a map of 2^20 slots and the order): hours of ids at tens of alerts a second. */
    static final int CERTAIN_CAPACITY = 500_000;

    private final LongHashSet keys = new LongHashSet();
    private boolean loaded;
    /** First 64 bits of a certainly stored id to its next 64 bits. */
    private final LongLongHashMap certain = new LongLongHashMap();
    /** The certain ids' first 64 bits in the order they came, to forget the oldest. */
    private final long[] certainOrder;
    private int certainNext;

    MessageIdIndex() {
        this(CERTAIN_CAPACITY);
    }

    MessageIdIndex(int certainCapacity) {
        certainOrder = new long[certainCapacity];
    }

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

    /** Remembers an id known to be stored as a webhook row, forgetting the oldest such id when full. */
    void addCertain(String messageId) {
        long first = key(messageId);
        long second = secondKey(messageId);
        if (certain.containsKey(first)) {
            certain.put(first, second); // the same id again, or (rarely) another with the same first half
            return;
        }
        // every key in the map is in the order once (a key already there returned above)
        if (certain.size() == certainOrder.length) {
            certain.remove(certainOrder[certainNext]);
        }
        certain.put(first, second);
        certainOrder[certainNext] = first;
        certainNext = (certainNext + 1) % certainOrder.length;
    }

    /** True only for an id {@link #addCertain} remembers (all 128 bits equal); false says nothing. */
    boolean certainlyStored(String messageId) {
        long first = key(messageId);
        int slot = certain.indexOf(first);
        return certain.indexExists(slot) && certain.indexGet(slot) == secondKey(messageId);
    }

    int certainSize() {
        return certain.size();
    }

    /** The first 16 hex digits of a SHA-256 hex id; any other id is hashed first. */
    static long key(String messageId) {
        return hexOrHashed(messageId, 0);
    }

    /** The next 16 hex digits (17th to 32nd), likewise. */
    static long secondKey(String messageId) {
        return hexOrHashed(messageId, 1);
    }

    private static long hexOrHashed(String messageId, int part) {
        int from = part * 16;
        if (messageId.length() >= from + 16) {
            long k = 0;
            for (int i = from; i < from + 16; i++) {
                int d = Character.digit(messageId.charAt(i), 16);
                if (d < 0) {
                    return hashed(messageId, part);
                }
                k = (k << 4) | d;
            }
            return k;
        }
        return hashed(messageId, part);
    }

    private static long hashed(String messageId, int part) {
        byte[] d = Digests.sha256(messageId);
        long k = 0;
        for (int i = part * 8; i < part * 8 + 8; i++) {
            k = (k << 8) | (d[i] & 0xFF);
        }
        return k;
    }
}
