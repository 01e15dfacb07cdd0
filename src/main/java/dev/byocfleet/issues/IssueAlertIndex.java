package dev.byocfleet.issues;

import com.carrotsearch.hppc.BitMixer;
import com.carrotsearch.hppc.LongHashSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The message ids and instance keys of the rows of {@code alerts.issue_alerts}, as 64-bit hashes, so
 * that a grouping pass asks the store only about those that may have a row: the alerts of a live
 * pass are nearly all new, and asking about each (two lookups in the table's indexes per alert) was
 * half of a pass. An answer "no row" is certain: {@link IssueRepository#save} adds the keys of every
 * row it writes before writing it, {@link IssueRepository} fills the rest from the table once, and
 * it keeps this only where no other process writes the store while it runs
 * ({@link dev.byocfleet.store.Dialect#soleWriter()}). Anything else is only "may have a row" and is
 * asked: two keys can share a hash, and deleted rows and rolled-back writes leave their hashes here.
 * About 16 to 32 bytes a row.
 */
final class IssueAlertIndex {

    private final LongHashSet messageIds = new LongHashSet();
    private final LongHashSet instanceKeys = new LongHashSet();
    private boolean filled;

    synchronized boolean filled() {
        return filled;
    }

    synchronized void markFilled() {
        filled = true;
    }

    /** Records a row's keys; called before the row is written, so a reader never misses it. */
    synchronized void add(String messageId, String instanceKey) {
        messageIds.add(hash(messageId));
        instanceKeys.add(hash(instanceKey));
    }

    /** Those of {@code ids} that may be the message id of a row; the others certainly are not. */
    synchronized List<String> messageIdsThatMayHaveRows(Collection<String> ids) {
        return mayHave(messageIds, ids);
    }

    /** Those of {@code keys} that may be the instance key of a row; the others certainly are not. */
    synchronized List<String> instanceKeysThatMayHaveRows(Collection<String> keys) {
        return mayHave(instanceKeys, keys);
    }

    private static List<String> mayHave(LongHashSet hashes, Collection<String> values) {
        List<String> out = new ArrayList<>();
        for (String v : values) {
            if (hashes.contains(hash(v))) {
                out.add(v);
            }
        }
        return out;
    }

    /** FNV-1a over the characters, then mixed: any two differing strings rarely share it (a collision costs a query). */
    static long hash(String value) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < value.length(); i++) {
            h = (h ^ value.charAt(i)) * 0x100000001b3L;
        }
        return BitMixer.mix64(h);
    }
}
