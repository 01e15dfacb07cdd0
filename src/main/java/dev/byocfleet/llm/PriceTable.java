package dev.byocfleet.llm;

import dev.byocfleet.llm.LlmProperties.Price;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * USD per million tokens by model name prefix: list prices of common models, overridden and
 * extended by {@code byoc.llm.prices}. A model no prefix matches has no cost (recorded as null,
 * shown as unpriced) rather than a guessed one.
 */
final class PriceTable {

    /** List prices per million tokens (input, output, cache read, cache write) when this was written. */
    static final Map<String, Price> DEFAULTS = Map.ofEntries(
            Map.entry("claude-opus-4-5", new Price(5, 25, 0.5, 6.25)),
            Map.entry("claude-opus-4", new Price(15, 75, 1.5, 18.75)),
            Map.entry("claude-sonnet-4", new Price(3, 15, 0.3, 3.75)),
            Map.entry("claude-3-7-sonnet", new Price(3, 15, 0.3, 3.75)),
            Map.entry("claude-haiku-4-5", new Price(1, 5, 0.1, 1.25)),
            Map.entry("claude-3-5-haiku", new Price(0.8, 4, 0.08, 1.0)),
            Map.entry("gpt-4o-mini", new Price(0.15, 0.6, 0.075, null)),
            Map.entry("gpt-4o", new Price(2.5, 10, 1.25, null)),
            Map.entry("gpt-4.1-nano", new Price(0.1, 0.4, 0.025, null)),
            Map.entry("gpt-4.1-mini", new Price(0.4, 1.6, 0.1, null)),
            Map.entry("gpt-4.1", new Price(2, 8, 0.5, null)),
            Map.entry("deepseek-chat", new Price(0.27, 1.1, 0.07, null)),
            Map.entry("deepseek-reasoner", new Price(0.55, 2.19, 0.14, null)));

    private final Map<String, Price> prices = new HashMap<>();

    PriceTable(Map<String, Price> configured) {
        DEFAULTS.forEach((k, v) -> prices.put(k.toLowerCase(Locale.ROOT), v));
        configured.forEach((k, v) -> prices.put(k.strip().toLowerCase(Locale.ROOT), v));
    }

    /** The price of the longest prefix of {@code model} in the table (provider prefixes such as {@code openai/} ignored). */
    @Nullable Price priceOf(@Nullable String model) {
        if (model == null) {
            return null;
        }
        String m = model.strip().toLowerCase(Locale.ROOT);
        m = m.substring(m.lastIndexOf('/') + 1);
        Price best = null;
        int bestLength = -1;
        for (Map.Entry<String, Price> e : prices.entrySet()) {
            if (m.startsWith(e.getKey()) && e.getKey().length() > bestLength) {
                best = e.getValue();
                bestLength = e.getKey().length();
            }
        }
        return best;
    }

    /** Cost in USD; cache reads and writes without their own price cost as plain input. */
    @Nullable Double cost(@Nullable String model, TokenUsage usage) {
        Price p = priceOf(model);
        if (p == null) {
            return null;
        }
        double cacheRead = p.cacheRead() == null ? p.input() : p.cacheRead();
        double cacheWrite = p.cacheWrite() == null ? p.input() : p.cacheWrite();
        return (usage.input() * p.input() + usage.output() * p.output() + usage.cacheRead() * cacheRead
                + usage.cacheWrite() * cacheWrite) / 1_000_000.0;
    }
}
