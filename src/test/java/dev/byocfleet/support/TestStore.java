package dev.byocfleet.support;

import com.zaxxer.hikari.HikariDataSource;
import dev.byocfleet.store.BulkInsert;
import dev.byocfleet.store.DuckDbDialect;
import dev.byocfleet.store.SchemaMigrator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

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

    /**
     * Appends rows (values in the table's column order) to {@code schema.table} through DuckDB's
     * appender: far faster than a JDBC batch, which DuckDB runs as one statement per row.
     */
    public void append(String table, List<Object[]> rows) {
        String[] name = table.split("\\.", 2);
        if (!rows.isEmpty()) {
            BulkInsert.rows(dataSource, new DuckDbDialect(), name[0], name[1], rows.getFirst().length, rows);
        }
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
