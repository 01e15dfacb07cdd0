// Shapes of /api/alerts and /api/ingest/lark/runs responses (snake_case, as the backend sends them).

export interface AlertSummary {
  message_id: string;
  source: string;
  status: string;
  severity: string;
  alert_name: string | null;
  cluster_id: string | null;
  cluster_name: string | null;
  org_id: string | null;
  tier: string | null;
  cluster_ref: string | null;
  node: string | null;
  summary: string | null;
  starts_at: string | null;
  ends_at: string | null;
  received_at: string;
  parse_status: string;
  parse_error: string | null;
  fingerprint: string | null;
  issue_id: number | null;
}

export interface AlertPage {
  items: AlertSummary[];
  page: number;
  size: number;
  total: number;
}

export interface AlertDetail extends AlertSummary {
  source_message_id: string | null;
  alert_id: string | null;
  description: string | null;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  generator_url: string | null;
  ingest_run_id: string | null;
  /** Untrusted text exactly as received: shown as text, never rendered as markup. */
  raw_payload: string | null;
}

export interface IngestRun {
  run_id: string;
  kind: string;
  window_from: string | null;
  window_to: string | null;
  started_at: string;
  finished_at: string | null;
  status: string;
  pages: number;
  messages: number;
  alerts_inserted: number;
  duplicates: number;
  unparsed: number;
  unmapped: number;
  error: string | null;
  requested_by: string | null;
}
