package dev.byocfleet.sqlguard;

import java.util.Collection;
import java.util.Collections;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * The tables guarded SQL may read, by {@code schema.table}. Deny by default: a table added later is
 * invisible until it is listed here or in {@code byoc.sql-guard.extra-tables}. Left out on purpose:
 * accounts and secrets ({@code alerts.users}, {@code invites}, {@code user_settings},
 * {@code notification_channels} with webhook URLs and tokens, the cloud credential tables of
 * {@code byoc} with role ARNs and STS external ids), people's chats ({@code chat_sessions},
 * {@code chat_messages}) and bookkeeping ({@code scheduler_locks}, {@code schema_version}).
 */
final class TableAllowList {

    static final Set<String> SCHEMAS = Set.of("metrics", "byoc", "alerts");

    static final Set<String> DEFAULT_TABLES = Set.of(
            "metrics.metrics_table", "metrics.amv_hourly_snapshots_v1", "metrics.rollup_state",
            "metrics.metric_dictionary", "metrics.dim_customer_profile", "metrics.v_hourly_snapshots_v5",
            "metrics.v_hourly_snapshots_v6",
            "byoc.organization", "byoc.account", "byoc.network_config", "byoc.cluster", "byoc.cluster_resource",
            "byoc.node", "byoc.vm_spec", "byoc.ccu_rate", "byoc.cluster_action", "byoc.cluster_state_history",
            "byoc.autoscaling_policy", "byoc.bill_detail", "byoc.billing_order", "byoc.ccu_weekly_rollup",
            "alerts.lark_alerts", "alerts.ingest_runs", "alerts.issues", "alerts.issue_events",
            "alerts.alert_recommendations", "alerts.cluster_health_scores", "alerts.cluster_risk_snapshots",
            "alerts.capacity_forecasts", "alerts.agent_tasks", "alerts.agent_investigations", "alerts.patrol_reports",
            "alerts.llm_usage", "alerts.knowledge_documents", "alerts.issue_alerts", "alerts.ai_issues");

    /** Never readable, whatever the configuration says. */
    static final Set<String> ALWAYS_DENIED = Set.of(
            "alerts.users", "alerts.invites", "alerts.user_settings", "alerts.notification_channels",
            "alerts.scheduler_locks", "alerts.schema_version", "alerts.chat_sessions", "alerts.chat_messages",
            "alerts.chat_mcp_servers", "byoc.deployment_credential", "byoc.data_credential");

    private final Set<String> tables;

    TableAllowList(Collection<String> extraTables) {
        Set<String> all = new TreeSet<>(DEFAULT_TABLES);
        for (String extra : extraTables) {
            String name = extra.strip().toLowerCase(Locale.ROOT);
            int dot = name.indexOf('.');
            if (dot <= 0 || !SCHEMAS.contains(name.substring(0, dot)) || name.indexOf('.', dot + 1) >= 0) {
                throw new IllegalArgumentException("byoc.sql-guard.extra-tables: '" + extra
                        + "' is not schema.table in one of " + SCHEMAS);
            }
            if (ALWAYS_DENIED.contains(name)) {
                throw new IllegalArgumentException("byoc.sql-guard.extra-tables: " + name + " may never be read");
            }
            all.add(name);
        }
        this.tables = Collections.unmodifiableSet(all);
    }

    boolean allows(String schema, String table) {
        return tables.contains(key(schema, table));
    }

    boolean knowsTableNamed(String table) {
        String t = table.toLowerCase(Locale.ROOT);
        return tables.stream().anyMatch(q -> q.endsWith("." + t))
                || ALWAYS_DENIED.stream().anyMatch(q -> q.endsWith("." + t));
    }

    /** Every readable table, {@code schema.table}, sorted. */
    Set<String> tables() {
        return tables;
    }

    static String key(String schema, String table) {
        return schema.toLowerCase(Locale.ROOT) + "." + table.toLowerCase(Locale.ROOT);
    }
}
