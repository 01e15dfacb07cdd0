package dev.byocfleet.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The forecasts trust {@link SnapshotChanges} to learn of every write to the snapshot table on the
 * embedded store, so every class that writes it is known here, with who reports its writes. A new
 * writer fails this test until it reports (or its caller does) and is added below.
 */
class SnapshotWritersTest {

    private static final Pattern WRITES = Pattern.compile(
            "(INSERT INTO|DELETE FROM|UPDATE) metrics\\.amv_hourly_snapshots_v1|snapshotBackfillTable\\(\\)");

    /** Each writer and where its writes are reported. */
    private static final Map<String, String> KNOWN = Map.of(
            "metrics/SnapshotRepository.java", "HourlySnapshotRefresher reports the hours after each refresh",
            "agents/EvalRepository.java", "reports anything after replacing or removing a case's rows",
            "demo/DemoGenerator.java", "reports anything after every generation",
            "demo/MetricsWriter.java", "only DemoGenerator.generate runs it");

    @Test
    void everyWriterOfTheSnapshotTableIsOneWhoseWritesAreReported() throws IOException {
        Path root = Path.of("src/main/java/dev/byocfleet");
        Set<String> writers;
        try (Stream<Path> files = Files.walk(root)) {
            writers = files.filter(f -> f.toString().endsWith(".java"))
                    .filter(f -> !f.startsWith(root.resolve("store")))
                    .filter(f -> WRITES.matcher(read(f)).find())
                    .map(f -> root.relativize(f).toString().replace('\\', '/'))
                    .collect(Collectors.toSet());
        }
        assertThat(writers)
                .as("classes that write metrics.amv_hourly_snapshots_v1: a new one must report to SnapshotChanges")
                .containsExactlyInAnyOrderElementsOf(KNOWN.keySet());
    }

    private static String read(Path f) {
        try {
            return Files.readString(f);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
