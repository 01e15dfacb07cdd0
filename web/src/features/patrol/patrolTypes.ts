export interface PatrolProgress {
  step: number;
  of: number;
  label: string;
}

export interface ProblemCluster {
  cluster_id: string;
  cluster_name: string | null;
  tier: string | null;
  risk_level: string;
  health_score: number | null;
  reasons: string[];
}

export interface PatrolPattern {
  alert_name: string;
  dimension: string;
  value: string;
  clusters: number;
  cluster_ids: string[];
}

export interface PatrolChanges {
  previous_report_id: string | null;
  previous_at: string | null;
  risk_count_delta: Record<string, number>;
  new_problem_clusters: string[];
  recovered_clusters: string[];
  average_score_delta: number | null;
}

export interface PatrolMover {
  cluster_id: string;
  cluster_name: string | null;
  score: number;
  change: number;
}

export interface PatrolDelivery {
  delivered: boolean;
  retryable: boolean;
  http_status: number | null;
  code: number | null;
  detail: string;
}

export interface PatrolFindings {
  progress: PatrolProgress;
  requested_by: string | null;
  risk_counts: Record<string, number>;
  average_score: number | null;
  median_score: number | null;
  movers: PatrolMover[];
  idle_usd_per_week: number | null;
  idle_clusters: number;
  delivery: PatrolDelivery | null;
}

export interface PatrolReport {
  report_id: string;
  started_at: string;
  finished_at: string | null;
  mode: string;
  status: "running" | "done" | "failed";
  summary: string | null;
  problem_clusters: ProblemCluster[];
  patterns: PatrolPattern[];
  changes: PatrolChanges | null;
  findings: PatrolFindings;
  error: string | null;
}

export interface PatrolSummary {
  report_id: string;
  started_at: string;
  finished_at: string | null;
  mode: string;
  status: "running" | "done" | "failed";
  progress: PatrolProgress;
  requested_by: string | null;
  risk_counts: Record<string, number>;
  average_score: number | null;
  problem_clusters: number;
  patterns: number;
  error: string | null;
}

export interface PatrolPage {
  items: PatrolSummary[];
  page: number;
  size: number;
  total: number;
}

export interface PatrolDiff {
  report: PatrolReport;
  previous: PatrolReport | null;
  changes: PatrolChanges;
}
