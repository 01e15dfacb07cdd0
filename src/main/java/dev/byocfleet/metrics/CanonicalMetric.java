package dev.byocfleet.metrics;

import java.util.Arrays;
import java.util.Optional;

/**
 * The canonical cluster-level metrics (DESIGN.md section 2) with the dictionary facts the scores,
 * the generator and the agents share. Thresholds follow the official StarRocks alert rules and
 * dashboards summarised in refs/starrocks-metrics.md: where the docs give a warning and a critical
 * level, those are used; where they give one, the other is the nearest documented limit.
 */
public enum CanonicalMetric {
    CPU_UTIL_PCT("cpu_util_pct", "resources", "%", "BE/CN host CPU busy (100 - idle)", "avg", Direction.HIGHER_IS_WORSE, 80.0, 90.0),
    MEM_UTIL_PCT("mem_util_pct", "resources", "%", "BE process memory as a share of its limit", "avg", Direction.HIGHER_IS_WORSE, 80.0, 90.0),
    DISK_USED_PCT("disk_used_pct", "resources", "%", "Highest BE data path usage", "max", Direction.HIGHER_IS_WORSE, 80.0, 90.0),
    FE_ALIVE_RATIO("fe_alive_ratio", "availability", "ratio", "Alive FEs / total FEs (node_info)", "min", Direction.LOWER_IS_WORSE, 0.99, 0.67),
    BE_ALIVE_RATIO("be_alive_ratio", "availability", "ratio", "Alive BEs or CNs / total (node_info)", "min", Direction.LOWER_IS_WORSE, 0.99, 0.75),
    NODE_RESTARTS("node_restarts", "availability", "count", "Process restarts of FE/BE/CN in the interval", "sum", Direction.HIGHER_IS_WORSE, 1.0, 3.0),
    QUERY_QPS("query_qps", "query", "qps", "Queries per second over all FEs", "avg", Direction.HIGHER_IS_WORSE, null, null),
    QUERY_P99_MS("query_p99_ms", "query", "ms", "p99 query latency (starrocks_fe_query_latency_ms)", "max", Direction.HIGHER_IS_WORSE, 2000.0, 5000.0),
    QUERY_ERROR_PCT("query_error_pct", "query", "%", "Failed queries as a share of all queries", "avg", Direction.HIGHER_IS_WORSE, 5.0, 10.0),
    QUERY_QUEUE_PENDING("query_queue_pending", "query", "count", "Queries waiting in the query queue", "max", Direction.HIGHER_IS_WORSE, 1.0, 50.0),
    CONNECTIONS("connections", "query", "count", "MySQL connections over all FEs", "max", Direction.HIGHER_IS_WORSE, 800.0, 1000.0),
    LOAD_ROWS_PER_S("load_rows_per_s", "ingestion", "rows/s", "Rows loaded per second", "avg", Direction.HIGHER_IS_WORSE, null, null),
    LOAD_FAIL_PCT("load_fail_pct", "ingestion", "%", "Failed load transactions / begun", "avg", Direction.HIGHER_IS_WORSE, 5.0, 20.0),
    TXN_RUNNING_MAX("txn_running_max", "ingestion", "count", "Most running load transactions in one database (limit 1000)", "max", Direction.HIGHER_IS_WORSE, 900.0, 1000.0),
    ROUTINE_LOAD_LAG_MAX("routine_load_lag_max", "ingestion", "offsets", "Largest Kafka partition lag of any routine load job", "max", Direction.HIGHER_IS_WORSE, 100_000.0, 300_000.0),
    ROUTINE_LOAD_PAUSED("routine_load_paused", "ingestion", "jobs", "Routine load jobs in PAUSED state", "max", Direction.HIGHER_IS_WORSE, 1.0, 3.0),
    COMPACTION_SCORE_MAX("compaction_score_max", "stability", "score", "Highest tablet compaction score (leader FE)", "max", Direction.HIGHER_IS_WORSE, 100.0, 800.0),
    TABLET_VERSIONS_MAX("tablet_versions_max", "stability", "versions", "Most rowset versions on one tablet (limit 1000)", "max", Direction.HIGHER_IS_WORSE, 700.0, 900.0),
    FE_JVM_HEAP_PCT("fe_jvm_heap_pct", "stability", "%", "FE JVM heap used / max", "max", Direction.HIGHER_IS_WORSE, 80.0, 90.0),
    FE_GC_OLD_MS("fe_gc_old_ms", "stability", "ms/min", "FE old-generation GC time per minute", "max", Direction.HIGHER_IS_WORSE, 5_000.0, 30_000.0),
    FE_META_LOG_COUNT("fe_meta_log_count", "stability", "entries", "Journal entries since the last FE image (checkpoint every 50,000)", "max", Direction.HIGHER_IS_WORSE, 75_000.0, 100_000.0),
    FE_THREAD_COUNT("fe_thread_count", "stability", "threads", "FE JVM threads", "max", Direction.HIGHER_IS_WORSE, 3_000.0, 4_000.0),
    CACHE_HIT_PCT("cache_hit_pct", "query", "%", "Data cache hit rate (shared-data clusters only)", "avg", Direction.LOWER_IS_WORSE, 70.0, 50.0);

    public enum Direction {
        HIGHER_IS_WORSE("higher_is_worse"), LOWER_IS_WORSE("lower_is_worse");

        private final String sqlName;

        Direction(String sqlName) {
            this.sqlName = sqlName;
        }

        public String sqlName() {
            return sqlName;
        }
    }

    private final String metricName;
    private final String category;
    private final String unit;
    private final String description;
    private final String aggregation;
    private final Direction direction;
    private final Double warn;
    private final Double crit;

    CanonicalMetric(String metricName, String category, String unit, String description, String aggregation,
                    Direction direction, Double warn, Double crit) {
        this.metricName = metricName;
        this.category = category;
        this.unit = unit;
        this.description = description;
        this.aggregation = aggregation;
        this.direction = direction;
        this.warn = warn;
        this.crit = crit;
    }

    public String metricName() {
        return metricName;
    }

    public String category() {
        return category;
    }

    public String unit() {
        return unit;
    }

    public String description() {
        return description;
    }

    public String aggregation() {
        return aggregation;
    }

    public Direction direction() {
        return direction;
    }

    public Double warnThreshold() {
        return warn;
    }

    public Double critThreshold() {
        return crit;
    }

    /** Only shared-data (ELASTIC) clusters have a data cache. */
    public boolean sharedDataOnly() {
        return this == CACHE_HIT_PCT;
    }

    public static Optional<CanonicalMetric> byName(String name) {
        return Arrays.stream(values()).filter(m -> m.metricName.equals(name)).findFirst();
    }
}
