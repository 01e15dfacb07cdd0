package dev.byocfleet.store;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;

/**
 * {@code store} in {@code /actuator/health} (in place of Spring's {@code db}, which logs a stack trace
 * on every failed probe): DOWN with the reason as the status description, which is shown even without
 * details, while the server waits for a store that was unreachable at start-up or when an open store
 * stops answering.
 */
@Component("store")
class StoreHealthIndicator implements HealthIndicator {

    private static final int VALIDATION_SECONDS = 2;

    private final StoreAvailability store;
    private final DataSource dataSource;

    StoreHealthIndicator(StoreAvailability store, DataSource dataSource) {
        this.store = store;
        this.dataSource = dataSource;
    }

    @Override
    public Health health() {
        if (!store.available()) {
            return down(store.problem().orElse("the store is being opened"));
        }
        try (Connection c = dataSource.getConnection()) {
            return c.isValid(VALIDATION_SECONDS) ? Health.up().build() : down("the store does not answer");
        } catch (SQLException e) {
            return down(StoreAvailability.describe(e));
        }
    }

    private static Health down(String reason) {
        return Health.status(new Status(Status.DOWN.getCode(), reason)).build();
    }
}
