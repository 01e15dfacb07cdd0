import { EmptyState } from "../../shared/ui/EmptyState";
import { ErrorState } from "../../shared/ui/ErrorState";
import { LoadingState } from "../../shared/ui/LoadingState";
import { Panel } from "../../shared/ui/Panel";
import { ClusterFilterBar, type FilterOptions } from "./ClusterFilterBar";
import { ClusterPager } from "./ClusterPager";
import { hasActiveFilters } from "./clusterQuery";
import { ClusterTable } from "./ClusterTable";
import type { ClusterQueryState } from "./useClusterQueryState";
import { useClusters } from "./useClusters";

interface ClusterBrowserProps {
  state: ClusterQueryState;
  options: FilterOptions;
  selectedId?: string;
}

/** The fleet's cluster list: filtered, sorted and paged by the server. */
export function ClusterBrowser({ state, options, selectedId }: ClusterBrowserProps) {
  const { query } = state;
  const clusters = useClusters(query);
  const filtered = hasActiveFilters(query.filters) || state.searchText.trim() !== "";

  let body;
  if (clusters.isPending) {
    body = <LoadingState label="Loading clusters…" />;
  } else if (clusters.isError) {
    body = <ErrorState error={clusters.error} onRetry={() => void clusters.refetch()} />;
  } else if (clusters.data.total === 0) {
    body = (
      <EmptyState title={filtered ? "No clusters match these filters" : "No clusters in the fleet yet"}>
        {filtered ? "Change or clear the filters above." : "Clusters appear here once the control-plane data is loaded."}
      </EmptyState>
    );
  } else if (clusters.data.items.length === 0) {
    body = (
      <EmptyState title="No clusters on this page">
        <button type="button" className="text-sky-700 dark:text-sky-400 hover:underline" onClick={() => state.setPage(0)}>
          Go to the first page
        </button>
      </EmptyState>
    );
  } else {
    body = (
      <div className={`space-y-3 transition-opacity ${clusters.isPlaceholderData ? "opacity-60" : ""}`}>
        <ClusterTable
          rows={clusters.data.items}
          sort={query.sort}
          onSortChange={state.setSort}
          selectedId={selectedId}
        />
        <ClusterPager
          page={query.page}
          size={query.size}
          total={clusters.data.total}
          onPageChange={state.setPage}
          onSizeChange={state.setSize}
        />
      </div>
    );
  }

  return (
    <Panel
      title="Clusters"
      actions={clusters.isFetching && !clusters.isPending ? <span className="text-xs text-slate-400">Updating…</span> : null}
    >
      <div className="space-y-3">
        <ClusterFilterBar
          filters={query.filters}
          options={options}
          searchText={state.searchText}
          onSearchTextChange={state.setSearchText}
          onFilterChange={state.setFilter}
          onClear={state.clearFilters}
          canClear={filtered}
        />
        {body}
      </div>
    </Panel>
  );
}
