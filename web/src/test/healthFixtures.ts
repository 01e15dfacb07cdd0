import type { Backtest, BreakingPointTable, ClusterBreakingPoint } from "../features/breaking/breakingTypes";
import type { ClusterHealth, FleetHealth, HealthDiff } from "../features/health/healthTypes";
import type { CriticalClusters, RiskDistribution } from "../features/risk/riskTypes";
import type { UsageReport } from "../features/usage/usageTypes";
import { jsonResponse } from "./mockFetch";

export const fleetHealth: FleetHealth = {
  as_of: "2026-11-29T05:00:00",
  compared_with: "2026-11-28T05:00:00",
  clusters: 150,
  scored: 140,
  average_score: 81.2,
  median_score: 86.5,
  by_status: { healthy: 100, warning: 28, critical: 12, no_data: 10 },
  histogram: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9].map((i) => ({ from: i * 10, to: i * 10 + 10, count: [1, 0, 2, 3, 2, 4, 10, 18, 40, 60][i] })),
  movers: {
    drops: [{ cluster_id: "c-7", cluster_name: "cluster-007", tier: "S", score: 42, previous_score: 88, change: -46, status: "critical" }],
    rises: [{ cluster_id: "c-9", cluster_name: "cluster-009", tier: "B", score: 95, previous_score: 71.5, change: 23.5, status: "healthy" }],
  },
  dimension_averages: { availability: 97.1, resources: 88.2 },
};

const levels = (critical: number, high: number, medium: number, low: number) => ({ critical, high, medium, low });

export const riskDistribution: RiskDistribution = {
  as_of: "2026-11-29T05:00:00",
  clusters: 150,
  by_level: levels(4, 9, 20, 117),
  by_tier: { S: levels(2, 1, 3, 4), A: levels(1, 5, 9, 25), B: levels(1, 3, 8, 88) },
  by_region: { "us-east-1": levels(3, 4, 10, 43), "eu-central-1": levels(1, 5, 10, 74) },
  by_version: { "3.3": levels(4, 9, 20, 117) },
  by_cluster_type: { CLASSIC: levels(3, 5, 12, 70), ELASTIC: levels(1, 4, 8, 47) },
};

export const criticalClusters: CriticalClusters = {
  as_of: "2026-11-29T05:00:00",
  count: 1,
  items: [
    {
      cluster_id: "c-7",
      cluster_name: "cluster-007",
      customer_name: "Acme Analytics",
      tier: "S",
      region: "us-east-1",
      cluster_type: "CLASSIC",
      cluster_version: "3.3.2",
      risk_level: "critical",
      risk_score: 78.4,
      health_score: 42,
      health_trend24h: -46,
      nearest_breach_at: "2026-12-02T10:00:00",
      nearest_breach_metric: "disk_used_pct",
      open_critical_issues: 0,
      reasons: [
        "Health score 42 (critical): 58 points lost.",
        "Health fell 46 points in 24 hours.",
        "disk_used_pct is forecast to cross 90 % in 3.2 days.",
        "A fourth reason that is not shown.",
      ],
    },
  ],
};

export const clusterHealth: ClusterHealth = {
  cluster_id: "c-1",
  cluster_name: "prod-analytics",
  latest: {
    cluster_id: "c-1",
    scored_at: "2026-11-29T05:00:00",
    window_start: "2026-11-28T06:00:00",
    window_end: "2026-11-29T05:00:00",
    score: 62,
    status: "warning",
    explanation: {
      score: 62,
      status: "warning",
      window_hours: 24,
      dimensions: { resources: { score: 50, points_lost: 20, cap: 40 } },
      factors: [
        {
          dimension: "resources",
          metric: "disk_used_pct",
          unit: "%",
          direction: "higher_is_worse",
          value: 93.5,
          latest: 93.1,
          warn: 80,
          crit: 90,
          band: "critical",
          hours: 24,
          hours_bad: 24,
          hours_crit: 12,
          points_lost: 18,
          max_points: 20,
          detail: null,
        },
      ],
      metrics_checked: 31,
      no_data_reason: null,
    },
  },
  history: [
    { scored_at: "2026-11-28T05:00:00", score: 80, status: "healthy" },
    { scored_at: "2026-11-29T03:00:00", score: 80, status: "healthy" },
    { scored_at: "2026-11-29T04:00:00", score: null, status: "no_data" },
    { scored_at: "2026-11-29T05:00:00", score: 62, status: "warning" },
  ],
};

export const healthDiff: HealthDiff = {
  cluster_id: "c-1",
  from: { scored_at: "2026-11-28T05:00:00", score: 80, status: "healthy" },
  to: { scored_at: "2026-11-29T05:00:00", score: 62, status: "warning" },
  score_change: -18,
  worse: [
    {
      dimension: "resources",
      metric: "disk_used_pct",
      unit: "%",
      from_value: 84,
      to_value: 93.5,
      from_points_lost: 2,
      to_points_lost: 18,
      points_change: 16,
      text: "disk_used_pct rose from 84 % to 93.5 %: 16 more points lost.",
    },
  ],
  better: [],
  dimensions: [{ dimension: "resources", from_points_lost: 2, to_points_lost: 18, points_change: 16 }],
  summary: "Down 18 points since 2026-11-28 05:00, mostly resources (disk_used_pct).",
};

export const breakingTable: BreakingPointTable = {
  computed_at: "2026-11-29T05:00:00",
  horizon_days: 30,
  counts_by_status: { breached: 1, breach: 1, no_breach: 700, insufficient_data: 20 },
  total: 2,
  limit: 50,
  offset: 0,
  items: [
    {
      cluster_id: "c-3",
      cluster_name: "cluster-003",
      tier: "A",
      region: "us-east-1",
      cluster_type: "CLASSIC",
      metric_name: "compaction_score_max",
      unit: "",
      status: "breached",
      current_value: 812,
      threshold: 500,
      warn_threshold: 100,
      slope_per_day: 40,
      breach_at: "2026-11-28T22:00:00",
      breach_earliest: "2026-11-28T22:00:00",
      breach_latest: "2026-11-28T22:00:00",
      days_to_breach: 0,
      warn_status: "breached",
      warn_breach_at: "2026-11-27T10:00:00",
      method: "theil_sen_daily_peak",
      fit_quality: 0.8,
    },
    {
      cluster_id: "c-7",
      cluster_name: "cluster-007",
      tier: "S",
      region: "us-east-1",
      cluster_type: "CLASSIC",
      metric_name: "disk_used_pct",
      unit: "%",
      status: "breach",
      current_value: 84.2,
      threshold: 90,
      warn_threshold: 80,
      slope_per_day: 1.8,
      breach_at: "2026-12-02T10:00:00",
      breach_earliest: "2026-12-01T12:00:00",
      breach_latest: "2026-12-04T02:00:00",
      days_to_breach: 3.2,
      warn_status: "breached",
      warn_breach_at: "2026-11-27T10:00:00",
      method: "theil_sen_daily_peak",
      fit_quality: 0.93,
    },
  ],
};

export const clusterBreakingPoint: ClusterBreakingPoint = {
  cluster_id: "c-3",
  cluster_name: "cluster-003",
  computed_at: "2026-11-29T05:00:00",
  metrics: ["compaction_score_max", "disk_used_pct"].map((metric) => ({
    metric_name: metric,
    unit: metric === "disk_used_pct" ? "%" : "",
    statistic: "hourly max",
    warn_threshold: metric === "disk_used_pct" ? 80 : 100,
    crit_threshold: metric === "disk_used_pct" ? 90 : 500,
    forecast: {
      cluster_id: "c-3",
      metric_name: metric,
      unit: metric === "disk_used_pct" ? "%" : "",
      computed_at: "2026-11-29T05:00:00",
      method: "theil_sen_daily_peak",
      status: metric === "disk_used_pct" ? "no_breach" : "breached",
      current_value: metric === "disk_used_pct" ? 61 : 812,
      threshold: metric === "disk_used_pct" ? 90 : 500,
      slope_per_day: 0.1,
      breach_at: null,
      breach_earliest: null,
      breach_latest: null,
      days_to_breach: null,
      horizon_days: 30,
      fit_quality: 0.5,
      warn_threshold: 80,
      warn_status: "no_breach",
      warn_breach_at: null,
    },
    daily_peaks: [
      { t: "2026-11-28T05:00:00", value: 60 },
      { t: "2026-11-29T05:00:00", value: 61 },
    ],
    hourly: [{ t: "2026-11-29T04:00:00", value: 59 }],
    trend: [
      { t: "2026-11-28T05:00:00", value: 60, lower: 60, upper: 60 },
      { t: "2026-12-05T05:00:00", value: 61, lower: 58, upper: 64 },
    ],
  })),
};

const stats = { evaluated: 900, predictions: 12, actual_breaches: 10, hits: 8, misses: 2, false_alarms: 3, hit_rate: 0.8, precision: 0.667, mae_days: 0.9 };

export const backtest: Backtest = {
  computed_at: "2026-11-29T05:10:00",
  as_of: "2026-11-29T05:00:00",
  tolerance_days: 2,
  horizon_days: 30,
  cut_days: [2, 3, 5, 7, 10],
  overall: stats,
  by_metric: { disk_used_pct: { ...stats, hit_rate: 1, mae_days: 0.5 } },
  by_threshold: { critical: stats },
  by_cut: { "2": stats },
  millis: 120,
};

const grid = (f: (day: number, hour: number) => number | null) =>
  Array.from({ length: 7 }, (_, d) => Array.from({ length: 24 }, (_, h) => f(d, h)));

export const usageReport: UsageReport = {
  as_of: "2026-11-29T05:00:00",
  scope: { cluster_id: null, tier: null, region: null, type: null, clusters: 140 },
  days: 28,
  heatmap: {
    weekdays: ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"],
    hours: Array.from({ length: 24 }, (_, h) => h),
    timezone: "UTC",
    cpu_util_pct: grid((d, h) => (d === 1 && h === 14 ? 71.5 : d === 6 && h === 3 ? 4.2 : 30)),
    query_qps: grid((d, h) => (d === 6 && h === 3 ? null : 100 + h)),
  },
  percentiles: {
    cpu_util_pct: { p50: 31.2, p95: 67.8, p99: 81, basis: "hourly mean" },
    query_qps: { p50: 12, p95: 44.5, p99: 70, basis: "hourly mean" },
  },
  idle: [
    {
      cluster_id: "c-5",
      cluster_name: "cluster-005",
      tier: "B",
      region: "us-east-1",
      cluster_type: "ELASTIC",
      idle_hours: 96,
      max_qps: 0.02,
      p95_cpu_pct: 1.5,
      ccu_per_week: 336,
      usd_per_week: 201.6,
      suggestion: "No more than 0.02 queries/s and 2 % CPU (p95) for 96 hours: suspend it or set an idle auto-suspend interval.",
    },
  ],
  over_provisioned: [
    {
      cluster_id: "c-8",
      cluster_name: "cluster-008",
      tier: "A",
      region: "eu-central-1",
      cluster_type: "CLASSIC",
      instance_type: "r6id.4xlarge",
      nodes: 6,
      p95_cpu_pct: 12,
      p95_mem_pct: 20,
      suggested_nodes: 3,
      suggested_instance_type: null,
      ccu_per_week: 1008,
      ccu_wasted_per_week: 504,
      usd_wasted_per_week: 302.4,
      suggestion: "Scale in from 6 to 3 BE nodes: the p95 peaks (12 % CPU, 20 % memory) would stay near 24 % CPU.",
    },
  ],
  waste: { idle_clusters: 1, over_provisioned_clusters: 1, ccu_per_week: 840, usd_per_week: 504 },
};

/**
 * Answers the health, risk and analysis routes with the fixtures above (null for other paths), so
 * tests of pages that show them can serve their own routes and fall back to this.
 */
export function serveHealthApis(url: URL): Response | null {
  const p = url.pathname;
  if (p === "/api/health/fleet") return jsonResponse(fleetHealth);
  if (p === "/api/risk") return jsonResponse(riskDistribution);
  if (p === "/api/critical-clusters") return jsonResponse(criticalClusters);
  if (/^\/api\/health\/clusters\/[^/]+\/diff$/.test(p)) return jsonResponse(healthDiff);
  if (/^\/api\/health\/clusters\/[^/]+$/.test(p)) return jsonResponse(clusterHealth);
  if (p === "/api/analysis/breaking-point/backtest") return jsonResponse(backtest);
  if (p === "/api/analysis/breaking-point") return jsonResponse(breakingTable);
  if (p.startsWith("/api/analysis/breaking-point/")) return jsonResponse(clusterBreakingPoint);
  if (p === "/api/analysis/usage") return jsonResponse(usageReport);
  return null;
}

/** `handler` with the health, risk and analysis routes answered first. */
export function withHealthApis(handler: (url: URL) => Response | Promise<Response>) {
  return (url: URL) => serveHealthApis(url) ?? handler(url);
}
