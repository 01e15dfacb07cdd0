package dev.byocfleet.metrics;

import dev.byocfleet.store.Dialect;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Seeds {@code metric_dictionary} without a Spring context, for tests of other packages. */
public final class TestDictionary {

    private TestDictionary() {
    }

    public static void seed(DataSource dataSource, Dialect dialect) {
        new MetricDictionary(new MetricDictionaryRepository(JdbcClient.create(dataSource), dialect)).seed();
    }
}
