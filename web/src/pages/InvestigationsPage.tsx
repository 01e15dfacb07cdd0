import { useState } from "react";
import { InvestigationTable } from "../features/investigations/InvestigationTable";
import { StartInvestigationForm } from "../features/investigations/StartInvestigationForm";
import { useInvestigations } from "../features/investigations/useInvestigations";
import { useSession } from "../shared/auth/useSession";
import { PrevNextPager } from "../shared/table/PrevNextPager";
import { EmptyState } from "../shared/ui/EmptyState";
import { ErrorState } from "../shared/ui/ErrorState";
import { LoadingState } from "../shared/ui/LoadingState";
import { Panel } from "../shared/ui/Panel";

export const ROOT_CAUSES = ["disk_capacity", "compaction_backlog", "be_oom", "fe_gc_pressure", "query_overload", "routine_load_lag",
  "node_failure", "version_bug", "scaling_side_effect", "no_incident", "unknown"];
const PAGE_SIZE = 25;

export function InvestigationsPage() {
  const role = useSession()?.user.role;
  const [clusterId, setClusterId] = useState("");
  const [rootCause, setRootCause] = useState("");
  const [page, setPage] = useState(0);
  const list = useInvestigations({ cluster_id: clusterId.trim() || undefined, root_cause: rootCause || undefined, page, size: PAGE_SIZE });

  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold text-slate-900 dark:text-slate-100">Investigations</h1>
      {/* The server enforces roles; viewers are spared a form that would answer 403. */}
      {role !== "viewer" && (
        <Panel title="Start an investigation">
          <StartInvestigationForm />
        </Panel>
      )}
      <Panel title="Reports">
        <div className="mb-3 flex flex-wrap gap-3 text-xs text-slate-600 dark:text-slate-400">
          <label className="flex flex-col">
            Cluster
            <input
              value={clusterId}
              onChange={(e) => { setClusterId(e.target.value); setPage(0); }}
              className="mt-1 w-48 rounded-md border border-slate-300 px-2 py-1 text-sm dark:border-slate-600 dark:bg-slate-900"
            />
          </label>
          <label className="flex flex-col">
            Root cause
            <select
              value={rootCause}
              onChange={(e) => { setRootCause(e.target.value); setPage(0); }}
              className="mt-1 rounded-md border border-slate-300 px-2 py-1 text-sm dark:border-slate-600 dark:bg-slate-900"
            >
              <option value="">any</option>
              {ROOT_CAUSES.map((c) => <option key={c} value={c}>{c}</option>)}
            </select>
          </label>
        </div>
        {list.isPending ? (
          <LoadingState />
        ) : list.isError ? (
          <ErrorState error={list.error} onRetry={() => void list.refetch()} />
        ) : list.data.total === 0 ? (
          <EmptyState title="No investigations">The Investigator writes one for each Sentinel task; operators can start one above.</EmptyState>
        ) : (
          <div className="space-y-3">
            <InvestigationTable items={list.data.items} />
            <PrevNextPager label="Investigation pages" page={page} size={PAGE_SIZE} total={list.data.total} onPageChange={setPage} />
          </div>
        )}
      </Panel>
    </div>
  );
}
