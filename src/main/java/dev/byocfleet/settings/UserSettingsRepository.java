package dev.byocfleet.settings;

import dev.byocfleet.store.Dialect;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** {@code alerts.user_settings}: one JSON value per user and key. */
@Repository
class UserSettingsRepository {

    private static final List<String> COLUMNS = List.of("user_id", "setting_key", "setting_value", "updated_at");

    private final JdbcClient jdbc;
    private final Dialect dialect;

    UserSettingsRepository(JdbcClient jdbc, Dialect dialect) {
        this.jdbc = jdbc;
        this.dialect = dialect;
    }

    /** Setting key to its JSON text. */
    Map<String, String> find(String userId) {
        Map<String, String> values = new HashMap<>();
        jdbc.sql("SELECT setting_key, setting_value FROM alerts.user_settings WHERE user_id = ?")
                .param(userId)
                .query(rs -> {
                    values.put(rs.getString("setting_key"), rs.getString("setting_value"));
                });
        return values;
    }

    void save(String userId, Map<String, String> jsonByKey, LocalDateTime at) {
        String sql = dialect.upsert("alerts.user_settings", COLUMNS, List.of("user_id", "setting_key"));
        jsonByKey.forEach((key, json) -> jdbc.sql(sql).params(userId, key, json, Timestamp.valueOf(at)).update());
    }
}
