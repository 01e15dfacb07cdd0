package dev.byocfleet.settings;

import dev.byocfleet.api.InvalidParameterException;
import dev.byocfleet.auth.AccessGuard;
import dev.byocfleet.auth.CurrentUser;
import dev.byocfleet.auth.Role;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Every signed-in user's own preferences: time zone, theme and default filters. */
@Service
public class PreferencesService {

    static final int MAX_FILTER_BYTES = 8 * 1024;
    private static final Set<String> THEMES = Set.of("light", "dark", "system");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final UserSettingsRepository settings;
    private final AccessGuard access;

    PreferencesService(UserSettingsRepository settings, AccessGuard access) {
        this.settings = settings;
        this.access = access;
    }

    /** The stored preferences, defaults for what was never set. */
    public Preferences preferences() {
        CurrentUser user = access.require(Role.VIEWER);
        Map<String, String> stored = settings.find(user.userId());
        return new Preferences(
                read(stored.get("time_zone"), new TypeReference<String>() {}, Preferences.DEFAULTS.timeZone()),
                read(stored.get("theme"), new TypeReference<String>() {}, Preferences.DEFAULTS.theme()),
                read(stored.get("default_filters"), new TypeReference<Map<String, Object>>() {},
                        Preferences.DEFAULTS.defaultFilters()));
    }

    /** Saves the fields given; fields left out (null) keep their value. Answers the result. */
    public Preferences update(Preferences changes) {
        CurrentUser user = access.require(Role.VIEWER);
        Map<String, String> values = new LinkedHashMap<>();
        if (changes.timeZone() != null) {
            if (!ZoneId.getAvailableZoneIds().contains(changes.timeZone())) {
                throw new InvalidParameterException("time_zone", "time_zone must be an IANA time zone such as Europe/Berlin.");
            }
            values.put("time_zone", JSON.writeValueAsString(changes.timeZone()));
        }
        if (changes.theme() != null) {
            if (!THEMES.contains(changes.theme())) {
                throw new InvalidParameterException("theme", "theme must be light, dark or system.");
            }
            values.put("theme", JSON.writeValueAsString(changes.theme()));
        }
        if (changes.defaultFilters() != null) {
            String filters = JSON.writeValueAsString(changes.defaultFilters());
            if (filters.getBytes(StandardCharsets.UTF_8).length > MAX_FILTER_BYTES) {
                throw new InvalidParameterException("default_filters", "default_filters may hold at most 8 KiB of JSON.");
            }
            values.put("default_filters", filters);
        }
        settings.save(user.userId(), values, LocalDateTime.now(ZoneOffset.UTC));
        return preferences();
    }

    /** A stored value, or the default when there is none or it cannot be read. */
    private static <T> T read(String json, TypeReference<T> type, T fallback) {
        try {
            return json == null ? fallback : JSON.readValue(json, type);
        } catch (JacksonException e) {
            return fallback;
        }
    }
}
