-- metrics: raw samples, hourly snapshots, dictionary, enriched views, customer profile.
-- Same tables, columns and column order as db/duckdb/V001__metrics.sql; types mapped
-- TIMESTAMP -> DATETIME, INTEGER -> INT, VARCHAR -> STRING (VARCHAR(65533)).
-- Replicas come from the FE's default_replication_num (see bootstrap.sql; a single-BE dev cluster needs 1).

-- Raw samples in long format: an append-only fact, one partition a day, bucketed by cluster.
-- No partition_live_number on purpose: the snapshot view below re-derives a day from this table
-- whenever one of its partitions changes or goes away, so expiring raw days would also drop
-- their hourly snapshots. Raw retention needs the expiring days copied into
-- metrics.hourly_snapshots_backfill first; until that job exists the raw days are kept.
CREATE TABLE IF NOT EXISTS metrics.metrics_table (
  ts          DATETIME NOT NULL,
  cluster_id  STRING NOT NULL,
  node_id     STRING,
  metric_name STRING NOT NULL,
  value       DOUBLE,
  ingested_at DATETIME NOT NULL
)
DUPLICATE KEY (ts, cluster_id)
PARTITION BY date_trunc('day', ts)
DISTRIBUTED BY HASH (cluster_id);

-- Hourly snapshots written directly (history older than the raw window, imports):
-- StarRocksDialect.snapshotBackfillTable(). Same columns as amv_hourly_snapshots_v1.
CREATE TABLE IF NOT EXISTS metrics.hourly_snapshots_backfill (
  cluster_id    STRING NOT NULL,
  metric_name   STRING NOT NULL,
  snapshot_hour DATETIME NOT NULL,
  avg_value     DOUBLE,
  min_value     DOUBLE,
  max_value     DOUBLE,
  p95_value     DOUBLE,
  last_value    DOUBLE,
  sample_count  BIGINT
)
DUPLICATE KEY (cluster_id, metric_name, snapshot_hour)
PARTITION BY date_trunc('day', snapshot_hour)
DISTRIBUTED BY HASH (cluster_id);

-- The primary analysis table: an async materialized view that StarRocks refreshes every hour,
-- partition by partition (only days whose base partitions changed). It unions the rollup of the
-- raw samples with the backfilled rows. Partitioning a UNION ALL needs v3.3+ ("align partitions
-- with multiple base tables"): both branches map snapshot_hour to a base table partitioned by
-- date_trunc('day', ...), and the GROUP BY at hour granularity is finer than the day partition,
-- which the partition_expression rules allow. If a server rejects the partitioning, the closest
-- valid form is the same statement without PARTITION BY (a full refresh every hour).
CREATE MATERIALIZED VIEW IF NOT EXISTS metrics.amv_hourly_snapshots_v1
DISTRIBUTED BY HASH (cluster_id)
REFRESH ASYNC EVERY (INTERVAL 1 HOUR)
PARTITION BY date_trunc('day', snapshot_hour)
AS
SELECT cluster_id, metric_name, date_trunc('hour', ts) AS snapshot_hour,
       avg(value) AS avg_value, min(value) AS min_value, max(value) AS max_value,
       percentile_approx(value, 0.95) AS p95_value, max_by(value, ts) AS last_value,
       count(*) AS sample_count
FROM metrics.metrics_table
GROUP BY cluster_id, metric_name, date_trunc('hour', ts)
UNION ALL
SELECT cluster_id, metric_name, snapshot_hour,
       avg_value, min_value, max_value, p95_value, last_value, sample_count
FROM metrics.hourly_snapshots_backfill;

-- Refresh bookkeeping of the DuckDB refresher; unused here (the view refreshes itself) but kept
-- so both stores have the same tables.
CREATE TABLE IF NOT EXISTS metrics.rollup_state (
  rollup_name     STRING NOT NULL,
  watermark       DATETIME,
  refreshed_at    DATETIME,
  hours_refreshed INT,
  rows_written    BIGINT
)
PRIMARY KEY (rollup_name)
DISTRIBUTED BY HASH (rollup_name)
PROPERTIES ('enable_persistent_index' = 'true');

CREATE TABLE IF NOT EXISTS metrics.metric_dictionary (
  metric_name    STRING NOT NULL,
  category       STRING NOT NULL,
  unit           STRING NOT NULL,
  description    STRING NOT NULL,
  aggregation    STRING NOT NULL,
  direction      STRING NOT NULL,
  warn_threshold DOUBLE,
  crit_threshold DOUBLE
)
PRIMARY KEY (metric_name)
DISTRIBUTED BY HASH (metric_name)
PROPERTIES ('enable_persistent_index' = 'true');

CREATE TABLE IF NOT EXISTS metrics.dim_customer_profile (
  org_id        STRING NOT NULL,
  customer_name STRING NOT NULL,
  tier          STRING NOT NULL,
  region        STRING,
  industry      STRING,
  owner         STRING
)
PRIMARY KEY (org_id)
DISTRIBUTED BY HASH (org_id)
PROPERTIES ('enable_persistent_index' = 'true');

-- Snapshots with the dictionary: unit, thresholds and the band each value falls in.
CREATE OR REPLACE VIEW metrics.v_hourly_snapshots_v5 AS
SELECT s.cluster_id, s.metric_name, s.snapshot_hour,
       s.avg_value, s.min_value, s.max_value, s.p95_value, s.last_value, s.sample_count,
       d.category, d.unit, d.direction, d.warn_threshold, d.crit_threshold,
       CASE
         WHEN d.direction = 'higher_is_worse' AND s.max_value >= d.crit_threshold THEN 'critical'
         WHEN d.direction = 'higher_is_worse' AND s.max_value >= d.warn_threshold THEN 'warning'
         WHEN d.direction = 'lower_is_worse' AND s.min_value <= d.crit_threshold THEN 'critical'
         WHEN d.direction = 'lower_is_worse' AND s.min_value <= d.warn_threshold THEN 'warning'
         ELSE 'ok'
       END AS band
FROM metrics.amv_hourly_snapshots_v1 s
JOIN metrics.metric_dictionary d ON d.metric_name = s.metric_name;
