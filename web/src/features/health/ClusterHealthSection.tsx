import { isApiError } from "../../shared/api/ApiError";
import { EChart } from "../../shared/charts/EChart";
import { formatDecimal } from "../../shared/format/formatNumber";
import { Timestamp } from "../../shared/format/Timestamp";
import { ErrorState } from "../../shared/ui/ErrorState";
import { LoadingState } from "../../shared/ui/LoadingState";
import { QueryView } from "../../shared/ui/QueryView";
import { RiskBadge } from "../risk/RiskBadge";
import { describeHistory, historyOption } from "./healthChartOptions";
import { parseApiTime } from "../../shared/format/formatDateTime";
import type { ClusterHealth, HealthFactor, HealthScore } from "./healthTypes";
import { useClusterHealth, useHealthDiff } from "./useClusterHealth";
import { TableHead } from "../../shared/table/TableHead";

function value(v: number | null, unit: string | null): string {
  if (v === null) return "—";
  return `${formatDecimal(v)}${unit ? ` ${unit}` : ""}`;
}

function threshold(f: HealthFactor): string {
  if (f.warn === null && f.crit === null) return "—";
  return `${f.warn === null ? "—" : formatDecimal(f.warn)} / ${f.crit === null ? "—" : formatDecimal(f.crit)}`;
}

function Explanation({ latest }: { latest: HealthScore }) {
  const e = latest.explanation;
  return (
    <div className="space-y-2">
      <div className="flex items-baseline gap-3">
        <span className="text-3xl font-semibold text-slate-900 tabular-nums dark:text-slate-100" aria-label="Health score">
          {latest.score === null ? "—" : formatDecimal(latest.score)}
        </span>
        <RiskBadge value={latest.status} />
        <span className="text-xs text-slate-500 dark:text-slate-400">
          as of <Timestamp value={latest.scored_at} /> · {e.window_hours} h window · {e.metrics_checked} metrics checked
        </span>
      </div>
      {e.no_data_reason && <p className="text-sm text-slate-600 dark:text-slate-300">{e.no_data_reason}</p>}
      {e.factors.length === 0 ? (
        latest.score !== null && <p className="text-sm text-slate-500 dark:text-slate-400">Every metric stayed inside its band: no points lost.</p>
      ) : (
        <div className="overflow-x-auto">
          <table aria-label="Score explanation" className="min-w-full text-left text-xs">
            <TableHead headers={["Factor", "Dimension", "Worst value", "Warning / critical", "Hours bad", "Points lost"]} />
            <tbody>
              {e.factors.map((f) => (
                <tr key={`${f.dimension}-${f.metric}`} className="border-b border-slate-100 dark:border-slate-800 last:border-0">
                  <td className="px-2 py-1.5 font-medium">
                    {f.metric}
                    {f.detail && <span className="ml-1 font-normal text-slate-500">({f.detail})</span>}
                  </td>
                  <td className="px-2 py-1.5">{f.dimension.replace(/_/g, " ")}</td>
                  <td className="px-2 py-1.5 tabular-nums">{value(f.value, f.unit)}</td>
                  <td className="px-2 py-1.5 tabular-nums">{threshold(f)}</td>
                  <td className="px-2 py-1.5 tabular-nums">
                    {f.hours_bad} / {f.hours}
                  </td>
                  <td className="px-2 py-1.5 font-semibold text-red-700 tabular-nums dark:text-red-300">
                    {`−${formatDecimal(f.points_lost)}`}
                    <span className="ml-1 font-normal text-slate-400">of {formatDecimal(f.max_points)}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

const DAY_MS = 24 * 3600 * 1000;

/**
 * Whether there is a score to compare with: the newest one and one at least 24 hours older in the
 * history. Without them the diff would only answer 404, which the browser logs as an error.
 */
export function canCompareWithYesterday(health: ClusterHealth): boolean {
  const newest = parseApiTime(health.latest?.scored_at);
  if (!newest || health.latest?.score == null) return false;
  return health.history.some((p) => {
    const t = parseApiTime(p.scored_at);
    return p.score !== null && t !== null && t.getTime() <= newest.getTime() - DAY_MS;
  });
}

const NOTHING_TO_COMPARE = "No score from 24 hours earlier to compare with.";

function SinceYesterday({ clusterId, enabled }: { clusterId: string; enabled: boolean }) {
  const diff = useHealthDiff(clusterId, enabled);
  if (!enabled) return <p className="text-sm text-slate-500 dark:text-slate-400">{NOTHING_TO_COMPARE}</p>;
  if (diff.isPending) return <LoadingState label="Comparing with yesterday…" />;
  if (diff.isError) {
    if (isApiError(diff.error) && diff.error.status === 404) {
      return <p className="text-sm text-slate-500 dark:text-slate-400">{NOTHING_TO_COMPARE}</p>;
    }
    return <ErrorState error={diff.error} onRetry={() => void diff.refetch()} />;
  }
  const d = diff.data;
  const changes = [...d.worse, ...d.better];
  return (
    <div aria-label="Since yesterday" role="group" className="space-y-1">
      <p className="text-sm text-slate-800 dark:text-slate-200">{d.summary}</p>
      {changes.length > 0 && (
        <ul className="space-y-0.5 text-xs">
          {changes.map((c) => (
            <li key={`${c.dimension}-${c.metric}`} className="flex gap-2">
              <span
                className={`w-12 shrink-0 text-right font-semibold tabular-nums ${c.points_change > 0 ? "text-red-700 dark:text-red-300" : "text-emerald-700 dark:text-emerald-300"}`}
              >
                {`${c.points_change > 0 ? "−" : "+"}${formatDecimal(Math.abs(c.points_change))}`}
              </span>
              <span className="text-slate-700 dark:text-slate-300">{c.text}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** The drawer's health part: the score with its explanation, its history and what changed since yesterday. */
export function ClusterHealthSection({ clusterId }: { clusterId: string }) {
  const health = useClusterHealth(clusterId);
  return (
    <QueryView query={health} loadingLabel="Loading health score…">
      {(h) =>
        h.latest === null ? (
          <p className="text-sm text-slate-500 dark:text-slate-400">This cluster has not been scored yet.</p>
        ) : (
          <div className="space-y-4">
            <Explanation latest={h.latest} />
            <div>
              <h4 className="mb-1 text-xs font-semibold text-slate-600 dark:text-slate-400">Why it changed since yesterday</h4>
              <SinceYesterday clusterId={clusterId} enabled={canCompareWithYesterday(h)} />
            </div>
            <div>
              <h4 className="mb-1 text-xs font-semibold text-slate-600 dark:text-slate-400">Score history ({h.history.length} h)</h4>
              <EChart option={historyOption(h.history)} height={180} ariaLabel={describeHistory(h.history)} />
            </div>
          </div>
        )
      }
    </QueryView>
  );
}
