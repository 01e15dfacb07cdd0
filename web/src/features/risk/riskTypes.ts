// Shapes of /api/risk and /api/critical-clusters (snake_case, as the backend sends them).

export type RiskLevel = "critical" | "high" | "medium" | "low";

export const RISK_LEVELS: RiskLevel[] = ["critical", "high", "medium", "low"];

export type LevelCounts = Record<string, number>;

export interface RiskDistribution {
  as_of: string | null;
  clusters: number;
  by_level: LevelCounts;
  by_tier: Record<string, LevelCounts>;
  by_region: Record<string, LevelCounts>;
  by_version: Record<string, LevelCounts>;
  by_cluster_type: Record<string, LevelCounts>;
}

export interface CriticalCluster {
  cluster_id: string;
  cluster_name: string | null;
  customer_name: string | null;
  tier: string | null;
  region: string | null;
  cluster_type: string | null;
  cluster_version: string | null;
  risk_level: RiskLevel | string;
  risk_score: number;
  health_score: number | null;
  health_trend24h: number | null;
  nearest_breach_at: string | null;
  nearest_breach_metric: string | null;
  open_critical_issues: number;
  reasons: string[];
}

export interface CriticalClusters {
  as_of: string | null;
  count: number;
  items: CriticalCluster[];
}
