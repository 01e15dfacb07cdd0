package dev.byocfleet.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ChunkerTest {

    @Test
    void packsWholeParagraphsUpToTheTarget() {
        String p = "word ".repeat(40).strip();
        List<String> chunks = Chunker.chunks(p + "\n\n" + p + "\n\n" + p);
        assertThat(chunks).hasSize(2);
        assertThat(chunks.getFirst()).isEqualTo(p + "\n\n" + p);
    }

    @Test
    void cutsALongParagraphAtSentenceEnds() {
        String sentence = "This sentence has exactly ten words in it, no more.";
        List<String> chunks = Chunker.chunks((sentence + " ").repeat(20));
        assertThat(chunks).hasSizeGreaterThan(1).allMatch(c -> Chunker.words(c) <= Chunker.TARGET_WORDS);
        assertThat(chunks).allMatch(c -> c.endsWith("more."));
    }

    @Test
    void aShortBodyIsOneChunk() {
        assertThat(Chunker.chunks("  Restart the FE.  ")).containsExactly("Restart the FE.");
    }
}
