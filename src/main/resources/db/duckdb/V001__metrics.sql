-- metrics: raw samples, hourly snapshots, dictionary, enriched views, customer profile.

-- Raw samples in long format. node_id is NULL for cluster-level samples.
-- ingested_at drives the incremental hourly refresh (only hours that received samples since the last one).
CREATE TABLE IF NOT EXISTS metrics.metrics_table (
  ts          TIMESTAMP NOT NULL,
  cluster_id  VARCHAR NOT NULL,
  node_id     VARCHAR,
  metric_name VARCHAR NOT NULL,
  value       DOUBLE,
  ingested_at TIMESTAMP NOT NULL
);

-- The primary analysis table. On DuckDB a plain table refreshed by the application.
CREATE TABLE IF NOT EXISTS metrics.amv_hourly_snapshots_v1 (
  cluster_id    VARCHAR NOT NULL,
  metric_name   VARCHAR NOT NULL,
  snapshot_hour TIMESTAMP NOT NULL,
  avg_value     DOUBLE,
  min_value     DOUBLE,
  max_value     DOUBLE,
  p95_value     DOUBLE,
  last_value    DOUBLE,
  sample_count  BIGINT
);

-- Refresh bookkeeping: the ingested_at watermark the last refresh covered.
CREATE TABLE IF NOT EXISTS metrics.rollup_state (
  rollup_name    VARCHAR PRIMARY KEY,
  watermark      TIMESTAMP,
  refreshed_at   TIMESTAMP,
  hours_refreshed INTEGER,
  rows_written   BIGINT
);

CREATE TABLE IF NOT EXISTS metrics.metric_dictionary (
  metric_name    VARCHAR PRIMARY KEY,
  category       VARCHAR NOT NULL,
  unit           VARCHAR NOT NULL,
  description    VARCHAR NOT NULL,
  aggregation    VARCHAR NOT NULL,
  direction      VARCHAR NOT NULL,
  warn_threshold DOUBLE,
  crit_threshold DOUBLE
);

CREATE TABLE IF NOT EXISTS metrics.dim_customer_profile (
  org_id        VARCHAR PRIMARY KEY,
  customer_name VARCHAR NOT NULL,
  tier          VARCHAR NOT NULL,
  region        VARCHAR,
  industry      VARCHAR,
  owner         VARCHAR
);

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
