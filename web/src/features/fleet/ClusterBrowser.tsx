import { PagedListState } from "../../shared/ui/PagedListState";
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

  const body = (
    <PagedListState
      result={clusters}
      noun="clusters"
      filtered={filtered}
      emptyTitle="No clusters in the fleet yet"
      emptyHint="Clusters appear here once the control-plane data is loaded."
      onFirstPage={() => state.setPage(0)}
    >
      {(data) => (
        <>
          <ClusterTable rows={data.items} sort={query.sort} onSortChange={state.setSort} selectedId={selectedId} />
          <ClusterPager
            page={query.page}
            size={query.size}
            total={data.total}
            onPageChange={state.setPage}
            onSizeChange={state.setSize}
          />
        </>
      )}
    </PagedListState>
  );

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
