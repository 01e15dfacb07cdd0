package dev.byocfleet.settings;

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

/** {@code alerts.notification_channels}; the URL, auth and secret live in the config JSON. */
@Repository
class ChannelRepository {

    /** What {@code config} holds. */
    record ChannelConfig(String url, String auth, @Nullable String secret) {
        @Override
        public String toString() {
            return "ChannelConfig[auth=" + auth + "]";
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

    ChannelRepository(JdbcClient jdbc, Dialect dialect) {
        this.jdbc = jdbc;
        this.dialect = dialect;
    }

    List<Channel> findAll() {
        return jdbc.sql(SELECT + " ORDER BY name, channel_id").query(ChannelRepository::map).list();
    }

    Optional<Channel> find(String channelId) {
        return jdbc.sql(SELECT + " WHERE channel_id = ?").param(channelId).query(ChannelRepository::map).optional();
    }

    void save(Channel c) {
        jdbc.sql(dialect.upsert("alerts.notification_channels", COLUMNS, List.of("channel_id")))
                .params(c.channelId(), c.name(), c.kind().wire(), JSON.writeValueAsString(c.config()), c.minSeverity(),
                        c.enabled(), Timestamp.valueOf(c.createdAt()), Timestamp.valueOf(c.updatedAt()))
                .update();
    }

    boolean delete(String channelId) {
        return jdbc.sql("DELETE FROM alerts.notification_channels WHERE channel_id = ?").param(channelId).update() == 1;
    }

    private static Channel map(ResultSet rs, int row) throws SQLException {
        return new Channel(rs.getString("channel_id"), rs.getString("name"),
                ChannelKind.parse(rs.getString("kind")).orElse(ChannelKind.WEBHOOK),
                JSON.readValue(rs.getString("config"), ChannelConfig.class),
                rs.getString("min_severity"), rs.getBoolean("enabled"),
                rs.getTimestamp("created_at").toLocalDateTime(), rs.getTimestamp("updated_at").toLocalDateTime());
    }
}
