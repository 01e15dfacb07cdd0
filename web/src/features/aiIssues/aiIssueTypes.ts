export interface AiIssue {
  ai_issue_id: string;
  title: string;
  alert_family: string;
  severity: string;
  summary: string;
  summary_source: "template" | "llm";
  suggested_next_step: string | null;
  knowledge_doc_ids: string[];
  clusters: string[];
  issue_ids: number[];
  shared_attributes: Record<string, string>;
  evidence: { rule?: string; alert_names?: string[]; pairs?: { issues: string; title_similarity: number }[] };
  first_seen: string | null;
  last_seen: string | null;
  computed_at: string;
  active: boolean;
  input_tokens: number | null;
  output_tokens: number | null;
}

export interface RecomputeResult {
  computed_at: string;
  candidates: number;
  groups: number;
}
