package dev.byocfleet.ingest.lark;

import dev.byocfleet.auth.AccessGuard;
import dev.byocfleet.ingest.ClusterDirectory;
import dev.byocfleet.ingest.IngestTestWiring;
import dev.byocfleet.ingest.source.lark.LarkMessageParser;
import dev.byocfleet.recommend.RecommendTestWiring;
import dev.byocfleet.store.Dialect;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The Lark pipeline and loader on a plain data source, wired as Spring wires them. */
public record LarkTestWiring(IngestRuns runs, LarkPipeline pipeline, LarkLoader loader) {

    public static LarkTestWiring of(DataSource ds, Dialect dialect, LarkProperties props) {
        return of(ds, dialect, props, IngestTestWiring.clusterDirectory(ds));
    }

    static LarkTestWiring of(DataSource ds, Dialect dialect, LarkProperties props, ClusterDirectory directory) {
        var intake = new LarkIntake(new LarkMessageParser(directory), IngestTestWiring.alertStore(ds, dialect));
        var runs = new IngestRuns(new IngestRunRepository(JdbcClient.create(ds), dialect));
        var recommendations = RecommendTestWiring.recommendations(ds, dialect);
        return new LarkTestWiring(runs, new LarkPipeline(props, new LarkClient(props), intake, runs, recommendations,
                new AccessGuard()),
                new LarkLoader(intake, runs, recommendations));
    }

    /** The loader alone, resolving clusters with this directory, for the demo generator (no Lark app needed). */
    public static LarkLoader loader(DataSource ds, Dialect dialect, ClusterDirectory directory) {
        return of(ds, dialect, new LarkProperties(null, null, null, null, null, null, null, null, null, null, null, null),
                directory).loader();
    }
}
