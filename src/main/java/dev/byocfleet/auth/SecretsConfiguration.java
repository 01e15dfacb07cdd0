package dev.byocfleet.auth;

import dev.byocfleet.store.StoreProperties;
import java.nio.file.Path;
import java.util.Base64;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The key of {@link SecretCipher}: BYOC_SECRETS_KEY when set, else {@code secrets.key} in the data folder. */
@Configuration(proxyBeanMethods = false)
class SecretsConfiguration {

    static final String FILE_NAME = "secrets.key";

    @Bean
    SecretCipher secretCipher(SecretsProperties props, StoreProperties store) {
        return new SecretCipher(key(props.key(), store.dataDir()));
    }

    static byte[] key(@Nullable String configured, Path dataDir) {
        if (configured == null) {
            return SigningKeys.fromFile(dataDir.resolve(FILE_NAME), SecretCipher.KEY_BYTES, SecretCipher.KEY_BYTES,
                    "secrets key");
        }
        try {
            return Base64.getDecoder().decode(configured);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("BYOC_SECRETS_KEY must be base64 of 32 random bytes (openssl rand -base64 32)");
        }
    }
}
