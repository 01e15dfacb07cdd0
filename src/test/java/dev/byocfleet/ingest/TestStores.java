package dev.byocfleet.ingest;

import dev.byocfleet.store.DuckDbDialect;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import dev.byocfleet.ingest.webhook.WebhookProperties;

/** Ingest pieces wired by hand over a test store, for tests outside this package. */
public final class TestStores {

    private TestStores() {
    }

    public static AlertStore alertStore(DataSource dataSource) {
        return alertStore(dataSource, List.of());
    }

    /** An alert store that tells {@code listeners} about what it stored, as the application's does. */
    public static AlertStore alertStore(DataSource dataSource, List<AlertsStoredListener> listeners) {
        return new AlertStore(new AlertRepository(JdbcClient.create(dataSource), new JdbcTemplate(dataSource),
                new DuckDbDialect()), new TransactionTemplate(new DataSourceTransactionManager(dataSource)), listeners);
    }

    /** The webhook sources as Spring makes them (they are package-private in their own packages). */
    public static List<AlertSource> webhookSources(ClusterDirectory clusters, WebhookProperties props) {
        try (AnnotationConfigApplicationContext ctx = new AnnotationConfigApplicationContext()) {
            DefaultListableBeanFactory beans = ctx.getDefaultListableBeanFactory();
            beans.registerSingleton("clusterDirectory", clusters);
            beans.registerSingleton("webhookProperties", props);
            ctx.scan("dev.byocfleet.ingest.source.alertmanager", "dev.byocfleet.ingest.source.grafana");
            ctx.refresh();
            return new ArrayList<>(ctx.getBeansOfType(AlertSource.class).values());
        }
    }
}
