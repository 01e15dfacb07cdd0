package dev.byocfleet.auth;

import java.util.List;

/**
 * A holder of values sealed with {@link SecretCipher} (notification channels, external MCP
 * servers), for {@link SecretRotation}: it reads every stored value, opens it with the old key and
 * seals it with the new one, and returns the writes without making them.
 */
public interface SealedSecretStore {

    /** What it holds, in words ({@code notification channels}). */
    String what();

    /**
     * The writes that re-seal every stored value under {@code to}; nothing is written yet. Legacy
     * plaintext values are sealed too.
     *
     * @throws UnreadableSecretException naming the record when a value does not open with {@code from}
     */
    List<Runnable> resealAll(SecretCipher from, SecretCipher to);
}
