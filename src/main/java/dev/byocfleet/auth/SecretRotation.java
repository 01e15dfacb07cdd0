package dev.byocfleet.auth;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Re-encrypts every stored credential with a new key ({@code byoc-fleet secrets rotate}): in one
 * transaction, every value is opened with the current key and sealed with the new one; when any
 * value does not open, nothing is written and the record is named. The servers must be stopped
 * while it runs and started with the new key afterwards.
 */
@Service
public class SecretRotation {

    private static final Logger log = LoggerFactory.getLogger(SecretRotation.class);

    /** What a rotation did: the key ids before and after, and how many records per kind were re-sealed. */
    public record Result(String fromKeyId, String toKeyId, Map<String, Integer> resealed) {}

    private final SecretCipher current;
    private final List<SealedSecretStore> stores;
    private final TransactionTemplate tx;

    SecretRotation(SecretCipher current, List<SealedSecretStore> stores, TransactionTemplate tx) {
        this.current = current;
        this.stores = stores.stream().sorted(java.util.Comparator.comparing(SealedSecretStore::what)).toList();
        this.tx = tx;
    }

    /**
     * A key as written in a key file or BYOC_SECRETS_NEW_KEY: base64 of 32 bytes.
     *
     * @throws IllegalArgumentException saying what is wrong (never the key)
     */
    public static byte[] parseKey(String base64) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64.strip().getBytes(StandardCharsets.US_ASCII));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the new key is not base64 (make one with: openssl rand -base64 32)");
        }
        if (key.length != SecretCipher.KEY_BYTES) {
            throw new IllegalArgumentException("the new key must be " + SecretCipher.KEY_BYTES + " bytes, not " + key.length
                    + " (make one with: openssl rand -base64 32)");
        }
        return key;
    }

    /**
     * Re-seals every stored credential under {@code newKey}.
     *
     * @throws IllegalArgumentException when the new key is the current one
     * @throws UnreadableSecretException naming the record whose value does not open; nothing changed
     */
    public Result rotate(byte[] newKey) {
        SecretCipher next = new SecretCipher(newKey);
        if (next.keyId().equals(current.keyId())) {
            throw new IllegalArgumentException("the new key is the current key (key id " + current.keyId() + ")");
        }
        return rotate(current, next);
    }

    Result rotate(SecretCipher from, SecretCipher to) {
        Result result = tx.execute(status -> {
            Map<String, Integer> counts = new LinkedHashMap<>();
            List<Runnable> writes = new ArrayList<>();
            // every value is opened before the first write: one that does not open leaves the store as it was
            for (SealedSecretStore store : stores) {
                List<Runnable> reseal = store.resealAll(from, to);
                counts.put(store.what(), reseal.size());
                writes.addAll(reseal);
            }
            writes.forEach(Runnable::run);
            return new Result(from.keyId(), to.keyId(), counts);
        });
        log.info("re-encrypted the stored credentials from key id {} to key id {}: {}", from.keyId(), to.keyId(),
                result.resealed());
        return result;
    }
}
