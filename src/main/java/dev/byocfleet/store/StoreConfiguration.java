package dev.byocfleet.store;

import java.time.Duration;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.context.WebApplicationContext;

/** Picks the dialect from {@code byoc.store.kind} and hands out a pool whose schema is current. */
@Configuration(proxyBeanMethods = false)
public class StoreConfiguration {

    @Bean
    Dialect dialect(StoreProperties props) {
        return dialectFor(props.kind());
    }

    public static Dialect dialectFor(String kind) {
        return switch (kind) {
            case "duckdb" -> new DuckDbDialect();
            case "starrocks" -> new StarRocksDialect();
            default -> throw new IllegalStateException("BYOC_STORE must be duckdb or starrocks, not '" + kind + "'");
        };
    }

    /**
     * Migrating while opening means nothing reaches the store before its schema is current. The server
     * waits for an unreachable store in the background; a command-line run fails at once instead.
     */
    @Bean
    StoreAvailability storeAvailability(Dialect dialect, StoreProperties props, ApplicationContext context,
                                        @Value("${byoc.store.reconnect-max-pause:PT30S}") Duration maxPause) {
        return new StoreAvailability(dialect, props, context instanceof WebApplicationContext, maxPause);
    }

    @Bean
    DataSource dataSource(StoreAvailability store) {
        return new StoreDataSource(store);
    }
}
