import { useMemo, useState } from "react";
import { useFleetSummary } from "../features/fleet/useFleetSummary";
import { UsageHeatmaps } from "../features/usage/UsageHeatmaps";
import { UsagePercentiles } from "../features/usage/UsagePercentiles";
import { UsageScopeBar } from "../features/usage/UsageScopeBar";
import type { UsageReport } from "../features/usage/usageTypes";
import { FLEET_SCOPE, useUsage, type UsageScope } from "../features/usage/useUsage";
import { IdleTable, OverProvisionedTable } from "../features/usage/WasteTables";
import { formatDecimal, formatNumber, formatUsd } from "../shared/format/formatNumber";
import { Timestamp } from "../shared/format/Timestamp";
import { useDebouncedValue } from "../shared/hooks/useDebouncedValue";
import { EmptyState } from "../shared/ui/EmptyState";
import { Panel } from "../shared/ui/Panel";
import { QueryView } from "../shared/ui/QueryView";
import { StatCard } from "../shared/ui/StatCard";

function Report({ report }: { report: UsageReport }) {
  if (report.scope.clusters === 0) {
    return <EmptyState title="No usage data in this scope">No cluster in this scope has snapshots in the window.</EmptyState>;
  }
  const w = report.waste;
  return (
    <div className="space-y-4">
      <section aria-label="Waste totals" className="grid grid-cols-2 gap-3 lg:grid-cols-4">
        <StatCard label="Clusters in scope" value={formatNumber(report.scope.clusters)} />
        <StatCard label="Idle / over-provisioned" value={`${formatNumber(w.idle_clusters)} / ${formatNumber(w.over_provisioned_clusters)}`} />
        <StatCard label="CCU wasted per week" value={formatDecimal(w.ccu_per_week)} />
        <StatCard label="Dollars wasted per week" value={formatUsd(w.usd_per_week)} />
      </section>
      <UsageHeatmaps heatmap={report.heatmap} />
      <Panel title={`Utilization percentiles (${report.days} days)`}>
        <UsagePercentiles percentiles={report.percentiles} />
      </Panel>
      <Panel title={`Idle clusters (${report.idle.length})`}>
        <IdleTable rows={report.idle} />
      </Panel>
      <Panel title={`Over-provisioned clusters (${report.over_provisioned.length})`}>
        <OverProvisionedTable rows={report.over_provisioned} />
      </Panel>
    </div>
  );
}

export function UsagePage() {
  const [scope, setScope] = useState<UsageScope>(FLEET_SCOPE);
  const debounced = useDebouncedValue(scope, 300);
  const usage = useUsage(debounced);
  const summary = useFleetSummary();
  const regions = useMemo(() => Object.keys(summary.data?.clusters_by_region ?? {}).sort(), [summary.data]);

  return (
    <div className="space-y-4">
      <header className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-xl font-semibold text-slate-900 dark:text-slate-100">Usage Patterns</h1>
        {usage.data?.as_of && (
          <p className="text-xs text-slate-500 dark:text-slate-400">
            {usage.data.days} days through <Timestamp value={usage.data.as_of} />
          </p>
        )}
      </header>
      <UsageScopeBar scope={scope} regions={regions} onChange={(field, value) => setScope((s) => ({ ...s, [field]: value }))} />
      <QueryView query={usage} loadingLabel="Loading usage patterns…">
        {(report) => <Report report={report} />}
      </QueryView>
    </div>
  );
}
