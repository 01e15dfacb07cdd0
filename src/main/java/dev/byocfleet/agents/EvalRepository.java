package dev.byocfleet.agents;

import dev.byocfleet.metrics.SnapshotChanges;
import java.time.LocalDateTime;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Writes of the evaluation suite only (never called by the server's agents): puts one case's
 * cluster, metrics and actions into the background fleet and takes them out again.
 */
@Repository
class EvalRepository {

    /** One case's cluster as {@code case.yaml} describes it. */
    record CaseCluster(String id, String name, String orgId, String orgName, String tier, String version, String type,
                       int feCount, int beCount, String instanceType, String region) {}

    static final int CHUNK = 200;

    private final JdbcClient jdbc;
    /** Told of every write to the snapshot table (after it, even a failed one). */
    private final SnapshotChanges snapshotChanges;

    /** Model tokens and cost the Investigator used since a time (an eval run in llm mode). */
    record ModelUsage(long tokens, double costUsd) {}

    ModelUsage investigatorUsageSince(java.time.LocalDateTime since) {
        return jdbc.sql("""
                SELECT coalesce(sum(coalesce(input_tokens, 0) + coalesce(output_tokens, 0)), 0) AS tokens,
                       coalesce(sum(cost_usd), 0) AS cost
                FROM alerts.llm_usage WHERE agent = 'investigator' AND created_at >= :since""")
                .param("since", since)
                .query((rs, i) -> new ModelUsage(rs.getLong("tokens"), rs.getDouble("cost"))).single();
    }

    EvalRepository(JdbcClient jdbc, SnapshotChanges snapshotChanges) {
        this.jdbc = jdbc;
        this.snapshotChanges = snapshotChanges;
    }

    void insertCluster(CaseCluster c, LocalDateTime createdAt) {
        String account = "acc-" + c.id();
        jdbc.sql("INSERT INTO byoc.organization (org_id, org_name, status) VALUES (?, ?, 'active')")
                .params(c.orgId(), c.orgName()).update();
        jdbc.sql("INSERT INTO byoc.account (account_id, org_id, account_name, is_root) VALUES (?, ?, ?, true)")
                .params(account, c.orgId(), c.orgName()).update();
        jdbc.sql("INSERT INTO metrics.dim_customer_profile (org_id, customer_name, tier, region) VALUES (?, ?, ?, ?)")
                .params(c.orgId(), c.orgName(), c.tier(), c.region()).update();
        jdbc.sql("""
                INSERT INTO byoc.cluster (cluster_id, account_id, cluster_name, cluster_type, csp, region, cluster_state,
                  cluster_version, created_at) VALUES (?, ?, ?, ?, 'aws', ?, 'RUNNING', ?, ?)""")
                .params(c.id(), account, c.name(), c.type(), c.region(), c.version(), createdAt).update();
        jdbc.sql("""
                INSERT INTO byoc.cluster_resource (resource_id, cluster_id, resource_type, name, state, instance_type,
                  node_count, created_at, deleted) VALUES (?, ?, 'FE', 'fe', 'Running', ?, ?, ?, false),
                  (?, ?, ?, 'be', 'Running', ?, ?, ?, false)""")
                .params(c.id() + "-fe", c.id(), c.instanceType(), c.feCount(), createdAt,
                        c.id() + "-be", c.id(), "ELASTIC".equals(c.type()) ? "WAREHOUSE" : "BE", c.instanceType(), c.beCount(),
                        createdAt).update();
    }

    /** Replaces the cluster's snapshots; rows go in multi-row statements (one round trip per chunk). */
    void replaceSnapshots(String clusterId, List<Object[]> rows) {
        try {
            jdbc.sql("DELETE FROM metrics.amv_hourly_snapshots_v1 WHERE cluster_id = ?").param(clusterId).update();
            for (int from = 0; from < rows.size(); from += CHUNK) {
                List<Object[]> chunk = rows.subList(from, Math.min(rows.size(), from + CHUNK));
                String values = String.join(", ", java.util.Collections.nCopies(chunk.size(), "(?, ?, ?, ?, ?, ?, ?, ?, 12)"));
                List<Object> params = new java.util.ArrayList<>();
                for (Object[] r : chunk) {
                    params.addAll(List.of(r[0], r[1], r[2]));
                    params.add(r[3]);
                    params.add(r[4]);
                    params.add(r[5]);
                    params.add(r[6]);
                    params.add(r[3]);
                }
                jdbc.sql("INSERT INTO metrics.amv_hourly_snapshots_v1 (cluster_id, metric_name, snapshot_hour, avg_value, "
                        + "min_value, max_value, p95_value, last_value, sample_count) VALUES " + values).params(params).update();
            }
        } finally {
            snapshotChanges.all();
        }
    }

    void insertAction(String actionId, String clusterId, String type, @Nullable String source, @Nullable String from,
                      @Nullable String to, @Nullable String state, @Nullable LocalDateTime startedAt,
                      @Nullable LocalDateTime finishedAt) {
        jdbc.sql("""
                INSERT INTO byoc.cluster_action (action_id, cluster_id, action_type, source, from_value, to_value, state,
                  started_at, finished_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(actionId, clusterId, type, source, from, to, state, startedAt, finishedAt).update();
    }

    /** Removes one case: its cluster and everything keyed by it, the alerts it ingested and the agents' output. */
    void removeCase(String clusterId, String orgId, List<String> ingestRunIds) {
        try {
            for (String table : List.of("byoc.cluster_action", "byoc.cluster_resource", "byoc.node",
                    "metrics.amv_hourly_snapshots_v1", "alerts.lark_alerts", "byoc.cluster")) {
                jdbc.sql("DELETE FROM " + table + " WHERE cluster_id = ?").param(clusterId).update();
            }
            jdbc.sql("DELETE FROM byoc.account WHERE account_id = ?").param("acc-" + clusterId).update();
            jdbc.sql("DELETE FROM metrics.dim_customer_profile WHERE org_id = ?").param(orgId).update();
            jdbc.sql("DELETE FROM byoc.organization WHERE org_id = ?").param(orgId).update();
            if (!ingestRunIds.isEmpty()) {
                jdbc.sql("DELETE FROM alerts.lark_alerts WHERE ingest_run_id IN (:ids)").param("ids", ingestRunIds).update();
            }
        } finally {
            snapshotChanges.all();
        }
        clearAgentOutput();
    }

    void clearAgentOutput() {
        for (String table : List.of("alerts.agent_tasks", "alerts.agent_investigations", "alerts.cluster_health_scores",
                "alerts.cluster_risk_snapshots")) {
            jdbc.sql("DELETE FROM " + table).update();
        }
    }
}
