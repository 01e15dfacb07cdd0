package dev.byocfleet.store;

import java.sql.SQLException;

/** Appends whole rows to one table in bulk; closing flushes what is buffered. */
public interface TableWriter extends AutoCloseable {

    void row(Object... values) throws SQLException;

    long rowsWritten();

    @Override
    void close() throws SQLException;
}
