-- Health scores, risk snapshots and capacity forecasts without their composite primary keys, on
-- DuckDB only. Every pass replaces one hour (or one computed_at) with a delete and an appender
-- insert in one transaction, so the rows stay unique without the key; the key's ART index was
-- only cost: DuckDB never uses a composite ART index for a lookup (EXPLAIN of a full-key point
-- query shows a sequential scan), while keeping it up to date took about a third of storing the
-- 16,330 forecasts of the seed fleet (issue 10). Reads filter on the hour column, whose zone maps
-- prune well because each pass appends one hour after another. StarRocks keeps its primary-key
-- tables: there the key is the storage model. The rows are copied, so nothing is recomputed;
-- one transaction, so a crash halfway leaves the tables as they were.

BEGIN TRANSACTION;

ALTER TABLE alerts.cluster_health_scores RENAME TO cluster_health_scores_v004;
CREATE TABLE alerts.cluster_health_scores (
  cluster_id       VARCHAR(64) NOT NULL,
  scored_at        TIMESTAMP NOT NULL,
  window_start     TIMESTAMP,
  window_end       TIMESTAMP,
  score            DOUBLE,
  status           VARCHAR(16) NOT NULL,
  availability     DOUBLE,
  resources        DOUBLE,
  query            DOUBLE,
  ingestion        DOUBLE,
  stability        DOUBLE,
  alert_pressure   DOUBLE,
  explanation      JSON
);
INSERT INTO alerts.cluster_health_scores SELECT * FROM alerts.cluster_health_scores_v004 ORDER BY scored_at, cluster_id;
DROP TABLE alerts.cluster_health_scores_v004;

ALTER TABLE alerts.cluster_risk_snapshots RENAME TO cluster_risk_snapshots_v004;
CREATE TABLE alerts.cluster_risk_snapshots (
  cluster_id           VARCHAR(64) NOT NULL,
  snapshot_hour        TIMESTAMP NOT NULL,
  risk_level           VARCHAR(16) NOT NULL,
  risk_score           DOUBLE,
  health_score         DOUBLE,
  health_trend_24h     DOUBLE,
  nearest_breach_at    TIMESTAMP,
  nearest_breach_metric VARCHAR(64),
  open_critical_issues INTEGER,
  tier                 VARCHAR(4),
  factors              JSON
);
INSERT INTO alerts.cluster_risk_snapshots SELECT * FROM alerts.cluster_risk_snapshots_v004 ORDER BY snapshot_hour, cluster_id;
DROP TABLE alerts.cluster_risk_snapshots_v004;

ALTER TABLE alerts.capacity_forecasts RENAME TO capacity_forecasts_v004;
CREATE TABLE alerts.capacity_forecasts (
  cluster_id     VARCHAR(64) NOT NULL,
  metric_name    VARCHAR(64) NOT NULL,
  computed_at    TIMESTAMP NOT NULL,
  method         VARCHAR(32),
  status         VARCHAR(24) NOT NULL,
  current_value  DOUBLE,
  threshold      DOUBLE,
  slope_per_day  DOUBLE,
  breach_at      TIMESTAMP,
  breach_earliest TIMESTAMP,
  breach_latest  TIMESTAMP,
  horizon_days   INTEGER,
  fit_quality    DOUBLE,
  details        JSON
);
INSERT INTO alerts.capacity_forecasts SELECT * FROM alerts.capacity_forecasts_v004 ORDER BY computed_at, cluster_id, metric_name;
DROP TABLE alerts.capacity_forecasts_v004;

COMMIT;
