// Shape of /api/analysis/usage (snake_case, as the backend sends it).

export interface UsageHeatmap {
  weekdays: string[];
  hours: number[];
  timezone: string;
  /** [weekday][hour]; null cells had no data */
  cpu_util_pct: (number | null)[][];
  query_qps: (number | null)[][];
}

export interface Percentiles {
  p50: number | null;
  p95: number | null;
  p99: number | null;
  basis: string;
}

export interface IdleCluster {
  cluster_id: string;
  cluster_name: string | null;
  tier: string | null;
  region: string | null;
  cluster_type: string | null;
  idle_hours: number;
  max_qps: number | null;
  p95_cpu_pct: number | null;
  ccu_per_week: number;
  usd_per_week: number;
  suggestion: string;
}

export interface OverProvisioned {
  cluster_id: string;
  cluster_name: string | null;
  tier: string | null;
  region: string | null;
  cluster_type: string | null;
  instance_type: string | null;
  nodes: number;
  p95_cpu_pct: number | null;
  p95_mem_pct: number | null;
  suggested_nodes: number;
  suggested_instance_type: string | null;
  ccu_per_week: number;
  ccu_wasted_per_week: number;
  usd_wasted_per_week: number;
  suggestion: string;
}

export interface UsageReport {
  as_of: string | null;
  scope: { cluster_id: string | null; tier: string | null; region: string | null; type: string | null; clusters: number };
  days: number;
  heatmap: UsageHeatmap;
  percentiles: Record<string, Percentiles>;
  idle: IdleCluster[];
  over_provisioned: OverProvisioned[];
  waste: { idle_clusters: number; over_provisioned_clusters: number; ccu_per_week: number; usd_per_week: number };
}
