package dev.byocfleet.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.duckdb.DuckDBConnection;
import org.duckdb.DuckDBDriver;
import org.duckdb.DuckDBPreparedStatement;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

class StatementCachingDataSourceTest {

    private static StatementCachingDataSource source(int perConnection) {
        return new StatementCachingDataSource(new DuckDBDriver(), "jdbc:duckdb:", perConnection);
    }

    private static void exec(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static List<Long> ids(PreparedStatement ps) throws SQLException {
        List<Long> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(rs.getLong(1));
            }
        }
        return out;
    }

    @Test
    void theSameTextIsPreparedOnceAndItsParametersAreClearedBetweenUses() throws SQLException {
        try (Connection c = source(8).getConnection()) {
            exec(c, "CREATE TABLE t (id BIGINT, v VARCHAR)");
            exec(c, "INSERT INTO t VALUES (1, 'a'), (2, 'b'), (3, 'a')");
            String sql = "SELECT id FROM t WHERE v = ? ORDER BY id";
            DuckDBPreparedStatement first;
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                first = ps.unwrap(DuckDBPreparedStatement.class);
                ps.setString(1, "a");
                assertThat(ids(ps)).containsExactly(1L, 3L);
            }
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                assertThat(ps.unwrap(DuckDBPreparedStatement.class)).isSameAs(first);
                // the last use's parameter is gone: running without one is an error, not the old answer
                assertThatThrownBy(ps::executeQuery).isInstanceOf(SQLException.class);
            }
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                // the failed run closed that statement for real: a fresh one
                assertThat(ps.unwrap(DuckDBPreparedStatement.class)).isNotSameAs(first);
                ps.setString(1, "b");
                assertThat(ids(ps)).containsExactly(2L);
            }
        }
    }

    @Test
    void aStatementWhoseSettingsWereChangedIsNotHandedOutAgain() throws SQLException {
        try (Connection c = source(8).getConnection()) {
            exec(c, "CREATE TABLE t AS SELECT range AS id FROM range(10)");
            String sql = "SELECT id FROM t ORDER BY id";
            DuckDBPreparedStatement limited;
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                limited = ps.unwrap(DuckDBPreparedStatement.class);
                // DuckDB's driver takes the setting (whether it honours it is its business)
                ps.setMaxRows(2);
                ids(ps);
            }
            assertThat(limited.isClosed()).isTrue();
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                assertThat(ps.unwrap(DuckDBPreparedStatement.class)).isNotSameAs(limited);
                assertThat(ids(ps)).hasSize(10);
            }
        }
    }

    @Test
    void aQueryInsideTheLoopOverTheSameTextsResultsGetsItsOwnStatement() throws SQLException {
        try (Connection c = source(8).getConnection()) {
            exec(c, "CREATE TABLE t AS SELECT range AS id FROM range(3)");
            String sql = "SELECT id FROM t WHERE id >= ? ORDER BY id";
            List<String> pairs = new ArrayList<>();
            try (PreparedStatement outer = c.prepareStatement(sql)) {
                outer.setLong(1, 1);
                try (ResultSet rs = outer.executeQuery()) {
                    while (rs.next()) {
                        long id = rs.getLong(1);
                        try (PreparedStatement inner = c.prepareStatement(sql)) {
                            assertThat(inner.unwrap(DuckDBPreparedStatement.class))
                                    .isNotSameAs(outer.unwrap(DuckDBPreparedStatement.class));
                            inner.setLong(1, id);
                            pairs.add(id + ":" + ids(inner));
                        }
                    }
                }
            }
            assertThat(pairs).containsExactly("1:[1, 2]", "2:[2]");
        }
    }

    @Test
    void aKeptStatementSeesTheTableAsItIsAfterTheCatalogChanged() throws SQLException {
        try (Connection c = source(8).getConnection()) {
            exec(c, "CREATE TABLE t (id BIGINT)");
            exec(c, "INSERT INTO t VALUES (1)");
            String sql = "SELECT * FROM t";
            try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
                assertThat(rs.getMetaData().getColumnCount()).isEqualTo(1);
            }
            exec(c, "DROP TABLE t");
            exec(c, "CREATE TABLE t (id BIGINT, note VARCHAR)");
            exec(c, "INSERT INTO t VALUES (7, 'new')");
            try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
                assertThat(rs.getMetaData().getColumnCount()).isEqualTo(2);
                assertThat(rs.next()).isTrue();
                assertThat(rs.getLong(1)).isEqualTo(7);
                assertThat(rs.getString(2)).isEqualTo("new");
            }
        }
    }

    @Test
    void theLeastRecentlyUsedStatementIsClosedBeyondTheBoundAndClosingTheConnectionClosesTheRest()
            throws SQLException {
        Connection c = source(2).getConnection();
        DuckDBPreparedStatement one = keptFor(c, "SELECT 1");
        DuckDBPreparedStatement two = keptFor(c, "SELECT 2");
        assertThat(keptFor(c, "SELECT 1")).isSameAs(one);
        DuckDBPreparedStatement three = keptFor(c, "SELECT 3");
        assertThat(two.isClosed()).as("least recently used, beyond 2").isTrue();
        assertThat(one.isClosed()).isFalse();
        c.close();
        assertThat(one.isClosed()).isTrue();
        assertThat(three.isClosed()).isTrue();
    }

    private static DuckDBPreparedStatement keptFor(Connection c, String sql) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.executeQuery().close();
            return ps.unwrap(DuckDBPreparedStatement.class);
        }
    }

    @Test
    void aLongGeneratedTextIsPreparedForEachUse() throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT count(*) FROM range(10) WHERE range IN (0");
        for (int i = 1; sql.length() <= StatementCachingDataSource.MAX_KEPT_SQL_LENGTH; i++) {
            sql.append(", ").append(i);
        }
        sql.append(')');
        try (Connection c = source(8).getConnection()) {
            DuckDBPreparedStatement first;
            try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                first = ps.unwrap(DuckDBPreparedStatement.class);
                assertThat(ids(ps)).containsExactly(10L);
            }
            assertThat(first.isClosed()).isTrue();
            try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                assertThat(ps.unwrap(DuckDBPreparedStatement.class)).isNotSameAs(first);
            }
        }
    }

    @Test
    void aClosedStatementCannotBeUsedByItsFormerHolder() throws SQLException {
        try (Connection c = source(8).getConnection()) {
            PreparedStatement ps = c.prepareStatement("SELECT 1");
            ps.close();
            assertThat(ps.isClosed()).isTrue();
            assertThatThrownBy(ps::executeQuery).isInstanceOf(SQLException.class).hasMessageContaining("closed");
        }
    }

    @Test
    void thePoolKeepsStatementsAcrossCheckoutsAndStillHandsOutTheDuckDbConnection() throws SQLException {
        try (HikariDataSource pool = DuckDbDialect.pool("jdbc:duckdb:", 1)) {
            JdbcClient jdbc = JdbcClient.create(pool);
            jdbc.sql("CREATE TABLE t (id BIGINT, v VARCHAR)").update();
            for (int i = 0; i < 5; i++) {
                jdbc.sql("INSERT INTO t VALUES (?, ?)").params(i, "v" + i).update();
            }
            assertThat(jdbc.sql("SELECT v FROM t WHERE id = ?").param(3).query(String.class).single()).isEqualTo("v3");
            assertThat(jdbc.sql("SELECT v FROM t WHERE id = ?").param(4).query(String.class).single()).isEqualTo("v4");
            DuckDBPreparedStatement first;
            try (Connection c = pool.getConnection(); PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM t")) {
                first = ps.unwrap(DuckDBPreparedStatement.class);
                assertThat(ids(ps)).containsExactly(5L);
                assertThat(c.unwrap(DuckDBConnection.class)).isInstanceOf(DuckDBConnection.class);
            }
            try (Connection c = pool.getConnection(); PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM t")) {
                assertThat(ps.unwrap(DuckDBPreparedStatement.class)).isSameAs(first);
                assertThat(ids(ps)).containsExactly(5L);
            }
        }
    }
}
