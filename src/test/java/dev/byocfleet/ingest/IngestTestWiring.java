package dev.byocfleet.ingest;

import dev.byocfleet.store.Dialect;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The ingest services on a plain data source, for tests that run without a Spring context. */
public final class IngestTestWiring {

    private IngestTestWiring() {
    }

    public static AlertStore alertStore(DataSource ds, Dialect dialect) {
        return new AlertStore(new AlertRepository(JdbcClient.create(ds), new JdbcTemplate(ds), dialect),
                new TransactionTemplate(new DataSourceTransactionManager(ds)));
    }

    public static ClusterDirectory clusterDirectory(DataSource ds) {
        return new ClusterDirectory(new ClusterDirectoryRepository(JdbcClient.create(ds)));
    }
}
