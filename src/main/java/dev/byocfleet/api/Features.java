package dev.byocfleet.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The pages of the web app (DESIGN.md section 8) and whether their feature is built. The one list
 * a feature flips when it ships; the web app shows "not available yet" for the others.
 */
final class Features {

    record Page(String key, boolean available) {}

    static final List<Page> PAGES = List.of(
            new Page("overview", true),
            new Page("issues", true),
            new Page("raw_alerts", true),
            new Page("breaking", true),
            new Page("usage", true),
            new Page("investigations", true),
            new Page("ai_issues", true),
            new Page("patrol", true),
            new Page("chat", true),
            new Page("llm_usage", true),
            new Page("settings", true),
            new Page("help", true));

    /** The answer of {@code GET /api/features}. */
    record FeatureFlags(Map<String, Boolean> pages) {}

    private Features() {
    }

    static FeatureFlags flags() {
        Map<String, Boolean> pages = new LinkedHashMap<>();
        PAGES.forEach(p -> pages.put(p.key(), p.available()));
        return new FeatureFlags(pages);
    }
}
