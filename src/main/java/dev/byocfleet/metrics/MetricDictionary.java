package dev.byocfleet.metrics;

import dev.byocfleet.store.StoreAvailability;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Service;

/** Keeps {@code metric_dictionary} equal to {@link CanonicalMetric} (seeded on every start). */
@Service
public class MetricDictionary {

    private final MetricDictionaryRepository repository;

    public MetricDictionary(MetricDictionaryRepository repository) {
        this.repository = repository;
    }

    /** Seeds as soon as the store is open: at start-up, or later when the server had to wait for it. */
    @Component
    static class Seeding {
        Seeding(MetricDictionary dictionary, StoreAvailability store) {
            store.whenAvailable("seeding the metric dictionary", dictionary::seed);
        }
    }

    public void seed() {
        for (CanonicalMetric m : CanonicalMetric.values()) {
            repository.upsert(m);
        }
    }
}
