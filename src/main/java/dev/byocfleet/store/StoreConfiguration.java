package dev.byocfleet.store;

import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

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

    /** Migrating here means nothing can reach the store before its schema is current. */
    @Bean
    DataSource dataSource(Dialect dialect, StoreProperties props) {
        DataSource ds = dialect.openDataSource(props);
        new SchemaMigrator(dialect.name()).migrate(ds);
        return ds;
    }
}
