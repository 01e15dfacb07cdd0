import { lazy, Suspense, useState } from "react";
import { ConnectionCheckButton } from "../features/llmUsage/ConnectionCheckButton";
import { LlmUsageTables } from "../features/llmUsage/LlmUsageTables";
import { formatCost, totalTokens, type LlmStatus, type LlmUsageReport } from "../features/llmUsage/llmUsageTypes";
import { useLlmUsage } from "../features/llmUsage/useLlmUsage";
import { useSession } from "../shared/auth/useSession";
import { formatNumber } from "../shared/format/formatNumber";
import { EmptyState } from "../shared/ui/EmptyState";
import { ErrorState } from "../shared/ui/ErrorState";
import { LoadingState } from "../shared/ui/LoadingState";
import { StatCard } from "../shared/ui/StatCard";

const LlmUsageCharts = lazy(() =>
  import("../features/llmUsage/LlmUsageCharts").then((m) => ({ default: m.LlmUsageCharts })),
);

const WINDOWS = [7, 30, 90] as const;

function ProviderLine({ provider }: { provider: LlmStatus }) {
  if (!provider.configured) {
    return (
      <p className="text-xs text-amber-700 dark:text-amber-400">
        No LLM provider configured — the agents run their deterministic rules.
      </p>
    );
  }
  return (
    <p className="text-xs text-slate-500 dark:text-slate-400">
      Provider <span className="font-medium">{provider.provider}</span>, model{" "}
      <span className="font-mono">{provider.model}</span>
    </p>
  );
}

function NoUsage({ report, days }: { report: LlmUsageReport; days: number }) {
  if (!report.provider.configured) {
    return (
      <EmptyState title="No LLM provider is configured">
        <p>{report.provider.reason}</p>
        <p className="mt-2">
          The Investigator and Patrol still run, with deterministic rules over the same evidence. To let a model
          direct them, set <code>BYOC_LLM_PROVIDER</code> (<code>anthropic</code> or <code>openai</code> for any
          OpenAI-compatible server), <code>BYOC_LLM_MODEL</code>, <code>BYOC_LLM_API_KEY</code> and, for a
          self-hosted server, <code>BYOC_LLM_BASE_URL</code>, then restart. Every model call then shows up here.
        </p>
      </EmptyState>
    );
  }
  return (
    <EmptyState title={`No model calls in the last ${days} days`}>
      The agents have not called {report.provider.model} in this window. Calls appear here as investigations,
      patrols and chats use the model.
    </EmptyState>
  );
}

function UsageStatCards({ report }: { report: LlmUsageReport }) {
  const t = report.totals;
  return (
    <div role="region" aria-label="Usage totals" className="grid grid-cols-2 gap-3 lg:grid-cols-4">
      <StatCard label="Model calls" value={formatNumber(t.calls)} hint={`${formatNumber(t.errors)} failed`} />
      <StatCard
        label="Tokens"
        value={formatNumber(totalTokens(t))}
        hint={`in ${formatNumber(t.input_tokens)} · out ${formatNumber(t.output_tokens)} · cache ${formatNumber(t.cache_read_tokens + t.cache_write_tokens)}`}
      />
      <StatCard
        label="Cost"
        value={formatCost(t.cost_usd ?? 0)}
        hint={t.unpriced_calls > 0 ? `${formatNumber(t.unpriced_calls)} calls of unpriced models` : "list prices"}
      />
      <StatCard label="Average latency" value={t.avg_latency_ms === null ? "—" : `${formatNumber(t.avg_latency_ms)} ms`} />
    </div>
  );
}

export function LlmUsagePage() {
  const [days, setDays] = useState<number>(30);
  const usage = useLlmUsage(days);
  const report = usage.data;
  const isAdmin = useSession()?.user.role === "admin";

  return (
    <div className="space-y-4">
      <header className="flex flex-wrap items-baseline justify-between gap-2">
        <div>
          <h1 className="text-xl font-semibold text-slate-900 dark:text-slate-100">LLM Usage</h1>
          {report && <ProviderLine provider={report.provider} />}
        </div>
        <div className="flex items-center gap-2">
        {isAdmin && report?.provider.configured && <ConnectionCheckButton />}
        <label className="text-sm text-slate-600 dark:text-slate-300">
          Window{" "}
          <select
            value={days}
            onChange={(e) => setDays(Number(e.target.value))}
            className="rounded border border-slate-300 bg-white px-2 py-1 dark:border-slate-600 dark:bg-slate-900"
          >
            {WINDOWS.map((d) => (
              <option key={d} value={d}>
                last {d} days
              </option>
            ))}
          </select>
        </label>
        </div>
      </header>

      {usage.isPending ? (
        <LoadingState label="Loading LLM usage…" />
      ) : usage.isError ? (
        <ErrorState error={usage.error} onRetry={() => void usage.refetch()} />
      ) : report && report.totals.calls === 0 ? (
        <NoUsage report={report} days={days} />
      ) : report ? (
        <>
          <UsageStatCards report={report} />
          <Suspense fallback={<LoadingState label="Loading charts…" />}>
            <LlmUsageCharts daily={report.daily} />
          </Suspense>
          <LlmUsageTables
            byAgent={report.by_agent}
            byModel={report.by_model}
            byCluster={report.by_cluster}
            topConsumers={report.top_consumers}
          />
        </>
      ) : null}
    </div>
  );
}
