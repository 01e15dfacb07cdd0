package dev.byocfleet.settings;

import dev.byocfleet.auth.SealedSecretStore;
import dev.byocfleet.auth.SecretCipher;
import dev.byocfleet.auth.UnreadableSecretException;
import dev.byocfleet.store.Dialect;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code alerts.notification_channels}; the URL, auth and secret live in the config JSON, the URL
 * and the secret encrypted ({@link SecretCipher}, bound to the channel id and the field).
 */
@Repository
class ChannelRepository implements SealedSecretStore {

    /**
     * A channel's destination, decrypted.
     *
     * @param url        null only when {@code unreadable}
     * @param unreadable why the stored URL or secret cannot be decrypted (another key, changed), or null
     */
    record ChannelConfig(@Nullable String url, String auth, @Nullable String secret, @Nullable String unreadable) {

        ChannelConfig(String url, String auth, @Nullable String secret) {
            this(url, auth, secret, null);
        }

        @Override
        public String toString() {
            return "ChannelConfig[auth=" + auth + "]";
        }
    }

    /** What {@code config} holds: url and secret in their stored (encrypted, or legacy plaintext) form. */
    private record StoredConfig(String url, String auth, @Nullable String secret) {
        @Override
        public String toString() {
            return "StoredConfig[auth=" + auth + "]";
        }
    }

    record Channel(String channelId, String name, ChannelKind kind, ChannelConfig config, @Nullable String minSeverity,
                   boolean enabled, LocalDateTime createdAt, LocalDateTime updatedAt) {
        @Override
        public String toString() {
            return "Channel[channelId=" + channelId + ", name=" + name + ", kind=" + kind + "]";
        }
    }

    private static final List<String> COLUMNS = List.of("channel_id", "name", "kind", "config", "min_severity",
            "enabled", "created_at", "updated_at");
    private static final String SELECT = "SELECT " + String.join(", ", COLUMNS) + " FROM alerts.notification_channels";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final Dialect dialect;
    private final SecretCipher cipher;

    ChannelRepository(JdbcClient jdbc, Dialect dialect, SecretCipher cipher) {
        this.jdbc = jdbc;
        this.dialect = dialect;
        this.cipher = cipher;
    }

    List<Channel> findAll() {
        return jdbc.sql(SELECT + " ORDER BY name, channel_id").query(this::map).list();
    }

    Optional<Channel> find(String channelId) {
        return jdbc.sql(SELECT + " WHERE channel_id = ?").param(channelId).query(this::map).optional();
    }

    void save(Channel c) {
        if (c.config().unreadable() != null) {
            throw new IllegalStateException("a channel whose credentials cannot be decrypted is not saved back");
        }
        String id = c.channelId();
        StoredConfig stored = new StoredConfig(cipher.seal(c.config().url(), context(id, "url")), c.config().auth(),
                cipher.seal(c.config().secret(), context(id, "secret")));
        jdbc.sql(dialect.upsert("alerts.notification_channels", COLUMNS, List.of("channel_id")))
                .params(id, c.name(), c.kind().wire(), JSON.writeValueAsString(stored), c.minSeverity(),
                        c.enabled(), Timestamp.valueOf(c.createdAt()), Timestamp.valueOf(c.updatedAt()))
                .update();
    }

    /**
     * The one-time migration of rows saved before encryption: every channel whose URL or secret is
     * still plaintext is saved again, encrypted. Returns how many were.
     */
    int encryptPlaintextRows() {
        List<String> legacy = jdbc.sql("SELECT channel_id, config FROM alerts.notification_channels")
                .query((rs, row) -> {
                    StoredConfig c = JSON.readValue(rs.getString("config"), StoredConfig.class);
                    boolean plain = !SecretCipher.isSealed(c.url()) || (c.secret() != null && !SecretCipher.isSealed(c.secret()));
                    return plain ? rs.getString("channel_id") : null;
                }).list().stream().filter(java.util.Objects::nonNull).toList();
        int done = 0;
        for (String id : legacy) {
            Optional<Channel> channel = find(id);
            if (channel.isPresent() && channel.get().config().unreadable() == null) {
                save(channel.get());
                done++;
            }
        }
        return done;
    }

    @Override
    public String what() {
        return "notification channels";
    }

    /** Every channel's URL and secret opened with {@code from} and sealed with {@code to}; written when run. */
    @Override
    public List<Runnable> resealAll(SecretCipher from, SecretCipher to) {
        return jdbc.sql("SELECT channel_id, config FROM alerts.notification_channels ORDER BY channel_id")
                .query((rs, row) -> {
                    String id = rs.getString("channel_id");
                    StoredConfig c = JSON.readValue(rs.getString("config"), StoredConfig.class);
                    StoredConfig resealed;
                    try {
                        resealed = new StoredConfig(to.seal(from.open(c.url(), context(id, "url")), context(id, "url")),
                                c.auth(), to.seal(from.open(c.secret(), context(id, "secret")), context(id, "secret")));
                    } catch (UnreadableSecretException e) {
                        throw new UnreadableSecretException("notification channel " + id + ": " + e.getMessage());
                    }
                    String config = JSON.writeValueAsString(resealed);
                    return (Runnable) () -> jdbc.sql("UPDATE alerts.notification_channels SET config = ? WHERE channel_id = ?")
                            .params(config, id).update();
                }).list();
    }

    boolean delete(String channelId) {
        return jdbc.sql("DELETE FROM alerts.notification_channels WHERE channel_id = ?").param(channelId).update() == 1;
    }

    private static String context(String channelId, String field) {
        return "notification_channels:" + channelId + ":" + field;
    }

    private ChannelConfig config(String channelId, StoredConfig stored) {
        try {
            return new ChannelConfig(cipher.open(stored.url(), context(channelId, "url")), stored.auth(),
                    cipher.open(stored.secret(), context(channelId, "secret")));
        } catch (UnreadableSecretException e) {
            return new ChannelConfig(null, stored.auth(), null, e.getMessage());
        }
    }

    private Channel map(ResultSet rs, int row) throws SQLException {
        String id = rs.getString("channel_id");
        return new Channel(id, rs.getString("name"),
                ChannelKind.parse(rs.getString("kind")).orElse(ChannelKind.WEBHOOK),
                config(id, JSON.readValue(rs.getString("config"), StoredConfig.class)),
                rs.getString("min_severity"), rs.getBoolean("enabled"),
                rs.getTimestamp("created_at").toLocalDateTime(), rs.getTimestamp("updated_at").toLocalDateTime());
    }
}
