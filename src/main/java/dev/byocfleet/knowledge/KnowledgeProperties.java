package dev.byocfleet.knowledge;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Bound from {@code byoc.knowledge.*}.
 *
 * @param indexDir      folder of the Lucene index; blank means {@code <data dir>/knowledge-index},
 *                      {@code memory} keeps it in memory (rebuilt on every start)
 * @param syncInterval  how often the index is brought level with the table (other replicas' edits)
 * @param starterCorpus load the documents shipped in the jar into an empty table on start
 */
@ConfigurationProperties("byoc.knowledge")
public record KnowledgeProperties(String indexDir, Duration syncInterval, boolean starterCorpus) {

    public KnowledgeProperties {
        indexDir = indexDir == null ? "" : indexDir.strip();
        syncInterval = syncInterval == null || syncInterval.isNegative() || syncInterval.isZero()
                ? Duration.ofMinutes(5) : syncInterval;
    }
}
