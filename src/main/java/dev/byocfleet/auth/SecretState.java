package dev.byocfleet.auth;

/**
 * What the API says about a saved credential ({@code secret_state}): none stored, stored and
 * readable, or stored but not decryptable with the current key (changed, or saved under another
 * key); the last comes with a {@code problem} telling the operator to save it again.
 */
public final class SecretState {

    public static final String NONE = "none";
    public static final String STORED = "stored";
    public static final String UNREADABLE = "unreadable";

    private SecretState() {
    }
}
