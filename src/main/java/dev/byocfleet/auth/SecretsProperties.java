package dev.byocfleet.auth;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Bound from {@code byoc.secrets.*} (BYOC_SECRETS_KEY).
 *
 * @param key base64 of the 32-byte AES key that encrypts credentials at rest; when empty a key is
 *            generated once into the data folder ({@code secrets.key}, owner-only). Several
 *            replicas (StarRocks) must share one key, so they set it here.
 */
@ConfigurationProperties("byoc.secrets")
public record SecretsProperties(String key) {

    public SecretsProperties {
        key = key == null || key.isBlank() ? null : key.strip();
    }

    @Override
    public String toString() {
        return "SecretsProperties[key=" + (key == null ? "from the data folder" : "set") + "]";
    }
}
