package dev.byocfleet.mcp;

import dev.byocfleet.api.NotFoundException;
import dev.byocfleet.fleet.ClusterQuery;
import dev.byocfleet.fleet.FleetService;
import dev.byocfleet.metrics.ClusterMetricsService;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import java.util.List;

/** fleet_overview, fleet_clusters, cluster_profile and cluster_metrics over the fleet and metrics services. */
final class FleetTools {

    private FleetTools() {
    }

    static List<SyncToolSpecification> tools(ToolSupport support, FleetService fleet, ClusterMetricsService metrics) {
        return List.of(
                support.readOnlyTool("fleet_overview", "Fleet at a glance", """
                        Summary of the whole BYOC fleet: organizations, clusters by state, type, customer tier (S \
                        strategic, A important, B standard), StarRocks major.minor version and region; live FE/BE/CN \
                        nodes; CCU this week against last week up to the same hour; data_through is the newest hourly \
                        metric snapshot.""",
                        "{\"type\": \"object\", \"properties\": {}, \"additionalProperties\": false}",
                        args -> fleet.summary()),
                support.readOnlyTool("fleet_clusters", "Find clusters", """
                        List clusters with owner, tier, version, live node counts and CCU of the last 168 bill hours, \
                        filtered and sorted; use it to find a cluster_id for cluster_profile or cluster_metrics.""",
                        """
                        {"type": "object", "properties": {
                          "q": {"type": "string", "description": "Substring of cluster name, cluster id or organization name"},
                          "state": {"type": "string", "description": "RUNNING, SUSPENDED, ABNORMAL, RELEASED, ..."},
                          "type": {"type": "string", "description": "CLASSIC (shared-nothing) or ELASTIC (shared-data)"},
                          "tier": {"type": "string", "enum": ["S", "A", "B"]},
                          "version": {"type": "string", "description": "Version prefix by whole components: 3.3 matches 3.3.7"},
                          "region": {"type": "string"},
                          "org_id": {"type": "string"},
                          "sort": {"type": "string", "description": "field or field,asc|desc; fields: cluster_name, cluster_state, cluster_type, cluster_version, region, tier, org_name, created_at, ccu_7d, fe_count, be_count, cn_count"},
                          "page": {"type": "integer", "minimum": 0, "default": 0},
                          "size": {"type": "integer", "minimum": 1, "maximum": 200, "default": 25}
                        }, "additionalProperties": false}""",
                        args -> fleet.clusters(ClusterQuery.of(orZero(args.integer("page")),
                                args.integer("size") == null ? ClusterQuery.DEFAULT_SIZE : args.integer("size"),
                                args.string("sort"), args.string("q"), args.string("state"), args.string("type"),
                                args.string("tier"), args.string("version"), args.string("region"),
                                args.string("org_id")))),
                support.readOnlyTool("cluster_profile", "One cluster in full", """
                        Everything the control plane knows about one cluster: the cluster row (type, version, state, \
                        region), its organization and customer tier, resources (FE/BE/warehouses, instance types), \
                        nodes, the 20 newest actions (scaling, upgrades, suspend/resume) and state changes, and per \
                        metric the newest hourly snapshot with its band (ok/warning/critical).""",
                        """
                        {"type": "object", "properties": {
                          "cluster_id": {"type": "string", "maxLength": 64}
                        }, "required": ["cluster_id"], "additionalProperties": false}""",
                        args -> {
                            String id = args.requiredString("cluster_id");
                            return fleet.cluster(id).orElseThrow(() -> new NotFoundException("No cluster with id '" + id + "'."));
                        }),
                support.readOnlyTool("cluster_metrics", "Metrics of a cluster over time", """
                        Hourly metrics of one cluster over a window (from metrics.amv_hourly_snapshots_v1): per metric \
                        the points (avg, min, max, p95, last, samples per hour), unit, thresholds, the worst value and \
                        its band, and hours spent in warning and critical. The window ends at `end` (default: the \
                        cluster's newest snapshot) and spans `hours` (default 24, at most 744). Metric names: \
                        cpu_util_pct, mem_util_pct, disk_used_pct, fe_alive_ratio, be_alive_ratio, node_restarts, \
                        query_qps, query_p99_ms, query_error_pct, query_queue_pending, connections, load_rows_per_s, \
                        load_fail_pct, txn_running_max, routine_load_lag_max, routine_load_paused, compaction_score_max, \
                        tablet_versions_max, fe_jvm_heap_pct, fe_gc_old_ms, fe_meta_log_count, fe_thread_count, \
                        cache_hit_pct (shared-data only).""",
                        """
                        {"type": "object", "properties": {
                          "cluster_id": {"type": "string", "maxLength": 64},
                          "metrics": {"type": "array", "items": {"type": "string"},
                                      "description": "Metric names (default: all)"},
                          "hours": {"type": "integer", "minimum": 1, "maximum": 744, "default": 24},
                          "end": {"type": "string", "description": "Last hour of the window, ISO-8601 UTC such as 2025-06-11T05:00:00"}
                        }, "required": ["cluster_id"], "additionalProperties": false}""",
                        args -> metrics.clusterMetrics(args.requiredString("cluster_id"), args.strings("metrics"),
                                args.time("end"), args.integer("hours"))));
    }

    private static int orZero(Integer value) {
        return value == null ? 0 : value;
    }
}
