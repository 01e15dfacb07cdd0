package dev.byocfleet.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.JdbcTemplate;

class StoreAvailabilityTest {

    /** A local port nobody listens on. */
    private static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static StoreProperties starRocksAt(int port) {
        return new StoreProperties("starrocks", Path.of("unused"), null,
                "jdbc:mysql://127.0.0.1:" + port + "/?connectTimeout=1000", "root", "", 2);
    }

    @Test
    void aServerStartsWithStarRocksUnreachableAndEveryConnectionFailsFastNamingWhy() throws Exception {
        List<String> ran = new ArrayList<>();
        try (StoreAvailability store = new StoreAvailability(new StarRocksDialect(), starRocksAt(closedPort()), true,
                Duration.ofSeconds(1))) {
            assertThat(store.available()).isFalse();
            assertThat(store.problem()).hasValueSatisfying(p -> assertThat(p).contains("unreachable"));
            assertThat(store.outageNote()).startsWith(" (").contains("unreachable");
            assertThatThrownBy(store::pool).isInstanceOfSatisfying(SQLException.class,
                    e -> assertThat(e.getSQLState()).isEqualTo("08001"));
            // what repositories see: a resource failure, which the web layer answers with 503
            JdbcTemplate jdbc = new JdbcTemplate(new StoreDataSource(store));
            assertThatThrownBy(() -> jdbc.queryForObject("SELECT 1", Integer.class))
                    .isInstanceOf(DataAccessResourceFailureException.class)
                    .rootCause().hasMessageContaining("unreachable");
            store.whenAvailable("recording", () -> ran.add("ran"));
            assertThat(ran).isEmpty();
        }
    }

    @Test
    void aCommandLineRunFailsAtOnceWhenStarRocksIsUnreachable() throws Exception {
        StoreProperties props = starRocksAt(closedPort());
        assertThatThrownBy(() -> new StoreAvailability(new StarRocksDialect(), props, false, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("schema migration failed on starrocks");
    }

    @Test
    void anOpenStoreRunsWorkAtOnceAndHandsOutConnections(@TempDir Path dir) throws Exception {
        List<String> ran = new ArrayList<>();
        StoreProperties props = new StoreProperties("duckdb", dir, "t.duckdb", null, null, null, 2);
        try (StoreAvailability store = new StoreAvailability(new DuckDbDialect(), props, true, Duration.ofSeconds(1))) {
            assertThat(store.available()).isTrue();
            assertThat(store.problem()).isEmpty();
            assertThat(store.outageNote()).isEmpty();
            store.whenAvailable("recording", () -> ran.add("ran"));
            assertThat(ran).containsExactly("ran");
            assertThat(new JdbcTemplate(new StoreDataSource(store))
                    .queryForObject("SELECT count(*) FROM alerts.schema_version", Long.class)).isPositive();
        }
    }

    @Test
    void describesALockedDuckDbFileWithoutItsPath() {
        var failure = new IllegalStateException("pool failed", new SQLException("IO Error: Could not set lock on file "
                + "\"/secret/path/byoc-fleet.duckdb\": Conflicting lock is held in /usr/bin/java (PID 4242) by user root."));
        assertThat(StoreAvailability.describe(failure))
                .isEqualTo("the DuckDB file is locked by another process (PID 4242)");
    }
}
