package dev.byocfleet.store;

import java.sql.Connection;
import java.sql.SQLException;
import org.springframework.jdbc.datasource.AbstractDataSource;

/** The application's DataSource: the store's pool once {@link StoreAvailability} has opened it, a fast failure before. */
final class StoreDataSource extends AbstractDataSource {

    private final StoreAvailability store;

    StoreDataSource(StoreAvailability store) {
        this.store = store;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return store.pool().getConnection();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return store.pool().getConnection(username, password);
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        return store.pool().unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return type.isInstance(this) || (store.available() && store.pool().isWrapperFor(type));
    }
}
