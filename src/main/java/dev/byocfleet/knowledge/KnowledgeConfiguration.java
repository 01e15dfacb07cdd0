package dev.byocfleet.knowledge;

import dev.byocfleet.store.StoreProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/**
 * The embedding model and the index. Both are lazy: a command-line run that never searches neither
 * loads the model nor locks the index folder.
 */
@Configuration(proxyBeanMethods = false)
class KnowledgeConfiguration {

    static final String MEMORY = "memory";

    /** Not an Executor bean: one would displace Spring Boot's application task executor. */
    @Bean(destroyMethod = "close")
    @Lazy
    TextEmbedder textEmbedder() {
        return new TextEmbedder(2);
    }

    @Bean(destroyMethod = "close")
    @Lazy
    KnowledgeIndex knowledgeIndex(KnowledgeProperties props, StoreProperties store, TextEmbedder embedder) {
        return new KnowledgeIndex(directory(props, store), embedder);
    }

    static Directory directory(KnowledgeProperties props, StoreProperties store) {
        if (MEMORY.equalsIgnoreCase(props.indexDir())) {
            return new ByteBuffersDirectory();
        }
        Path dir = props.indexDir().isEmpty() ? store.dataDir().resolve("knowledge-index") : Path.of(props.indexDir());
        try {
            Files.createDirectories(dir);
            return FSDirectory.open(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the knowledge index folder " + dir, e);
        }
    }
}
