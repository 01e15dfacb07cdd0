package dev.byocfleet.auth;

/**
 * A stored credential that cannot be decrypted: saved under another key, or changed since. The
 * message says which and never contains the value.
 */
public final class UnreadableSecretException extends RuntimeException {

    public UnreadableSecretException(String message) {
        super(message);
    }
}
