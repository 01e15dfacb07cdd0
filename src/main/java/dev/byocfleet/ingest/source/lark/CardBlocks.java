package dev.byocfleet.ingest.source.lark;

import dev.byocfleet.ingest.source.lark.CardView.Row;
import dev.byocfleet.ingest.source.lark.CardView.Run;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@link CardView} as blocks of plain lines. Markup goes (lark_md/markdown bold and links, font
 * and at tags, any HTML, entities, CRLF, escaped {@code \n}); link texts are kept and their targets
 * remembered. Blocks end at rules, blank lines and, in cards, at each component. A block is where
 * one alert, or one part of one, is written.
 */
final class CardBlocks {

    /** Lines of one block; {@code note} for footer notes; {@code links} maps link text to target. */
    record Block(List<String> lines, boolean note, Map<String, String> links) {}

    private static final Pattern MD_LINK = Pattern.compile("\\[([^\\]\\n]*)\\]\\(([^)\\s]*)\\)");
    private static final Pattern TAG = Pattern.compile("</?[a-zA-Z][^<>]*>");
    private static final Pattern EMPHASIS = Pattern.compile("\\*\\*|__|~~|(?<![\\w*])\\*(?=\\S)|(?<=\\S)\\*(?![\\w*])");
    private static final String NO_VALUE = "\u0000no value\u0000";

    private CardBlocks() {
    }

    static List<Block> of(CardView view) {
        List<Block> blocks = new ArrayList<>();
        Builder current = new Builder();
        for (Row row : view.rows()) {
            if (row.rule()) {
                current.flushInto(blocks);
                continue;
            }
            if (!view.paragraphs() || row.note()) {
                current.flushInto(blocks);
            }
            current.note = row.note();
            Map<String, String> links = new LinkedHashMap<>();
            String text = clean(join(row.runs(), links), links);
            current.links.putAll(links);
            for (String line : text.split("\n", -1)) {
                String l = line.strip();
                if (l.isEmpty()) {
                    current.flushInto(blocks);
                } else {
                    current.lines.add(l);
                }
            }
            if (row.note()) {
                current.flushInto(blocks);
            }
        }
        current.flushInto(blocks);
        return blocks;
    }

    /**
     * The runs of a row as one text. Column sets read back as runs without separators
     * ({@code "**Level**\nwarning"} then {@code "**Cluster**\n..."}), so a run that opened a new
     * line and did not end it is closed before a run that starts straight with text.
     */
    private static String join(List<Run> runs, Map<String, String> links) {
        StringBuilder text = new StringBuilder();
        String previous = null;
        for (Run run : runs) {
            String t = normalizeBreaks(run.text());
            if (run.href() != null && !run.href().isBlank()) {
                links.putIfAbsent(t.strip(), run.href());
            }
            if (previous != null && previous.contains("\n") && !previous.endsWith("\n") && !t.isEmpty()
                    && !Character.isWhitespace(t.charAt(0))) {
                text.append('\n');
            }
            text.append(t);
            previous = t;
        }
        return text.toString();
    }

    private static String normalizeBreaks(String s) {
        return s.replace("\r\n", "\n").replace('\r', '\n').replace("\\r\\n", "\n").replace("\\n", "\n");
    }

    /** Plain text of lark_md, markdown or HTML: what is shown, never the markup. */
    static String clean(String text, Map<String, String> links) {
        String s = normalizeBreaks(text).replace("<no value>", NO_VALUE);
        Matcher m = MD_LINK.matcher(s);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            links.putIfAbsent(m.group(1).strip(), m.group(2));
            m.appendReplacement(out, Matcher.quoteReplacement(m.group(1)));
        }
        m.appendTail(out);
        s = out.toString().replaceAll("(?i)<br\\s*/?>", "\n");
        s = TAG.matcher(s).replaceAll("");
        s = EMPHASIS.matcher(s).replaceAll("");
        s = s.replace("&nbsp;", " ").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&#39;", "'").replace("&amp;", "&").replace('\u00a0', ' ').replaceAll("[\u200b\u200c\u200d\ufeff]", "");
        return s.replace(NO_VALUE, "<no value>");
    }

    private static final class Builder {
        final List<String> lines = new ArrayList<>();
        final Map<String, String> links = new LinkedHashMap<>();
        boolean note;

        void flushInto(List<Block> blocks) {
            if (!lines.isEmpty()) {
                blocks.add(new Block(List.copyOf(lines), note, Map.copyOf(links)));
            }
            lines.clear();
            links.clear();
            note = false;
        }
    }
}
