package dev.byocfleet.auth;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * Encrypts credentials that users save through the API (channel URLs and secrets, MCP server
 * header values) before they reach the store: AES-256-GCM with a random 96-bit nonce, the value's
 * place ({@code context}, e.g. {@code channel:<id>:secret}) as associated data so a ciphertext
 * copied to another row or field does not decrypt. A stored value reads
 * {@code enc:v1:<key id>:<base64url(nonce | ciphertext | tag)>}; the key id (the first four bytes
 * of a SHA-256 of the key) tells a value saved under another key from a changed one.
 *
 * <p>Values without the {@code enc:v1:} prefix are plaintext from before encryption and are
 * returned as they are; {@link #isSealed} lets their owners re-save them encrypted.
 */
public final class SecretCipher {

    static final String PREFIX = "enc:v1:";
    static final int KEY_BYTES = 32;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final String keyId;
    private final SecureRandom random = new SecureRandom();

    SecretCipher(byte[] key) {
        if (key.length != KEY_BYTES) {
            throw new IllegalStateException("the secrets key must be " + KEY_BYTES + " bytes (base64 of 32 random bytes: "
                    + "openssl rand -base64 32), not " + key.length);
        }
        this.key = new SecretKeySpec(key, "AES");
        this.keyId = keyId(key);
    }

    /** The encrypted form of {@code plaintext} for the place {@code context}; null stays null. */
    public @Nullable String seal(@Nullable String plaintext, String context) {
        if (plaintext == null) {
            return null;
        }
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] out = ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array();
            return PREFIX + keyId + ":" + Base64.getUrlEncoder().withoutPadding().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /**
     * The plaintext of a stored value for the place {@code context}; a legacy plaintext value is
     * returned unchanged, null stays null.
     *
     * @throws UnreadableSecretException when it was encrypted under another key, or changed since
     */
    public @Nullable String open(@Nullable String stored, String context) {
        if (stored == null || !isSealed(stored)) {
            return stored;
        }
        String rest = stored.substring(PREFIX.length());
        int colon = rest.indexOf(':');
        if (colon < 0) {
            throw new UnreadableSecretException("a stored credential is not a valid encrypted value");
        }
        String storedKeyId = rest.substring(0, colon);
        if (!storedKeyId.equals(keyId)) {
            throw new UnreadableSecretException("a stored credential cannot be decrypted with the current key: it was "
                    + "encrypted with another key (key id " + storedKeyId + ", this server's is " + keyId
                    + "): set BYOC_SECRETS_KEY to the key it was saved with, or save it again");
        }
        byte[] data;
        try {
            data = Base64.getUrlDecoder().decode(rest.substring(colon + 1));
        } catch (IllegalArgumentException e) {
            data = new byte[0];
        }
        if (data.length < NONCE_BYTES + TAG_BITS / 8) {
            throw new UnreadableSecretException("a stored credential is not a valid encrypted value");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, data, 0, NONCE_BYTES));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(data, NONCE_BYTES, data.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            throw new UnreadableSecretException("a stored credential failed its integrity check: it was changed or "
                    + "belongs to another record; save it again");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /** Whether a stored value is in the encrypted form (else it is legacy plaintext). */
    public static boolean isSealed(@Nullable String stored) {
        return stored != null && stored.startsWith(PREFIX);
    }

    /** The short public name of this key, shown in errors and stored with each value. */
    String keyId() {
        return keyId;
    }

    private static String keyId(byte[] key) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update("byoc-fleet secrets key id".getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest(key), 0, 4);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    @Override
    public String toString() {
        return "SecretCipher[keyId=" + keyId + "]";
    }
}
