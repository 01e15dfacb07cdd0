package dev.byocfleet.demo;

import dev.byocfleet.ingest.ClusterDirectory;
import dev.byocfleet.ingest.lark.IngestRun;
import dev.byocfleet.ingest.lark.LarkLoader;
import dev.byocfleet.ingest.webhook.WebhookIntake;
import dev.byocfleet.ingest.webhook.WebhookReceipt;
import dev.byocfleet.metrics.HourlySnapshotRefresher;
import dev.byocfleet.metrics.SnapshotChanges;
import dev.byocfleet.store.Dialect;
import dev.byocfleet.store.StoreProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Generates a deterministic demo fleet into the configured store: the control plane, customer
 * profiles, telemetry (raw samples for the recent window, rolled up by the application; hourly
 * snapshots before it), CCU billing, incidents from scenario files with their alerts, the alert
 * payload files the ingestion paths read, and the ground truth beside the database. The alerts
 * reach {@code lark_alerts} the way real ones do: the saved MCP results of the alert chat
 * ({@code alerts/mcp/}) go through the Lark loader, its parser and its deduplicating store, as one
 * {@code lark_loader} run requested by {@code demo-generator}; the Alertmanager and Grafana webhook
 * bodies ({@code alerts/alertmanager/}, {@code alerts/grafana/}) go through the webhook intake (its
 * parser, deduplication and durable write), each received at the time it was sent. Every row then
 * depends only on the files (received_at is the message's create_time or the body's send time),
 * except {@code ingest_run_id}, a random run id.
 */
@Service
public class DemoGenerator {

    private static final Logger log = LoggerFactory.getLogger(DemoGenerator.class);

    /** Tables the generator fills, cleared by {@code --replace}. */
    static final List<String> TABLES = List.of("byoc.organization", "byoc.account", "byoc.deployment_credential",
            "byoc.data_credential", "byoc.network_config", "byoc.cluster", "byoc.cluster_resource", "byoc.node",
            "byoc.vm_spec", "byoc.ccu_rate", "byoc.cluster_action", "byoc.cluster_state_history",
            "byoc.autoscaling_policy", "byoc.bill_detail", "byoc.billing_order", "byoc.ccu_weekly_rollup",
            "metrics.metrics_table", "metrics.amv_hourly_snapshots_v1", "metrics.rollup_state",
            "metrics.dim_customer_profile", "alerts.lark_alerts");

    /** What ingesting the generated alerts adds; cleared by {@code --replace} with the alerts they describe. */
    static final List<String> INGESTION_TABLES = List.of("alerts.ingest_runs", "alerts.alert_recommendations");

    /** The Lark chat the demo alert channel lives in. */
    static final String CHAT_ID = "oc_5f1c0a9e7d3b2a1908f6e4c2b0a9d8e7";

    private final DataSource dataSource;
    private final Dialect dialect;
    private final StoreProperties store;
    private final HourlySnapshotRefresher refresher;
    private final LarkLoader larkLoader;
    private final ClusterDirectory clusters;
    private final WebhookIntake webhooks;
    /** Told after a generation that the snapshot table may have changed anywhere. */
    private final SnapshotChanges snapshotChanges;

    public DemoGenerator(DataSource dataSource, Dialect dialect, StoreProperties store,
                         HourlySnapshotRefresher refresher, LarkLoader larkLoader, ClusterDirectory clusters,
                         WebhookIntake webhooks, SnapshotChanges snapshotChanges) {
        this.dataSource = dataSource;
        this.dialect = dialect;
        this.store = store;
        this.refresher = refresher;
        this.larkLoader = larkLoader;
        this.clusters = clusters;
        this.webhooks = webhooks;
        this.snapshotChanges = snapshotChanges;
    }

    /** Whether the store holds no fleet yet. */
    public boolean storeIsEmpty() {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             var rs = s.executeQuery("SELECT count(*) FROM byoc.cluster")) {
            rs.next();
            return rs.getLong(1) == 0;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the store: " + e.getMessage(), e);
        }
    }

    public GenerateReport generate(GenerateOptions options) {
        try {
            return write(options);
        } finally {
            // the metrics writer backfills snapshot rows directly and a replace clears them
            snapshotChanges.all();
        }
    }

    private GenerateReport write(GenerateOptions options) {
        long started = System.nanoTime();
        Preset preset = options.preset();
        if (!options.replace() && !storeIsEmpty()) {
            throw new IllegalStateException("the store already holds a fleet; generate with --replace to overwrite it");
        }
        log.info("generating the {} preset (seed {}, end {})", preset.id(), options.seed(), options.end());
        Plan plan = plan(options);
        FleetModel fleet = plan.fleet();
        MetricModel model = plan.model();
        List<Incident> incidents = plan.incidents();
        List<DemoAlert> alerts = plan.alerts();

        Map<String, Long> counts = new LinkedHashMap<>();
        Path dataDir = store.dataDir().toAbsolutePath();
        Path alertDir = dataDir.resolve("alerts");
        try {
            if (options.replace()) {
                clear();
            }
            log.info("planned {} incidents and {} alerts ({} ms)", incidents.size(), alerts.size(), since(started));
            try (Connection c = dataSource.getConnection()) {
                new FleetTables(fleet, dialect, counts).write(c);
            }
            log.info("control plane written ({} ms)", since(started));
            int rawHours = options.rawHours() != null ? options.rawHours() : preset.rawHours();
            new MetricsWriter(fleet, model, dialect, rawHours).write(dataSource,
                    Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors())), counts);
            log.info("telemetry written ({} ms)", since(started));
            try (Connection c = dataSource.getConnection()) {
                new BillingWriter(fleet, dialect).write(c, counts);
            }
            log.info("billing written ({} ms)", since(started));
            new AlertPayloads(fleet, options.seed(), CHAT_ID).writeAll(alertDir, alerts);
        } catch (SQLException e) {
            throw new IllegalStateException("writing the demo fleet failed: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("writing the alert files failed", e);
        }
        ingestAlerts(alertDir, counts);
        WebhookReplayed replayed = replayWebhooks(alertDir, alerts);
        counts.put("alerts.lark_alerts (from webhooks)", (long) replayed.inserted());
        log.info("alerts ingested ({} ms)", since(started));
        var refresh = refresher.refresh(true);
        counts.put("metrics.amv_hourly_snapshots_v1 (rolled up)", refresh.rowsWritten());
        Path truth = GroundTruth.write(dataDir, options, incidents, alerts);
        long millis = (System.nanoTime() - started) / 1_000_000;
        GenerateReport report = new GenerateReport(preset.id(), options.seed(), counts, incidents.size(),
                alerts.size(), truth, alertDir, millis);
        log.info(report.describe());
        return report;
    }

    /** Loads the alert chat's saved MCP results as the Lark loader would load anyone's. */
    private void ingestAlerts(Path alertDir, Map<String, Long> counts) {
        clusters.invalidate();
        LarkLoader.LoadReport load = larkLoader.load(alertDir.resolve("mcp"), "demo-generator");
        IngestRun run = load.run();
        if (!load.problems().isEmpty()) {
            throw new IllegalStateException("loading the generated Lark pages failed: " + load.problems());
        }
        counts.put("alerts.lark_alerts", (long) run.alertsInserted());
        counts.put("alerts.lark_alerts (unparsed)", (long) run.unparsed());
        counts.put("alerts.alert_recommendations", (long) run.detail().recommendations());
    }

    /** What pushing the webhook bodies through the intake did: bodies sent, alerts new and already stored. */
    record WebhookReplayed(int bodies, int inserted, int duplicates) {}

    /**
     * Pushes the generated webhook bodies under {@code alertDir} through the webhook intake, as
     * Alertmanager and Grafana would have sent them: in file order, each received when it was sent
     * (the send times of {@code alerts}' notifications, which wrote those files). Idempotent: a
     * second replay finds every alert stored and adds nothing.
     */
    WebhookReplayed replayWebhooks(Path alertDir, List<DemoAlert> alerts) {
        clusters.invalidate();
        int bodies = 0;
        int inserted = 0;
        int duplicates = 0;
        for (String source : List.of("alertmanager", "grafana")) {
            List<WebhookBodies.Notification> sent = WebhookBodies.notifications(alerts, source);
            List<Path> files;
            try (var listing = Files.list(alertDir.resolve(source))) {
                files = listing.filter(p -> p.getFileName().toString().matches("[0-9]+\\.json")).sorted().toList();
            } catch (IOException e) {
                throw new UncheckedIOException("reading the generated " + source + " webhook bodies failed", e);
            }
            if (files.size() != sent.size()) {
                throw new IllegalStateException(alertDir.resolve(source) + " holds " + files.size()
                        + " bodies, the fleet's alerts make " + sent.size() + "; regenerate");
            }
            for (int i = 0; i < files.size(); i++) {
                byte[] body;
                try {
                    body = Files.readAllBytes(files.get(i));
                } catch (IOException e) {
                    throw new UncheckedIOException("reading " + files.get(i) + " failed", e);
                }
                WebhookReceipt receipt = webhooks.replay(source, body, sent.get(i).sentAt());
                bodies++;
                inserted += receipt.inserted();
                duplicates += receipt.duplicates();
            }
        }
        webhooks.awaitGrouping();
        log.info("webhook bodies replayed: {} bodies, {} new alerts, {} already stored", bodies, inserted, duplicates);
        return new WebhookReplayed(bodies, inserted, duplicates);
    }

    /** The fleet, its incidents and their alerts, before anything is written. */
    record Plan(FleetModel fleet, MetricModel model, List<Incident> incidents, List<DemoAlert> alerts) {}

    /** Plans the fleet of these options; deterministic in the preset, seed, end and scenarios. */
    static Plan plan(GenerateOptions options) {
        Preset preset = options.preset();
        FleetBuilder builder = new FleetBuilder(preset, options.seed(), options.end());
        FleetModel fleet = builder.build();

        List<Scenario> scenarios = new ArrayList<>();
        if (preset.builtInScenarios()) {
            scenarios.addAll(ScenarioLoader.builtIn());
        }
        for (Path p : options.scenarios()) {
            scenarios.addAll(ScenarioLoader.load(p));
        }
        IncidentPlanner planner = new IncidentPlanner(fleet, builder, options.seed());
        List<Incident> incidents = new ArrayList<>();
        for (Scenario s : scenarios) {
            incidents.add(planner.place(s));
        }
        int background = preset.clusters() * preset.backgroundIncidentsPer100Clusters() / 100;
        for (Scenario s : planner.backgroundScenarios(background)) {
            try {
                incidents.add(planner.place(s));
            } catch (IllegalArgumentException noFit) {
                log.debug("background incident skipped: {}", noFit.getMessage());
            }
        }
        NodeReconciler.reconcile(fleet, builder);

        MetricModel model = new MetricModel(fleet);
        AlertPlanner alertPlanner = new AlertPlanner(fleet, model, options.seed());
        List<DemoAlert> alerts = new ArrayList<>();
        for (Incident inc : incidents) {
            alerts.addAll(alertPlanner.forIncident(inc));
        }
        alerts.addAll(alertPlanner.noise(preset.noiseAlertsPerClusterDay()));
        return new Plan(fleet, model, incidents, AlertPlanner.inTimeOrder(alerts));
    }

    private static long since(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1_000_000;
    }

    private void clear() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            for (String t : TABLES) {
                s.execute("DELETE FROM " + t);
            }
            for (String t : INGESTION_TABLES) {
                s.execute("DELETE FROM " + t);
            }
            if (!dialect.snapshotBackfillTable().equals("metrics.amv_hourly_snapshots_v1")) {
                s.execute("DELETE FROM " + dialect.snapshotBackfillTable());
            }
        }
        try {
            Path alertDir = store.dataDir().toAbsolutePath().resolve("alerts");
            if (Files.isDirectory(alertDir)) {
                try (var files = Files.walk(alertDir)) {
                    files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
