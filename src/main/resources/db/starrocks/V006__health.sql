-- health, risk and forecasts (issue 5): the forecast back-test, recomputed when new data arrives.
-- One small row per run; the page shows the newest.
CREATE TABLE IF NOT EXISTS alerts.forecast_backtests (
  computed_at    DATETIME NOT NULL,
  as_of          DATETIME NOT NULL,
  tolerance_days DOUBLE NOT NULL,
  predictions    INT,
  actual_breaches INT,
  hits           INT,
  misses         INT,
  false_alarms   INT,
  hit_rate       DOUBLE,
  mae_days       DOUBLE,
  summary        JSON
)
PRIMARY KEY (computed_at)
DISTRIBUTED BY HASH (computed_at)
PROPERTIES ('enable_persistent_index' = 'true');
