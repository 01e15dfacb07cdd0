import { isApiError } from "../../shared/api/ApiError";
import { formatDecimal, formatNumber } from "../../shared/format/formatNumber";
import { Timestamp } from "../../shared/format/Timestamp";
import { ErrorState } from "../../shared/ui/ErrorState";
import { LoadingState } from "../../shared/ui/LoadingState";
import { Panel } from "../../shared/ui/Panel";
import type { BacktestStats } from "./breakingTypes";
import { useBacktest } from "./useBreakingPoints";
import { TableHead } from "../../shared/table/TableHead";

export function percent(value: number | null): string {
  return value === null ? "—" : `${formatDecimal(value * 100)} %`;
}

function Stat({ label, value }: { label: string; value: string }) {
  return (
    <div className="rounded border border-slate-200 px-3 py-2 dark:border-slate-700">
      <dt className="text-xs text-slate-500 dark:text-slate-400">{label}</dt>
      <dd className="text-lg font-semibold text-slate-900 tabular-nums dark:text-slate-100">{value}</dd>
    </div>
  );
}

function ByMetric({ rows }: { rows: [string, BacktestStats][] }) {
  return (
    <table aria-label="Back-test by metric" className="mt-3 min-w-full text-left text-xs">
      <TableHead headers={["Metric", "Actual breaches", "Hits", "Hit rate", "False alarms", "MAE (days)"]} />
      <tbody>
        {rows.map(([metric, s]) => (
          <tr key={metric} className="border-b border-slate-100 dark:border-slate-800 last:border-0">
            <td className="px-2 py-1 font-mono">{metric}</td>
            <td className="px-2 py-1 tabular-nums">{formatNumber(s.actual_breaches)}</td>
            <td className="px-2 py-1 tabular-nums">{formatNumber(s.hits)}</td>
            <td className="px-2 py-1 tabular-nums">{percent(s.hit_rate)}</td>
            <td className="px-2 py-1 tabular-nums">{formatNumber(s.false_alarms)}</td>
            <td className="px-2 py-1 tabular-nums">{formatDecimal(s.mae_days)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** How often the forecaster, re-run on history cut at past dates, predicted what then happened. */
export function BacktestPanel() {
  const backtest = useBacktest();
  let body;
  if (backtest.isPending) body = <LoadingState label="Loading back-test…" />;
  else if (backtest.isError)
    body =
      isApiError(backtest.error) && backtest.error.status === 404 ? (
        <p className="text-sm text-slate-500 dark:text-slate-400">No back-test yet: there are no snapshots to test on.</p>
      ) : (
        <ErrorState error={backtest.error} onRetry={() => void backtest.refetch()} />
      );
  else {
    const b = backtest.data;
    const o = b.overall;
    body = (
      <>
        <dl className="grid grid-cols-2 gap-2 sm:grid-cols-3 lg:grid-cols-6">
          <Stat label="Hit rate" value={percent(o.hit_rate)} />
          <Stat label="Mean abs. error" value={o.mae_days === null ? "—" : `${formatDecimal(o.mae_days)} days`} />
          <Stat label="Precision" value={percent(o.precision)} />
          <Stat label="Actual breaches" value={formatNumber(o.actual_breaches)} />
          <Stat label="False alarms" value={formatNumber(o.false_alarms)} />
          <Stat label="Series evaluated" value={formatNumber(o.evaluated)} />
        </dl>
        <p className="mt-2 text-xs text-slate-500 dark:text-slate-400">
          History cut {b.cut_days.join(", ")} days before <Timestamp value={b.as_of} />; a hit is a predicted crossing within{" "}
          {formatDecimal(b.tolerance_days)} days of the actual one.
        </p>
        <ByMetric rows={Object.entries(b.by_metric)} />
      </>
    );
  }
  return <Panel title="Forecast back-test">{body}</Panel>;
}
