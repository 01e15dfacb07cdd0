import {
  formatDecimal,
  formatNumber,
  formatPercentChange,
  formatUsd,
  percentChange,
} from "../../shared/format/formatNumber";
import { StatCard } from "../../shared/ui/StatCard";
import type { FleetSummary } from "./fleetTypes";

function changeTone(change: number | null): string {
  if (change === null || change === 0) return "text-slate-500 dark:text-slate-400";
  return change > 0 ? "text-emerald-700" : "text-amber-700";
}

export function FleetStatCards({ summary }: { summary: FleetSummary }) {
  // Compare against last week up to the same hour: this week is usually still in progress.
  const change = percentChange(summary.ccu_this_week, summary.ccu_last_week_to_date);
  const running = summary.clusters_by_state.RUNNING ?? 0;
  const abnormal = summary.clusters_by_state.ABNORMAL ?? 0;

  return (
    <section aria-label="Fleet totals" className="grid grid-cols-1 gap-3 sm:grid-cols-2 xl:grid-cols-4">
      <StatCard label="Organizations" value={formatNumber(summary.organizations)} />
      <StatCard
        label="Clusters"
        value={formatNumber(summary.clusters)}
        hint={
          <>
            {formatNumber(running)} running
            {abnormal > 0 && <span className="ml-2 font-medium text-red-700 dark:text-red-300">{formatNumber(abnormal)} abnormal</span>}
          </>
        }
      />
      <StatCard
        label="Nodes"
        value={formatNumber(summary.nodes.total)}
        hint={`FE ${formatNumber(summary.nodes.FE)} · BE ${formatNumber(summary.nodes.BE)} · CN ${formatNumber(summary.nodes.CN)}`}
      />
      <StatCard
        label="CCU this week"
        value={formatDecimal(summary.ccu_this_week)}
        hint={
          <>
            <span className={`font-medium ${changeTone(change)}`}>{formatPercentChange(change)}</span> vs same point
            last week ({formatDecimal(summary.ccu_last_week_to_date)}) · {formatUsd(summary.usd_this_week)}
          </>
        }
      />
    </section>
  );
}
