package dev.byocfleet.recommend;

import dev.byocfleet.store.Dialect;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The recommendation service on a plain data source, for tests without a Spring context. */
public final class RecommendTestWiring {

    private RecommendTestWiring() {
    }

    public static AlertRecommendations recommendations(DataSource ds, Dialect dialect) {
        return new AlertRecommendations(new RecommendationRepository(JdbcClient.create(ds), dialect),
                new TransactionTemplate(new DataSourceTransactionManager(ds)));
    }
}
