-- health, risk and forecasts (issue 5): the forecast back-test, recomputed when new data arrives.
-- One row per run; the page shows the newest. summary holds the totals, per metric, per threshold
-- and per cut, and a sample of the comparisons.
CREATE TABLE IF NOT EXISTS alerts.forecast_backtests (
  computed_at    TIMESTAMP NOT NULL,
  as_of          TIMESTAMP NOT NULL,
  tolerance_days DOUBLE NOT NULL,
  predictions    INTEGER,
  actual_breaches INTEGER,
  hits           INTEGER,
  misses         INTEGER,
  false_alarms   INTEGER,
  hit_rate       DOUBLE,
  mae_days       DOUBLE,
  summary        JSON,
  PRIMARY KEY (computed_at)
);
