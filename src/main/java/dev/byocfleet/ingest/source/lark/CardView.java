package dev.byocfleet.ingest.source.lark;

import java.util.List;

/**
 * A message's body.content reduced to what every shape has in common: a title (null when there is
 * none) and rows of runs. A row is one card component, one line of a post, or the whole text of a
 * text message.
 *
 * @param paragraphs true when rows are lines of one piece of text (posts, texts) rather than
 *                   separate card components
 */
record CardView(String title, List<Row> rows, boolean paragraphs) {

    /** A piece of text in a row: {@code a} runs keep their link. */
    record Run(String text, String href) {

        static Run text(String text) {
            return new Run(text, null);
        }
    }

    /** One row; {@code rule} marks a horizontal rule, {@code note} a footer note. */
    record Row(List<Run> runs, boolean rule, boolean note) {

        static Row horizontalRule() {
            return new Row(List.of(), true, false);
        }
    }
}
