package dev.byocfleet.settings;

import java.util.Map;

/**
 * One user's preferences for the web app.
 *
 * @param timeZone       an IANA time zone id such as {@code Europe/Berlin}; times are shown in it
 * @param theme          {@code light}, {@code dark} or {@code system}
 * @param defaultFilters filters the pages start with; any JSON object of at most 8 KiB
 */
public record Preferences(String timeZone, String theme, Map<String, Object> defaultFilters) {

    static final Preferences DEFAULTS = new Preferences("UTC", "system", Map.of());
}
