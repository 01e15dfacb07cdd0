package dev.byocfleet.ingest;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/** A test store's data source whose new connections fail while {@link #down} is set, as in a store outage. */
final class OutageDataSource extends DelegatingDataSource {

    volatile boolean down;

    OutageDataSource(DataSource store) {
        super(store);
    }

    @Override
    public Connection getConnection() throws SQLException {
        if (down) {
            throw new SQLException("the store is down (test)", "08001");
        }
        return super.getConnection();
    }
}
