import { useState } from "react";
import { useMatch } from "react-router";
import { Pager } from "../../shared/table/Pager";
import { PagedListState } from "../../shared/ui/PagedListState";
import { Panel } from "../../shared/ui/Panel";
import { AlertFilterBar } from "./AlertFilterBar";
import { hasActiveAlertFilters, PAGE_SIZES } from "./alertQuery";
import { AlertTable } from "./AlertTable";
import { useAlertQueryState } from "./useAlertQueryState";
import { useAlerts } from "./useAlerts";

/** Every stored alert, filtered, sorted and paged by the server, with the view kept in the URL. */
export function AlertBrowser() {
  const state = useAlertQueryState();
  const { query } = state;
  const selected = useMatch("/raw-alerts/:messageId");
  // Relative windows end at the time the page opened; Refresh moves them to now.
  const [now, setNow] = useState(() => new Date());
  const alerts = useAlerts(query, now);
  const filtered = hasActiveAlertFilters(query.filters);

  const body = (
    <PagedListState
      result={alerts}
      noun="alerts"
      filtered={filtered}
      emptyTitle="No alerts stored yet"
      emptyHint="Alerts appear here once Alertmanager, Grafana or the Lark pipeline delivers them."
      onFirstPage={() => state.setPage(0)}
    >
      {(data) => (
        <>
          <AlertTable
            rows={data.items}
            sort={query.sort}
            onSortChange={state.setSort}
            onCluster={state.showCluster}
            selectedId={selected?.params.messageId}
          />
          <Pager
            ariaLabel="Alert pages"
            pageSizes={PAGE_SIZES}
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
      title="Alerts"
      actions={
        <div className="flex items-center gap-2">
          {alerts.isFetching && !alerts.isPending && <span className="text-xs text-slate-400">Updating…</span>}
          <button
            type="button"
            onClick={() => {
              setNow(new Date());
              void alerts.refetch();
            }}
            className="rounded px-2 py-1 text-xs text-sky-700 dark:text-sky-400 hover:bg-sky-50 dark:hover:bg-sky-950"
          >
            Refresh
          </button>
        </div>
      }
    >
      <div className="space-y-3">
        <AlertFilterBar
          filters={query.filters}
          typed={state.typed}
          onTypedChange={state.setTypedFilter}
          onFilterChange={state.setFilter}
          onClear={state.clearFilters}
          canClear={filtered}
        />
        {body}
      </div>
    </Panel>
  );
}
