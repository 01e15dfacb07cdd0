package dev.byocfleet.knowledge;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a document body into passages for the embedding model: whole paragraphs (Markdown blocks)
 * packed up to about {@link #TARGET_WORDS} words, a longer paragraph cut at sentence ends. The model
 * reads at most 256 word pieces, so a passage of this size is seen whole.
 */
final class Chunker {

    static final int TARGET_WORDS = 90;
    /** Bump when the cutting changes: an index built with another version is rebuilt. */
    static final String VERSION = "paragraphs-90w-v1";

    private Chunker() {
    }

    static List<String> chunks(String body) {
        List<String> pieces = new ArrayList<>();
        for (String paragraph : body.strip().split("\\n\\s*\\n")) {
            String p = paragraph.strip();
            if (p.isEmpty()) {
                continue;
            }
            if (words(p) <= TARGET_WORDS) {
                pieces.add(p);
            } else {
                pieces.addAll(sentenceGroups(p));
            }
        }
        return pack(pieces, "\n\n");
    }

    private static List<String> sentenceGroups(String paragraph) {
        return pack(List.of(paragraph.split("(?<=[.!?;])\\s+")), " ");
    }

    /** Joins consecutive pieces with {@code separator} while the total stays within the target. */
    private static List<String> pack(List<String> pieces, String separator) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int currentWords = 0;
        for (String piece : pieces) {
            int w = words(piece);
            if (currentWords > 0 && currentWords + w > TARGET_WORDS) {
                out.add(current.toString());
                current.setLength(0);
                currentWords = 0;
            }
            if (!current.isEmpty()) {
                current.append(separator);
            }
            current.append(piece);
            currentWords += w;
        }
        if (!current.isEmpty()) {
            out.add(current.toString());
        }
        return out;
    }

    static int words(String text) {
        String t = text.strip();
        return t.isEmpty() ? 0 : t.split("\\s+").length;
    }
}
