package dev.byocfleet.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * Appends computed rows to a table through the dialect's bulk writer, on the connection of the
 * surrounding Spring transaction when there is one (so a delete before it and the rows commit
 * together). Values follow the table's column order.
 */
public final class BulkInsert {

    private BulkInsert() {
    }

    public static long rows(DataSource dataSource, Dialect dialect, String schema, String table, int columnCount,
                            List<Object[]> rows) {
        if (rows.isEmpty()) {
            return 0;
        }
        Connection c;
        try {
            c = DataSourceUtils.getConnection(dataSource);
        } catch (org.springframework.jdbc.CannotGetJdbcConnectionException e) {
            throw new DataAccessResourceFailureException("cannot write " + schema + "." + table, e);
        }
        try (TableWriter writer = dialect.openWriter(c, schema, table, columnCount)) {
            for (Object[] row : rows) {
                writer.row(row);
            }
            return writer.rowsWritten();
        } catch (SQLException e) {
            throw new UncategorizedSQLException("bulk insert into " + schema + "." + table, null, e);
        } finally {
            DataSourceUtils.releaseConnection(c, dataSource);
        }
    }
}
