package dev.byocfleet.support;

import com.zaxxer.hikari.HikariDataSource;
import dev.byocfleet.store.DuckDbDialect;
import dev.byocfleet.store.SchemaMigrator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A migrated DuckDB store in a fresh temporary file, for tests that need no Spring context. */
public final class TestStore implements AutoCloseable {

    private final Path dir;
    private final HikariDataSource dataSource;

    public TestStore() {
        try {
            dir = Files.createTempDirectory("byoc-test-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        dataSource = DuckDbDialect.pool("jdbc:duckdb:" + dir.resolve("test.duckdb"), 4);
        new SchemaMigrator("duckdb").migrate(dataSource);
    }

    public HikariDataSource dataSource() {
        return dataSource;
    }

    public Path dir() {
        return dir;
    }

    @Override
    public void close() {
        dataSource.close();
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a leftover temp folder is harmless
        }
    }
}
