package dev.byocfleet.demo;

import dev.byocfleet.ingest.IngestTestWiring;
import dev.byocfleet.ingest.lark.LarkTestWiring;
import dev.byocfleet.ingest.webhook.WebhookTestWiring;
import dev.byocfleet.metrics.SnapshotChanges;
import dev.byocfleet.metrics.TestRefreshers;
import dev.byocfleet.store.DuckDbDialect;
import dev.byocfleet.store.StoreProperties;
import dev.byocfleet.support.TestStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/** A temporary store with a generated fleet, for tests. */
final class DemoFixture implements AutoCloseable {

    static final LocalDateTime END = LocalDateTime.of(2026, 11, 29, 0, 0);

    final TestStore store = new TestStore();
    final JdbcTemplate jdbc = new JdbcTemplate(store.dataSource());
    final DemoGenerator generator;
    GenerateReport report;

    DemoFixture() {
        var dialect = new DuckDbDialect();
        var props = new StoreProperties("duckdb", store.dir(), "test.duckdb", null, null, null, 4);
        var clusters = IngestTestWiring.clusterDirectory(store.dataSource());
        generator = new DemoGenerator(store.dataSource(), dialect, props,
                TestRefreshers.create(store.dataSource(), dialect), LarkTestWiring.loader(store.dataSource(), dialect, clusters),
                clusters, WebhookTestWiring.intake(store.dataSource(), dialect, clusters), new SnapshotChanges(dialect));
    }

    static DemoFixture tiny(long seed, String scenarioYaml) {
        DemoFixture f = new DemoFixture();
        List<Path> scenarios = List.of();
        if (scenarioYaml != null) {
            try {
                Path file = f.store.dir().resolve("scenario.yml");
                Files.writeString(file, scenarioYaml);
                scenarios = List.of(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        f.report = f.generator.generate(new GenerateOptions(Preset.TINY, seed, END, scenarios, false, null));
        return f;
    }

    Path dataDir() {
        return store.dir();
    }

    @Override
    public void close() {
        store.close();
    }
}
