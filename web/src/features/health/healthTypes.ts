// Shapes of /api/health/* responses (snake_case, as the backend sends them).

export type HealthStatus = "healthy" | "warning" | "critical" | "no_data" | string;

export interface HistogramBucket {
  from: number;
  to: number;
  count: number;
}

export interface Mover {
  cluster_id: string;
  cluster_name: string | null;
  tier: string | null;
  score: number;
  previous_score: number;
  change: number;
  status: HealthStatus;
}

export interface FleetHealth {
  as_of: string | null;
  compared_with: string | null;
  clusters: number;
  scored: number;
  average_score: number | null;
  median_score: number | null;
  by_status: Record<string, number>;
  histogram: HistogramBucket[];
  movers: { drops: Mover[]; rises: Mover[] };
  dimension_averages: Record<string, number>;
}

export interface DimensionScore {
  score: number;
  points_lost: number;
  cap: number;
}

export interface HealthFactor {
  dimension: string;
  metric: string;
  unit: string | null;
  direction: string | null;
  value: number | null;
  latest: number | null;
  warn: number | null;
  crit: number | null;
  band: string;
  hours: number;
  hours_bad: number;
  hours_crit: number;
  points_lost: number;
  max_points: number;
  detail: string | null;
}

export interface Explanation {
  score: number | null;
  status: HealthStatus;
  window_hours: number;
  dimensions: Record<string, DimensionScore>;
  factors: HealthFactor[];
  metrics_checked: number;
  no_data_reason: string | null;
}

export interface HealthScore {
  cluster_id: string;
  scored_at: string;
  window_start: string;
  window_end: string;
  score: number | null;
  status: HealthStatus;
  explanation: Explanation;
}

export interface HealthHistoryPoint {
  scored_at: string;
  score: number | null;
  status: HealthStatus;
}

export interface ClusterHealth {
  cluster_id: string;
  cluster_name: string;
  latest: HealthScore | null;
  history: HealthHistoryPoint[];
}

export interface FactorChange {
  dimension: string;
  metric: string;
  unit: string | null;
  from_value: number | null;
  to_value: number | null;
  from_points_lost: number;
  to_points_lost: number;
  points_change: number;
  text: string;
}

export interface HealthDiff {
  cluster_id: string;
  from: { scored_at: string; score: number | null; status: HealthStatus };
  to: { scored_at: string; score: number | null; status: HealthStatus };
  score_change: number | null;
  worse: FactorChange[];
  better: FactorChange[];
  dimensions: { dimension: string; from_points_lost: number; to_points_lost: number; points_change: number }[];
  summary: string;
}
