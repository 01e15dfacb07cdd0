// Shapes of /api/fleet/* responses (snake_case, as the backend sends them).

export type CountByKey = Record<string, number>;

export interface FleetSummary {
  organizations: number;
  clusters: number;
  nodes: { FE: number; BE: number; CN: number; total: number };
  clusters_by_state: CountByKey;
  clusters_by_type: CountByKey;
  clusters_by_tier: CountByKey;
  clusters_by_version: CountByKey;
  clusters_by_region: CountByKey;
  ccu_this_week: number;
  ccu_last_week: number;
  /** last week up to the same weekday and hour as this week's newest bill */
  ccu_last_week_to_date: number;
  usd_this_week: number;
  data_through: string | null;
}

export interface ClusterRow {
  cluster_id: string;
  cluster_name: string;
  org_id: string;
  org_name: string;
  tier: string | null;
  cluster_type: string;
  cluster_state: string;
  cluster_version: string | null;
  csp: string;
  region: string;
  fe_count: number;
  be_count: number;
  cn_count: number;
  created_at: string | null;
  ccu_7d: number | null;
}

export interface ClusterPage {
  items: ClusterRow[];
  page: number;
  size: number;
  total: number;
}

/** Detail rows are control-plane records; the panel reads the columns it knows and tolerates the rest. */
export type DetailRecord = Record<string, unknown>;

export type MetricBand = "ok" | "warning" | "critical" | string;

export interface LatestMetric {
  metric_name: string;
  value: number | null;
  unit: string | null;
  snapshot_hour: string | null;
  band: MetricBand | null;
  warn_threshold: number | null;
  crit_threshold: number | null;
}

export interface ClusterDetail {
  cluster: DetailRecord;
  organization: DetailRecord | null;
  resources: DetailRecord[];
  nodes: DetailRecord[];
  recent_actions: DetailRecord[];
  state_history: DetailRecord[];
  latest_metrics: LatestMetric[];
}
