package dev.byocfleet.ingest.source.lark;

import dev.byocfleet.ingest.source.lark.LarkVocabulary.Field;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads key/value lines into a draft: {@code key: value} and {@code key：value} (any key the
 * vocabulary knows, compound keys such as {@code 环境 / 集群} paired with {@code staging / x}),
 * {@code key=value} tokens, and a Chinese key alone on its line with the value on the next (a
 * column set read back). Other lines are kept as free lines.
 */
final class KeyValueLines {

    private static final Pattern COLON = Pattern.compile("^(.{1,40}?)\\s*[:：]\\s*(.*)$");
    static final Pattern TOKEN = Pattern.compile("(?:^|\\s)([A-Za-z_][\\w.\\-]*)=(\"[^\"]*\"|\\S*)");
    private static final Pattern ONLY_TOKENS = Pattern.compile("^(?:\\s*[A-Za-z_][\\w.\\-]*=(?:\"[^\"]*\"|\\S*))+\\s*$");
    private static final Pattern CJK = Pattern.compile("\\p{IsHan}");

    private KeyValueLines() {
    }

    /** Reads the lines into the draft; returns how many lines were key/value pairs. */
    static int read(List<String> lines, AlertDraft draft) {
        int pairs = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (readPair(line, draft)) {
                pairs++;
            } else if (ONLY_TOKENS.matcher(line).matches()) {
                readTokens(line, draft);
                pairs++;
            } else if (i + 1 < lines.size() && columnKey(line) && !isPair(lines.get(i + 1))) {
                put(line, lines.get(i + 1), draft);
                pairs++;
                i++;
            } else {
                draft.freeLines.add(line);
            }
        }
        return pairs;
    }

    /** Whether the line is a key/value pair the vocabulary understands. */
    static boolean isPair(String line) {
        Matcher m = COLON.matcher(line);
        return m.matches() && known(m.group(1));
    }

    private static boolean readPair(String line, AlertDraft draft) {
        Matcher m = COLON.matcher(line);
        if (!m.matches() || !known(m.group(1))) {
            return false;
        }
        put(m.group(1), m.group(2), draft);
        return true;
    }

    /** {@code key=value} tokens; every token is kept as a label, known keys also fill their field. */
    static void readTokens(String text, AlertDraft draft) {
        Matcher m = TOKEN.matcher(text);
        while (m.find()) {
            String value = m.group(2).replaceAll("^\"|\"$", "");
            Optional<Field> field = LarkVocabulary.field(m.group(1));
            if (field.isPresent()) {
                draft.put(field.get(), m.group(1), value);
            }
            draft.labels.putIfAbsent(m.group(1), value);
        }
    }

    private static boolean columnKey(String line) {
        return CJK.matcher(line).find() && line.length() <= 12 && known(line);
    }

    private static boolean known(String key) {
        if (LarkVocabulary.field(key).isPresent()) {
            return true;
        }
        String[] parts = key.split("/");
        return parts.length > 1 && java.util.Arrays.stream(parts).allMatch(p -> LarkVocabulary.field(p).isPresent());
    }

    /** One pair; a compound key takes its value apart at the same slashes. */
    private static void put(String key, String value, AlertDraft draft) {
        Optional<Field> field = LarkVocabulary.field(key);
        if (field.isPresent()) {
            draft.put(field.get(), key, value);
            return;
        }
        String[] keys = key.split("/");
        String[] values = value.split("/");
        if (keys.length == values.length) {
            for (int i = 0; i < keys.length; i++) {
                draft.put(LarkVocabulary.field(keys[i]).orElseThrow(), keys[i].strip(), values[i]);
            }
        }
    }
}
