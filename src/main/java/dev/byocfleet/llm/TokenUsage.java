package dev.byocfleet.llm;

/**
 * Tokens of one call. {@code input} excludes cached input, which is counted in {@code cacheRead}
 * (and {@code cacheWrite} for Anthropic's cache writes), so the four add up to what was billed.
 */
public record TokenUsage(long input, long output, long cacheRead, long cacheWrite) {

    public static final TokenUsage NONE = new TokenUsage(0, 0, 0, 0);

    public long total() {
        return input + output + cacheRead + cacheWrite;
    }

    public TokenUsage plus(TokenUsage other) {
        return new TokenUsage(input + other.input, output + other.output, cacheRead + other.cacheRead,
                cacheWrite + other.cacheWrite);
    }
}
