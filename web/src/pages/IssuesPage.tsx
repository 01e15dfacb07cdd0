import { useState } from "react";
import { useSearchParams } from "react-router";
import { BulkTriageBar } from "../features/issues/BulkTriageBar";
import { IssueFilterBar } from "../features/issues/IssueFilterBar";
import { IssueTable } from "../features/issues/IssueTable";
import type { IssueFilters } from "../features/issues/issueTypes";
import { initialIssueFilters, ISSUE_PAGE_SIZE, useIssues } from "../features/issues/useIssues";
import { ClusterPager } from "../features/fleet/ClusterPager";
import { useDebouncedValue } from "../shared/hooks/useDebouncedValue";
import { EmptyState } from "../shared/ui/EmptyState";
import { ErrorState } from "../shared/ui/ErrorState";
import { LoadingState } from "../shared/ui/LoadingState";

export function IssuesPage() {
  const [search] = useSearchParams();
  const [filters, setFilters] = useState<IssueFilters>(() => initialIssueFilters(search));
  const [page, setPage] = useState(0);
  const [size, setSize] = useState(ISSUE_PAGE_SIZE);
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const debounced = useDebouncedValue(filters, 300);
  const issues = useIssues(debounced, page, size);

  const change = (next: IssueFilters) => {
    setFilters(next);
    setPage(0);
    setSelected(new Set());
  };
  const toggle = (id: number) =>
    setSelected((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const toggleAll = (ids: number[], on: boolean) =>
    setSelected((s) => {
      const next = new Set(s);
      ids.forEach((id) => (on ? next.add(id) : next.delete(id)));
      return next;
    });

  return (
    <div className="space-y-4">
      <header className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-xl font-semibold text-slate-900 dark:text-slate-100">Issues</h1>
        <p className="text-xs text-slate-500 dark:text-slate-400">Alerts grouped by cluster and alert name; open an issue to triage it.</p>
      </header>
      <IssueFilterBar filters={filters} onChange={change} />
      <BulkTriageBar selected={[...selected]} onDone={() => setSelected(new Set())} />
      {issues.isPending ? (
        <LoadingState label="Loading issues…" />
      ) : issues.isError ? (
        <ErrorState error={issues.error} onRetry={() => void issues.refetch()} />
      ) : issues.data.total === 0 ? (
        <EmptyState title="No issues match">Issues appear as alerts arrive; change the filters to see resolved or closed ones.</EmptyState>
      ) : (
        <>
          <IssueTable issues={issues.data.items} selected={selected} onToggle={toggle} onToggleAll={toggleAll} />
          <ClusterPager
            label="Issue pages"
            page={page}
            size={size}
            total={issues.data.total}
            onPageChange={setPage}
            onSizeChange={(s) => {
              setSize(s);
              setPage(0);
            }}
          />
        </>
      )}
    </div>
  );
}
