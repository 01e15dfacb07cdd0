/** GET /api/llm/status and the provider part of GET /api/llm-usage. */
export interface LlmStatus {
  configured: boolean;
  provider: string;
  model: string | null;
  base_url: string | null;
  reason: string | null;
}

export interface UsageTokens {
  calls: number;
  errors: number;
  input_tokens: number;
  output_tokens: number;
  cache_read_tokens: number;
  cache_write_tokens: number;
  /** Null when no call of the group has a price. */
  cost_usd: number | null;
}

export interface UsageTotals extends UsageTokens {
  unpriced_calls: number;
  avg_latency_ms: number | null;
}

/** One agent, provider/model or cluster (label: the cluster's name). */
export interface UsageGroup extends UsageTokens {
  name: string;
  label: string | null;
}

export interface UsageDaily extends UsageTokens {
  usage_date: string;
  agent: string;
  model: string;
}

export interface UsageConsumer {
  kind: "investigation" | "patrol" | "chat" | "cluster";
  id: string;
  agent: string;
  cluster_id: string | null;
  calls: number;
  total_tokens: number;
  cost_usd: number | null;
  last_at: string;
}

/** GET /api/llm-usage */
export interface LlmUsageReport {
  provider: LlmStatus;
  from: string;
  to: string;
  totals: UsageTotals;
  by_agent: UsageGroup[];
  by_model: UsageGroup[];
  by_cluster: UsageGroup[];
  daily: UsageDaily[];
  top_consumers: UsageConsumer[];
}

export function totalTokens(t: UsageTokens): number {
  return t.input_tokens + t.output_tokens + t.cache_read_tokens + t.cache_write_tokens;
}

const smallUsd = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", minimumFractionDigits: 4, maximumFractionDigits: 4 });
const usd = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" });

/** Model calls cost fractions of a cent: below a dollar, four decimals; "unpriced" without a price. */
export function formatCost(value: number | null): string {
  if (value === null) return "unpriced";
  return Math.abs(value) < 1 ? smallUsd.format(value) : usd.format(value);
}
