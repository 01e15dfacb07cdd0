// Shapes of /api/analysis/breaking-point* (snake_case, as the backend sends them).

export type BreachStatus = "breached" | "breach" | "no_breach" | "insufficient_data" | string;

export const CAPACITY_METRICS = ["disk_used_pct", "cpu_util_pct", "mem_util_pct", "compaction_score_max", "connections"];
export const BREACH_STATUSES = ["breached", "breach", "no_breach", "insufficient_data"];

export interface BreakingPointRow {
  cluster_id: string;
  cluster_name: string | null;
  tier: string | null;
  region: string | null;
  cluster_type: string | null;
  metric_name: string;
  unit: string;
  status: BreachStatus;
  current_value: number | null;
  threshold: number;
  warn_threshold: number;
  slope_per_day: number | null;
  breach_at: string | null;
  breach_earliest: string | null;
  breach_latest: string | null;
  days_to_breach: number | null;
  warn_status: string;
  warn_breach_at: string | null;
  method: string | null;
  fit_quality: number | null;
}

export interface BreakingPointTable {
  computed_at: string | null;
  horizon_days: number;
  counts_by_status: Record<string, number>;
  total: number;
  limit: number;
  offset: number;
  items: BreakingPointRow[];
}

export interface TimeValue {
  t: string;
  value: number;
}

export interface TrendPoint {
  t: string;
  value: number;
  lower: number;
  upper: number;
}

export interface Forecast {
  cluster_id: string;
  metric_name: string;
  unit: string;
  computed_at: string;
  method: string | null;
  status: BreachStatus;
  current_value: number | null;
  threshold: number;
  slope_per_day: number | null;
  breach_at: string | null;
  breach_earliest: string | null;
  breach_latest: string | null;
  days_to_breach: number | null;
  horizon_days: number;
  fit_quality: number | null;
  warn_threshold: number;
  warn_status: string;
  warn_breach_at: string | null;
}

export interface MetricChart {
  metric_name: string;
  unit: string;
  statistic: string;
  warn_threshold: number;
  crit_threshold: number;
  forecast: Forecast;
  daily_peaks: TimeValue[];
  hourly: TimeValue[];
  trend: TrendPoint[];
}

export interface ClusterBreakingPoint {
  cluster_id: string;
  cluster_name: string;
  computed_at: string | null;
  metrics: MetricChart[];
}

export interface BacktestStats {
  evaluated: number;
  predictions: number;
  actual_breaches: number;
  hits: number;
  misses: number;
  false_alarms: number;
  hit_rate: number | null;
  precision: number | null;
  mae_days: number | null;
}

export interface Backtest {
  computed_at: string;
  as_of: string;
  tolerance_days: number;
  horizon_days: number;
  cut_days: number[];
  overall: BacktestStats;
  by_metric: Record<string, BacktestStats>;
  by_threshold: Record<string, BacktestStats>;
  by_cut: Record<string, BacktestStats>;
  millis: number;
}
