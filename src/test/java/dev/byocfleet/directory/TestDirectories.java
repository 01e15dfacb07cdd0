package dev.byocfleet.directory;

import dev.byocfleet.store.DuckDbDialect;
import java.time.Duration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Directories for tests outside this package that build their services by hand. */
public final class TestDirectories {

    private TestDirectories() {
    }

    /** A directory over a DuckDB store that checks the replica on every read. */
    public static FleetDirectory checkingEveryRead(JdbcClient jdbc) {
        return new FleetDirectory(new DirectoryRepository(jdbc, new DuckDbDialect()), Duration.ZERO, System::nanoTime);
    }
}
