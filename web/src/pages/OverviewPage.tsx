import { lazy, Suspense, useMemo } from "react";
import { Link, Outlet, useMatch } from "react-router";
import { ClusterBrowser } from "../features/fleet/ClusterBrowser";
import { OpenIssuesList } from "../features/issues/OpenIssuesList";
import type { FilterOptions } from "../features/fleet/ClusterFilterBar";
import { FleetStatCards } from "../features/fleet/FleetStatCards";
import type { FleetSummary } from "../features/fleet/fleetTypes";
import { clusterQueryFromDefaults } from "../features/fleet/clusterQuery";
import { useClusterQueryState } from "../features/fleet/useClusterQueryState";
import { useFleetSummary } from "../features/fleet/useFleetSummary";
import { Timestamp } from "../shared/format/Timestamp";
import { usePreferences } from "../shared/preferences/usePreferences";
import { EmptyState } from "../shared/ui/EmptyState";
import { ErrorState } from "../shared/ui/ErrorState";
import { LoadingState } from "../shared/ui/LoadingState";
import { Panel } from "../shared/ui/Panel";

// ECharts is the heaviest dependency: load it after the numbers are on screen.
const FleetCharts = lazy(() => import("../features/fleet/FleetCharts").then((m) => ({ default: m.FleetCharts })));
const FleetHealthSection = lazy(() =>
  import("../features/health/FleetHealthSection").then((m) => ({ default: m.FleetHealthSection })),
);

const DEFAULT_OPTIONS: FilterOptions = {
  state: ["RUNNING", "SUSPENDED", "ABNORMAL", "RELEASED"],
  type: ["CLASSIC", "ELASTIC"],
  tier: ["S", "A", "B"],
  version: [],
  region: [],
};

function filterOptions(summary: FleetSummary | undefined): FilterOptions {
  if (!summary) return DEFAULT_OPTIONS;
  const keys = (counts: Record<string, number> | undefined, numeric = false) =>
    Object.keys(counts ?? {}).sort((a, b) => (numeric ? b.localeCompare(a, undefined, { numeric: true }) : a.localeCompare(b)));
  return {
    state: keys(summary.clusters_by_state),
    type: keys(summary.clusters_by_type),
    tier: keys(summary.clusters_by_tier),
    version: keys(summary.clusters_by_version, true),
    region: keys(summary.clusters_by_region),
  };
}

export function OverviewPage() {
  const summary = useFleetSummary();
  const defaults = usePreferences().data?.default_filters;
  // Read once, at mount: the shell waits for the preferences before it renders a page.
  const queryState = useClusterQueryState(clusterQueryFromDefaults(defaults));
  const selected = useMatch("/overview/clusters/:clusterId");
  const options = useMemo(() => filterOptions(summary.data), [summary.data]);
  const fleetIsEmpty = summary.data?.clusters === 0;

  return (
    <div className="space-y-4">
      <header className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-xl font-semibold text-slate-900 dark:text-slate-100">Overview</h1>
        {summary.data?.data_through && (
          <p className="text-xs text-slate-500 dark:text-slate-400">Data through <Timestamp value={summary.data.data_through} /></p>
        )}
      </header>

      {summary.isPending ? (
        <LoadingState label="Loading fleet summary…" />
      ) : summary.isError ? (
        <ErrorState error={summary.error} onRetry={() => void summary.refetch()} />
      ) : fleetIsEmpty ? (
        <EmptyState title="No clusters in the fleet yet">
          The overview fills in once organizations and clusters are loaded from the control plane.
        </EmptyState>
      ) : (
        <>
          <FleetStatCards summary={summary.data} />
          <Suspense fallback={<LoadingState label="Loading charts…" />}>
            <FleetCharts summary={summary.data} onFilter={queryState.setFilter} />
          </Suspense>
          <Suspense fallback={<LoadingState label="Loading health and risk…" />}>
            <FleetHealthSection />
          </Suspense>
        </>
      )}

      {!fleetIsEmpty && (
        <Panel title="Open issues" actions={<Link className="text-xs text-sky-700 hover:underline dark:text-sky-400" to="/issues">All issues</Link>}>
          <OpenIssuesList />
        </Panel>
      )}

      {!fleetIsEmpty && (
        <ClusterBrowser state={queryState} options={options} selectedId={selected?.params.clusterId} />
      )}
      <Outlet />
    </div>
  );
}
