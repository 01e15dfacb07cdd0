package dev.byocfleet.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole application on a random port with an empty store of its own. Every subclass gets the
 * same cached context, so they share one store: a per-class {@code @TempDir} would be deleted
 * while the cached context still has its DuckDB file open. Subclasses load what they need with
 * idempotent fixture scripts.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "byoc.demo.preset=none",
        "byoc.metrics.refresh-enabled=false",
        // Contexts with different configurations share DATA_DIR; a Lucene folder takes one writer.
        "byoc.knowledge.index-dir=memory"})
@AutoConfigureRestTestClient
public abstract class AppTestBase {

    private static final Path DATA_DIR = createDataDir();

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        registry.add("byoc.store.data-dir", DATA_DIR::toString);
    }

    private static Path createDataDir() {
        try {
            Path dir = Files.createTempDirectory("byoc-it-");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(dir)));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path dir) {
        try (var files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a leftover temp folder is harmless
        }
    }
}
