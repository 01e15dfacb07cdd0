package dev.byocfleet.ingest.source.lark;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The status and alert name a title or first line announces: {@code [FIRING:2] X},
 * {@code 🚨 [FIRING] X}, {@code ✅ [RESOLVED] X}, {@code 【告警】X}, {@code 【恢复】X},
 * {@code X [2] Firing [1] Resolved} (with the counts), {@code X is resolved!}, or a leading status
 * emoji. {@link #NONE} when the text carries no marker.
 *
 * @param status  firing or resolved; null when the counts name both
 * @param name    what follows (or precedes) the marker; null when nothing does
 * @param firing  the {@code [n] Firing} count, or -1
 * @param resolved the {@code [m] Resolved} count, or -1
 */
record TitleMarker(String status, String name, int firing, int resolved) {

    static final TitleMarker NONE = new TitleMarker(null, null, -1, -1);

    private static final Pattern BRACKET = Pattern.compile(
            "(?i)^\\[(firing|resolved|alerting|ok|告警|恢复|已恢复|触发)(?::\\s*\\d+)?\\]\\s*(.*)$");
    private static final Pattern CORNER = Pattern.compile("^[【\\[](告警|恢复|已恢复|触发|报警|故障)[】\\]]\\s*(.*)$");
    private static final Pattern COUNTS = Pattern.compile("(?i)^(.*?)\\s*((?:\\[\\d+\\]\\s*(?:firing|resolved)\\s*)+)$");
    private static final Pattern COUNT = Pattern.compile("(?i)\\[(\\d+)\\]\\s*(firing|resolved)");
    private static final Pattern IS_RESOLVED = Pattern.compile("(?i)^(.+?)\\s+(?:is|has been)\\s+resolved!?$");
    private static final Pattern LEADING_SYMBOLS = Pattern.compile("^[^\\p{L}\\p{N}\\[【]+");

    static TitleMarker read(String text) {
        if (text == null || text.isBlank()) {
            return NONE;
        }
        String t = text.strip();
        Matcher lead = LEADING_SYMBOLS.matcher(t);
        String symbols = lead.find() ? lead.group() : "";
        String rest = t.substring(symbols.length()).strip();
        Matcher m = BRACKET.matcher(rest);
        if (m.matches()) {
            return of(LarkVocabulary.status(m.group(1)).orElse(null), m.group(2));
        }
        m = CORNER.matcher(rest);
        if (m.matches()) {
            return of(m.group(1).equals("故障") || m.group(1).equals("报警") ? "firing"
                    : LarkVocabulary.status(m.group(1)).orElse(null), m.group(2));
        }
        m = COUNTS.matcher(rest);
        if (m.matches()) {
            int firing = 0;
            int resolved = 0;
            Matcher c = COUNT.matcher(m.group(2));
            while (c.find()) {
                if (c.group(2).equalsIgnoreCase("firing")) {
                    firing += Integer.parseInt(c.group(1));
                } else {
                    resolved += Integer.parseInt(c.group(1));
                }
            }
            String status = resolved == 0 ? "firing" : firing == 0 ? "resolved" : null;
            return new TitleMarker(status, blankToNull(m.group(1)), firing, resolved);
        }
        m = IS_RESOLVED.matcher(rest);
        if (m.matches()) {
            return of("resolved", m.group(1));
        }
        String emoji = symbols.strip();
        if (!emoji.isEmpty()) {
            var status = LarkVocabulary.status(emoji.codePoints().limit(1)
                    .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString());
            if (status.isPresent()) {
                return of(status.get(), rest);
            }
        }
        return NONE;
    }

    private static TitleMarker of(String status, String name) {
        return new TitleMarker(status, blankToNull(name), -1, -1);
    }

    /** Whether the text carries a marker at all. */
    boolean present() {
        return this != NONE;
    }

    /** Whether the title is the XUJiahua bridge's {@code X [n] Firing [m] Resolved}. */
    boolean counted() {
        return firing >= 0;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
