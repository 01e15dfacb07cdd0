export type IssueStatus = "open" | "acknowledged" | "investigating" | "silenced" | "resolved" | "closed";

export interface IssueSummary {
  issue_id: number;
  title: string;
  cluster_id: string | null;
  cluster_name: string | null;
  org_name: string | null;
  tier: string | null;
  alert_name: string | null;
  severity: string;
  status: IssueStatus;
  assignee: string | null;
  first_seen: string | null;
  last_seen: string | null;
  resolved_at: string | null;
  silenced_until: string | null;
  alert_count: number;
  firing_count: number;
  reopen_count: number;
  merged_into: number | null;
}

export interface IssuePage {
  items: IssueSummary[];
  page: number;
  size: number;
  total: number;
}

export interface IssueAlert {
  message_id: string;
  status: "firing" | "resolved";
  severity: string;
  alert_name: string | null;
  node: string | null;
  fingerprint: string | null;
  instance_key: string;
  event_at: string;
}

export interface IssueEvent {
  event_id: string;
  event_type: string;
  actor: string | null;
  created_at: string;
  from_status: string | null;
  to_status: string | null;
  note: string | null;
  details: Record<string, unknown>;
}

export interface InvestigationLink {
  investigation_id: string;
  status: string;
  root_cause: string | null;
  started_at: string;
}

export interface IssueDetail {
  issue: IssueSummary;
  summary: string | null;
  grouping_key: string;
  affected_nodes: string[];
  fingerprints: string[];
  acknowledged_at: string | null;
  closed_at: string | null;
  explanation: Record<string, unknown>;
  alerts: IssueAlert[];
  events: IssueEvent[];
  related: IssueSummary[];
  health_at_start: number | null;
  health_now: number | null;
  investigations: InvestigationLink[];
  ai_issue_id: string | null;
}

export interface IssueFilters {
  status: string;
  severity: string;
  tier: string;
  owner: string;
  age: string;
  q: string;
  cluster_id: string;
}

export type TriageAction =
  | "acknowledge"
  | "investigate"
  | "assign"
  | "comment"
  | "severity"
  | "silence"
  | "resolve"
  | "close"
  | "merge"
  | "link";

export interface TriageBody {
  note?: string;
  owner?: string;
  severity?: string;
  until?: string;
  target_issue_id?: number;
}
