export interface Evidence {
  id: string;
  step: number;
  tool: string;
  args: Record<string, unknown>;
  summary: string;
  data: Record<string, unknown>;
}

export interface Hypothesis {
  category: string;
  status: "supported" | "refuted";
  confidence: number;
  evidence: string[];
  reasoning: string;
}

export interface InvestigationStep {
  number: number;
  name: string;
  note: string;
  evidence: string[];
}

export interface Investigation {
  investigation_id: string;
  task_id: string | null;
  issue_id: number | null;
  cluster_id: string | null;
  status: string;
  mode: string;
  started_at: string;
  finished_at: string | null;
  root_cause: string | null;
  confidence: number | null;
  severity: string | null;
  escalate: boolean | null;
  summary: string | null;
  hypotheses: Hypothesis[];
  evidence: Evidence[];
  recommendations: string[];
  steps: InvestigationStep[];
  model: string | null;
  error: string | null;
  input_tokens: number;
  output_tokens: number;
  cost_usd: number;
}

export interface InvestigationSummary {
  investigation_id: string;
  task_id: string | null;
  issue_id: number | null;
  cluster_id: string | null;
  status: string;
  mode: string;
  started_at: string;
  finished_at: string | null;
  root_cause: string | null;
  confidence: number | null;
  severity: string | null;
  escalate: boolean | null;
  evidence_count: number;
  hypothesis_count: number;
}

export interface InvestigationPage {
  items: InvestigationSummary[];
  page: number;
  size: number;
  total: number;
}

export interface StartInvestigation {
  cluster_id: string;
  issue_id?: number;
}
