import { useMemo, useState } from "react";
import { BacktestPanel } from "../features/breaking/BacktestPanel";
import { BreakingFilterBar } from "../features/breaking/BreakingFilterBar";
import { BreakingPointList } from "../features/breaking/BreakingPointList";
import type { BreakingPointRow } from "../features/breaking/breakingTypes";
import { ForecastChartPanel } from "../features/breaking/ForecastChartPanel";
import { NO_BREAKING_FILTERS, useBreakingPoints, type BreakingFilters } from "../features/breaking/useBreakingPoints";
import { useFleetSummary } from "../features/fleet/useFleetSummary";
import { formatNumber } from "../shared/format/formatNumber";
import { Timestamp } from "../shared/format/Timestamp";
import { useDebouncedValue } from "../shared/hooks/useDebouncedValue";
import { EmptyState } from "../shared/ui/EmptyState";
import { Panel } from "../shared/ui/Panel";
import { QueryView } from "../shared/ui/QueryView";

const PAGE_SIZE = 50;

function Pager({ offset, total, onOffset }: { offset: number; total: number; onOffset: (o: number) => void }) {
  if (total <= PAGE_SIZE) return null;
  const button = "rounded border border-slate-300 px-2 py-1 text-sm disabled:opacity-40 dark:border-slate-600";
  return (
    <nav aria-label="Breach pages" className="mt-2 flex items-center justify-between text-sm text-slate-600 dark:text-slate-400">
      <span>
        {formatNumber(offset + 1)}–{formatNumber(Math.min(total, offset + PAGE_SIZE))} of {formatNumber(total)}
      </span>
      <span className="flex gap-2">
        <button type="button" className={button} disabled={offset === 0} onClick={() => onOffset(Math.max(0, offset - PAGE_SIZE))}>
          Previous
        </button>
        <button type="button" className={button} disabled={offset + PAGE_SIZE >= total} onClick={() => onOffset(offset + PAGE_SIZE)}>
          Next
        </button>
      </span>
    </nav>
  );
}

export function BreakingPointPage() {
  const [filters, setFilters] = useState<BreakingFilters>(NO_BREAKING_FILTERS);
  const [offset, setOffset] = useState(0);
  const [picked, setPicked] = useState<{ clusterId: string; metric: string } | null>(null);
  const debounced = useDebouncedValue(filters, 300);
  const table = useBreakingPoints(debounced, PAGE_SIZE, offset);
  const summary = useFleetSummary();
  const regions = useMemo(() => Object.keys(summary.data?.clusters_by_region ?? {}).sort(), [summary.data]);

  // Until a row is picked, the chart shows the nearest breach.
  const first: BreakingPointRow | undefined = table.data?.items[0];
  const selected = picked ?? (first ? { clusterId: first.cluster_id, metric: first.metric_name } : null);

  const change = (field: keyof BreakingFilters, value: string) => {
    setFilters((f) => ({ ...f, [field]: value }));
    setOffset(0);
  };

  return (
    <div className="space-y-4">
      <header className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-xl font-semibold text-slate-900 dark:text-slate-100">Breaking Point</h1>
        {table.data?.computed_at && (
          <p className="text-xs text-slate-500 dark:text-slate-400">
            Forecasts as of <Timestamp value={table.data.computed_at} /> · horizon {table.data.horizon_days} days
          </p>
        )}
      </header>

      <BacktestPanel />

      <Panel title="Nearest breaches">
        <div className="space-y-3">
          <BreakingFilterBar filters={filters} regions={regions} onChange={change} />
          <QueryView query={table} loadingLabel="Loading forecasts…">
            {(data) => (
              <>
                <p className="text-xs text-slate-600 dark:text-slate-400" aria-label="Counts by status">
                  {Object.entries(data.counts_by_status)
                    .map(([status, n]) => `${status.replace(/_/g, " ")} ${formatNumber(n)}`)
                    .join(" · ")}
                </p>
                {data.computed_at === null ? (
                  <EmptyState title="No forecasts yet">The first scoring pass forecasts every capacity metric.</EmptyState>
                ) : data.items.length === 0 ? (
                  <EmptyState title="No breaches match">No cluster is forecast to cross a critical threshold with these filters.</EmptyState>
                ) : (
                  <>
                    <BreakingPointList
                      rows={data.items}
                      selected={selected}
                      onSelect={(r) => setPicked({ clusterId: r.cluster_id, metric: r.metric_name })}
                    />
                    <Pager offset={offset} total={data.total} onOffset={setOffset} />
                  </>
                )}
              </>
            )}
          </QueryView>
        </div>
      </Panel>

      {selected && (
        <ForecastChartPanel
          clusterId={selected.clusterId}
          metric={selected.metric}
          onMetricChange={(metric) => setPicked({ clusterId: selected.clusterId, metric })}
        />
      )}
    </div>
  );
}
