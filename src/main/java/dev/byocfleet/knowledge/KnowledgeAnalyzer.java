package dev.byocfleet.knowledge;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.FlattenGraphFilter;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.WordDelimiterGraphFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * English text with StarRocks identifiers: {@code starrocks_be_max_tablet_rowset_num},
 * {@code be.WARNING} and {@code OutOfMemoryError} are kept whole and also split into their words, so
 * both the metric name and "tablet rowset" find the document; versions such as {@code 3.3.4} stay one
 * token. Then lower case, English stop words and Porter stems.
 */
final class KnowledgeAnalyzer extends Analyzer {

    private static final int FLAGS = WordDelimiterGraphFilter.GENERATE_WORD_PARTS
            | WordDelimiterGraphFilter.PRESERVE_ORIGINAL
            | WordDelimiterGraphFilter.SPLIT_ON_CASE_CHANGE
            | WordDelimiterGraphFilter.SPLIT_ON_NUMERICS;

    private final boolean forIndexing;

    private KnowledgeAnalyzer(boolean forIndexing) {
        this.forIndexing = forIndexing;
    }

    /** The index needs a flat token stream; queries keep the graph so split words stay together. */
    static KnowledgeAnalyzer forIndexing() {
        return new KnowledgeAnalyzer(true);
    }

    static KnowledgeAnalyzer forQueries() {
        return new KnowledgeAnalyzer(false);
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer tokenizer = new StandardTokenizer();
        TokenStream stream = new WordDelimiterGraphFilter(tokenizer, FLAGS, null);
        if (forIndexing) {
            stream = new FlattenGraphFilter(stream);
        }
        stream = new LowerCaseFilter(stream);
        stream = new StopFilter(stream, EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
        stream = new PorterStemFilter(stream);
        return new TokenStreamComponents(tokenizer, stream);
    }
}
