package dev.byocfleet.health;

import dev.byocfleet.metrics.CanonicalMetric;
import dev.byocfleet.metrics.TestDictionary;
import dev.byocfleet.store.DuckDbDialect;
import dev.byocfleet.support.TestStore;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A store with hand-made clusters and hourly snapshots whose expected points are known: every
 * metric sits at a healthy baseline unless a test overrides it hour by hour.
 */
final class HealthFixture implements AutoCloseable {

    static final LocalDateTime AS_OF = LocalDateTime.of(2026, 11, 28, 23, 0);

    /** Inside every band. */
    static final Map<CanonicalMetric, Double> BASELINE = baseline();

    final TestStore store = new TestStore();
    final JdbcTemplate jdbc = new JdbcTemplate(store.dataSource());
    final List<Object> events = new ArrayList<>();

    HealthFixture() {
        TestDictionary.seed(store.dataSource(), new DuckDbDialect());
        jdbc.update("INSERT INTO byoc.organization (org_id, org_name) VALUES ('org-s', 'Strategic'), ('org-b', 'Standard')");
        jdbc.update("INSERT INTO byoc.account (account_id, org_id) VALUES ('acc-s', 'org-s'), ('acc-b', 'org-b')");
        jdbc.update("INSERT INTO metrics.dim_customer_profile (org_id, customer_name, tier) VALUES "
                + "('org-s', 'Strategic Inc', 'S'), ('org-b', 'Standard Ltd', 'B')");
    }

    HealthService service(HealthProperties props) {
        var ds = store.dataSource();
        return new HealthService(new HealthRepository(JdbcClient.create(ds), ds, new DuckDbDialect()), props,
                new TransactionTemplate(new JdbcTransactionManager(ds)), events::add);
    }

    HealthFixture cluster(String id, String state) {
        return cluster(id, state, "acc-b");
    }

    HealthFixture cluster(String id, String state, String accountId) {
        jdbc.update("INSERT INTO byoc.cluster (cluster_id, account_id, cluster_name, cluster_type, region, cluster_state, "
                + "cluster_version, created_at) VALUES (?, ?, ?, 'CLASSIC', 'us-west-2', ?, '3.3.7', TIMESTAMP '2025-01-01 00:00:00')",
                id, accountId, id + "-name", state);
        return this;
    }

    /** {@code hours} snapshot hours ending at {@code asOf}; {@code override} may replace a metric's value in an hour (0 = newest). */
    HealthFixture snapshots(String clusterId, LocalDateTime asOf, int hours,
                            BiFunction<Integer, CanonicalMetric, Double> override) {
        List<Object[]> rows = new ArrayList<>();
        for (int h = 0; h < hours; h++) {
            for (CanonicalMetric m : CanonicalMetric.values()) {
                Double v = override.apply(h, m);
                double value = v != null ? v : BASELINE.get(m);
                // counts are stored per sample: an hour's total is avg x 12
                double avg = "sum".equals(m.aggregation()) ? value / 12 : value;
                rows.add(new Object[] {clusterId, m.metricName(), asOf.minusHours(h), avg, value, value, value, value, 12L});
            }
        }
        store.append("metrics.amv_hourly_snapshots_v1", rows);
        return this;
    }

    HealthFixture healthy(String clusterId, LocalDateTime asOf, int hours) {
        return snapshots(clusterId, asOf, hours, (h, m) -> null);
    }

    HealthFixture alert(String clusterId, String name, String severity, String fingerprint, LocalDateTime startsAt,
                        LocalDateTime resolvedAt) {
        return stored("alertmanager", fingerprint + "@" + startsAt, clusterId, name, severity, fingerprint, startsAt, resolvedAt);
    }

    /** The same alert as the Lark alert channel carries it: no fingerprint, no node; resolved by a Lark row too when given. */
    HealthFixture larkCopy(String clusterId, String name, String severity, LocalDateTime startsAt, LocalDateTime resolvedAt) {
        return stored("lark_mcp", "lark/" + name + "@" + startsAt, clusterId, name, severity, null, startsAt, resolvedAt);
    }

    /** A firing row of the alert and, when {@code resolvedAt} is given, its resolved row. */
    private HealthFixture stored(String source, String id, String clusterId, String name, String severity,
                                 String fingerprint, LocalDateTime startsAt, LocalDateTime resolvedAt) {
        jdbc.update("INSERT INTO alerts.lark_alerts (message_id, source, status, severity, alert_name, cluster_id, starts_at, "
                + "fingerprint, received_at, parse_status) VALUES (?, ?, 'firing', ?, ?, ?, ?, ?, ?, 'ok')",
                id + "/f", source, severity, name, clusterId, startsAt, fingerprint, startsAt);
        if (resolvedAt != null) {
            jdbc.update("INSERT INTO alerts.lark_alerts (message_id, source, status, severity, alert_name, cluster_id, starts_at, "
                    + "ends_at, fingerprint, received_at, parse_status) VALUES (?, ?, 'resolved', ?, ?, ?, ?, ?, ?, ?, 'ok')",
                    id + "/r", source, severity, name, clusterId, startsAt, resolvedAt, fingerprint, resolvedAt);
        }
        return this;
    }

    private static Map<CanonicalMetric, Double> baseline() {
        Map<CanonicalMetric, Double> m = new EnumMap<>(CanonicalMetric.class);
        m.put(CanonicalMetric.CPU_UTIL_PCT, 40.0);
        m.put(CanonicalMetric.MEM_UTIL_PCT, 50.0);
        m.put(CanonicalMetric.DISK_USED_PCT, 50.0);
        m.put(CanonicalMetric.FE_ALIVE_RATIO, 1.0);
        m.put(CanonicalMetric.BE_ALIVE_RATIO, 1.0);
        m.put(CanonicalMetric.NODE_RESTARTS, 0.0);
        m.put(CanonicalMetric.QUERY_QPS, 10.0);
        m.put(CanonicalMetric.QUERY_P99_MS, 500.0);
        m.put(CanonicalMetric.QUERY_ERROR_PCT, 0.5);
        m.put(CanonicalMetric.QUERY_QUEUE_PENDING, 0.0);
        m.put(CanonicalMetric.CONNECTIONS, 100.0);
        m.put(CanonicalMetric.LOAD_ROWS_PER_S, 1000.0);
        m.put(CanonicalMetric.LOAD_FAIL_PCT, 0.5);
        m.put(CanonicalMetric.TXN_RUNNING_MAX, 50.0);
        m.put(CanonicalMetric.ROUTINE_LOAD_LAG_MAX, 1000.0);
        m.put(CanonicalMetric.ROUTINE_LOAD_PAUSED, 0.0);
        m.put(CanonicalMetric.COMPACTION_SCORE_MAX, 20.0);
        m.put(CanonicalMetric.TABLET_VERSIONS_MAX, 100.0);
        m.put(CanonicalMetric.FE_JVM_HEAP_PCT, 50.0);
        m.put(CanonicalMetric.FE_GC_OLD_MS, 500.0);
        m.put(CanonicalMetric.FE_META_LOG_COUNT, 20_000.0);
        m.put(CanonicalMetric.FE_THREAD_COUNT, 500.0);
        m.put(CanonicalMetric.CACHE_HIT_PCT, 90.0);
        return m;
    }

    @Override
    public void close() {
        store.close();
    }
}
