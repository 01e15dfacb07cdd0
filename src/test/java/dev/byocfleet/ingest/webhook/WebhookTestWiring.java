package dev.byocfleet.ingest.webhook;

import dev.byocfleet.ingest.ClusterDirectory;
import dev.byocfleet.ingest.IngestTestWiring;
import dev.byocfleet.ingest.TestStores;
import dev.byocfleet.store.Dialect;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.unit.DataSize;

/** The webhook intake on a plain data source, wired as Spring wires it, for tests outside this package. */
public final class WebhookTestWiring {

    private WebhookTestWiring() {
    }

    /** An intake with no credentials configured: HTTP requests get 503, in-process replays are taken. */
    public static WebhookIntake intake(DataSource ds, Dialect dialect, ClusterDirectory clusters) {
        var props = new WebhookProperties(null, null, null, DataSize.ofMegabytes(1),
                new WebhookProperties.Grafana(null, null, null, null));
        return new WebhookIntake(TestStores.webhookSources(clusters, props), IngestTestWiring.alertStore(ds, dialect),
                props, new WebhookRuns(new WebhookRunRepository(new JdbcTemplate(ds), dialect)), new SimpleMeterRegistry());
    }
}
