package dev.byocfleet.metrics;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Service;

/** Keeps {@code metric_dictionary} equal to {@link CanonicalMetric} (seeded on every start). */
@Service
public class MetricDictionary implements InitializingBean {

    private final MetricDictionaryRepository repository;

    public MetricDictionary(MetricDictionaryRepository repository) {
        this.repository = repository;
    }

    @Override
    public void afterPropertiesSet() {
        seed();
    }

    public void seed() {
        for (CanonicalMetric m : CanonicalMetric.values()) {
            repository.upsert(m);
        }
    }
}
