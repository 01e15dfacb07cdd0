package dev.byocfleet.metrics;

import dev.byocfleet.store.Dialect;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Builds the refresher without a Spring context, for tests of other packages. */
public final class TestRefreshers {

    private TestRefreshers() {
    }

    public static HourlySnapshotRefresher create(DataSource dataSource, Dialect dialect) {
        return create(dataSource, dialect, new SnapshotChanges(dialect));
    }

    /** Reporting the hours it rewrites to {@code changes}. */
    public static HourlySnapshotRefresher create(DataSource dataSource, Dialect dialect, SnapshotChanges changes) {
        return new HourlySnapshotRefresher(new SnapshotRepository(JdbcClient.create(dataSource), dialect), dialect,
                new TransactionTemplate(new JdbcTransactionManager(dataSource)), changes);
    }
}
