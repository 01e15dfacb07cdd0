import type { ClusterDetail, ClusterPage, ClusterRow, FleetSummary } from "../features/fleet/fleetTypes";

export const fleetSummary: FleetSummary = {
  organizations: 50,
  clusters: 150,
  nodes: { FE: 210, BE: 380, CN: 95, total: 685 },
  clusters_by_state: { RUNNING: 120, SUSPENDED: 18, ABNORMAL: 3, RELEASED: 9 },
  clusters_by_type: { CLASSIC: 90, ELASTIC: 60 },
  clusters_by_tier: { S: 10, A: 40, B: 100 },
  clusters_by_version: { "3.3": 60, "3.2": 40, "3.1": 30, "2.5": 20 },
  clusters_by_region: { "us-west-2": 40, "us-east-1": 60, "eu-central-1": 50 },
  ccu_this_week: 12345.6,
  ccu_last_week: 11890.2,
  ccu_last_week_to_date: 10010.4,
  usd_this_week: 8024.6,
  data_through: "2026-11-29T05:00:00",
};

export function clusterRow(n: number, overrides: Partial<ClusterRow> = {}): ClusterRow {
  return {
    cluster_id: `c-${n}`,
    cluster_name: `cluster-${String(n).padStart(3, "0")}`,
    org_id: `o-${n % 7}`,
    org_name: `Org ${n % 7}`,
    tier: "A",
    cluster_type: "CLASSIC",
    cluster_state: "RUNNING",
    cluster_version: "3.3",
    csp: "aws",
    region: "us-west-2",
    fe_count: 3,
    be_count: 3,
    cn_count: 0,
    created_at: "2025-03-01T12:00:00",
    ccu_7d: 120.5,
    ...overrides,
  };
}

export function clusterPage(page = 0, size = 25, total = 150): ClusterPage {
  const count = Math.max(0, Math.min(size, total - page * size));
  return { items: Array.from({ length: count }, (_, i) => clusterRow(page * size + i + 1)), page, size, total };
}

export const clusterDetail: ClusterDetail = {
  cluster: {
    cluster_id: "c-1",
    cluster_name: "prod-analytics",
    cluster_type: "CLASSIC",
    cluster_state: "ABNORMAL",
    abnormal_reason: "BE heartbeat lost",
    cluster_version: "3.3.5",
    csp: "aws",
    region: "us-west-2",
    tier: "S",
    created_at: "2025-03-01T12:00:00",
  },
  organization: { org_id: "o-1", org_name: "Acme Analytics", status: "ACTIVE", payment_type: "CONTRACT" },
  resources: [
    { resource_id: "r-1", resource_type: "FE", name: "fe", state: "RUNNING", instance_type: "m6i.xlarge", node_count: 3 },
    { resource_id: "r-2", resource_type: "BE", name: "be", state: "RUNNING", instance_type: "r6id.2xlarge", node_count: 6 },
  ],
  nodes: [
    { node_id: "n-1", node_type: "FE", fe_role: "LEADER", instance_type: "m6i.xlarge", az: "us-west-2a", state: "RUNNING" },
    { node_id: "n-7", node_type: "BE", instance_type: "r6id.2xlarge", az: "us-west-2b", state: "ABNORMAL" },
  ],
  recent_actions: [
    {
      action_id: "a-1",
      action_type: "SCALE_OUT",
      state: "SUCCEEDED",
      from_value: "3",
      to_value: "6",
      requested_by: "ops@acme.io",
      started_at: "2026-11-28T10:00:00",
    },
  ],
  state_history: [{ changed_at: "2026-11-29T03:00:00", from_state: "RUNNING", to_state: "ABNORMAL" }],
  latest_metrics: [
    {
      metric_name: "cpu_usage_pct",
      value: 42.5,
      unit: "%",
      snapshot_hour: "2026-11-29T04:00:00",
      band: "ok",
      warn_threshold: 80,
      crit_threshold: 95,
    },
    {
      metric_name: "disk_usage_pct",
      value: 96.1,
      unit: "%",
      snapshot_hour: "2026-11-29T04:00:00",
      band: "critical",
      warn_threshold: 80,
      crit_threshold: 95,
    },
  ],
};
