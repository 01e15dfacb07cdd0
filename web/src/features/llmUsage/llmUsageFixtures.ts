import type { LlmUsageReport, UsageGroup } from "./llmUsageTypes";

function group(name: string, calls: number, input: number, output: number, cost: number | null, label: string | null = null): UsageGroup {
  return { name, label, calls, errors: 0, input_tokens: input, output_tokens: output, cache_read_tokens: 0, cache_write_tokens: 0, cost_usd: cost };
}

const configured = { configured: true, provider: "anthropic", model: "claude-sonnet-4-5", base_url: "https://api.anthropic.com", reason: null };

/** Two days: the Investigator on Claude on both, the Patrol on GPT-4.1 on the second. */
export const usageReport: LlmUsageReport = {
  provider: configured,
  from: "2026-10-31T00:00:00",
  to: "2026-11-30T00:00:00",
  totals: {
    calls: 5, errors: 1, input_tokens: 7000, output_tokens: 600, cache_read_tokens: 500, cache_write_tokens: 0,
    cost_usd: 0.0345, unpriced_calls: 1, avg_latency_ms: 1840,
  },
  by_agent: [group("investigator", 3, 3000, 300, 0.0137), group("patrol", 2, 4000, 300, 0.0208)],
  by_model: [group("anthropic/claude-sonnet-4-5", 3, 3000, 300, 0.0137), group("openai/gpt-4.1", 2, 4000, 300, 0.0208)],
  by_cluster: [group("c-0001", 3, 3000, 300, 0.0137, "prod-warehouse")],
  daily: [
    { usage_date: "2026-11-28", agent: "investigator", model: "anthropic/claude-sonnet-4-5", calls: 2, errors: 0, input_tokens: 2000, output_tokens: 200, cache_read_tokens: 500, cache_write_tokens: 0, cost_usd: 0.01 },
    { usage_date: "2026-11-29", agent: "investigator", model: "anthropic/claude-sonnet-4-5", calls: 1, errors: 0, input_tokens: 1000, output_tokens: 100, cache_read_tokens: 0, cache_write_tokens: 0, cost_usd: 0.0037 },
    { usage_date: "2026-11-29", agent: "patrol", model: "openai/gpt-4.1", calls: 2, errors: 1, input_tokens: 4000, output_tokens: 300, cache_read_tokens: 0, cache_write_tokens: 0, cost_usd: 0.0208 },
  ],
  top_consumers: [
    { kind: "patrol", id: "pat-42", agent: "patrol", cluster_id: null, calls: 2, total_tokens: 4300, cost_usd: 0.0208, last_at: "2026-11-29T06:00:00" },
    { kind: "investigation", id: "inv-7", agent: "investigator", cluster_id: "c-0001", calls: 3, total_tokens: 3800, cost_usd: 0.0137, last_at: "2026-11-29T05:10:00" },
  ],
};

export const emptyUnconfiguredReport: LlmUsageReport = {
  ...usageReport,
  provider: {
    configured: false, provider: "none", model: null, base_url: null,
    reason: "No LLM provider is configured (BYOC_LLM_PROVIDER is none): the agents run their deterministic rules.",
  },
  totals: { calls: 0, errors: 0, input_tokens: 0, output_tokens: 0, cache_read_tokens: 0, cache_write_tokens: 0, cost_usd: null, unpriced_calls: 0, avg_latency_ms: null },
  by_agent: [], by_model: [], by_cluster: [], daily: [], top_consumers: [],
};
