package dev.byocfleet.metrics;

import dev.byocfleet.store.Dialect;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class MetricDictionaryRepository {

    private static final List<String> COLUMNS = List.of("metric_name", "category", "unit", "description",
            "aggregation", "direction", "warn_threshold", "crit_threshold");

    private final JdbcClient jdbc;
    private final Dialect dialect;

    MetricDictionaryRepository(JdbcClient jdbc, Dialect dialect) {
        this.jdbc = jdbc;
        this.dialect = dialect;
    }

    void upsert(CanonicalMetric m) {
        jdbc.sql(dialect.upsert("metrics.metric_dictionary", COLUMNS, List.of("metric_name")))
                .params(m.metricName(), m.category(), m.unit(), m.description(), m.aggregation(),
                        m.direction().sqlName(), m.warnThreshold(), m.critThreshold())
                .update();
    }
}
