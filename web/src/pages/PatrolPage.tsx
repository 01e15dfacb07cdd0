import { createColumnHelper } from "@tanstack/react-table";
import { useState } from "react";
import { Link } from "react-router";
import { PatrolProgressBar } from "../features/patrol/PatrolProgressBar";
import type { PatrolSummary } from "../features/patrol/patrolTypes";
import { usePatrolReport, usePatrolReports, useRunPatrol } from "../features/patrol/usePatrol";
import { isApiError } from "../shared/api/ApiError";
import { useSession } from "../shared/auth/useSession";
import { Timestamp } from "../shared/format/Timestamp";
import { DataTable } from "../shared/table/DataTable";
import { PrevNextPager } from "../shared/table/PrevNextPager";
import { Button } from "../shared/ui/Button";
import { EmptyState } from "../shared/ui/EmptyState";
import { ErrorState } from "../shared/ui/ErrorState";
import { LoadingState } from "../shared/ui/LoadingState";
import { Panel } from "../shared/ui/Panel";

const PAGE_SIZE = 20;
const column = createColumnHelper<PatrolSummary>();
const columns = [
  column.accessor("started_at", {
    header: "Started",
    cell: (c) => <Link className="text-sky-700 hover:underline dark:text-sky-400" to={`/patrol/${encodeURIComponent(c.row.original.report_id)}`}><Timestamp value={c.getValue()} /></Link>,
  }),
  column.accessor("status", { header: "Status", cell: (c) => (c.getValue() === "running" ? `running (${c.row.original.progress.step}/${c.row.original.progress.of})` : c.getValue()) }),
  column.accessor("problem_clusters", { header: "In trouble" }),
  column.accessor("patterns", { header: "Patterns" }),
  column.accessor("average_score", { header: "Avg health", cell: (c) => c.getValue() ?? "—" }),
  column.accessor("requested_by", { header: "Requested by", cell: (c) => c.getValue() ?? "—" }),
];

/** Follows the run this page started until it is done. */
function RunProgress({ id }: { id: string }) {
  const report = usePatrolReport(id);
  if (!report.data) return null;
  return (
    <div className="mt-3 space-y-1">
      {report.data.status === "running" ? <PatrolProgressBar progress={report.data.findings.progress} /> : (
        <p className="text-sm">
          Patrol {report.data.status}.{" "}
          <Link className="text-sky-700 hover:underline dark:text-sky-400" to={`/patrol/${encodeURIComponent(id)}`}>Open the report</Link>
        </p>
      )}
    </div>
  );
}

export function PatrolPage() {
  const role = useSession()?.user.role;
  const [page, setPage] = useState(0);
  const list = usePatrolReports(page, PAGE_SIZE);
  const run = useRunPatrol();

  return (
    <div className="space-y-4">
      <div className="flex items-center justify-between">
        <h1 className="text-xl font-semibold text-slate-900 dark:text-slate-100">Patrol</h1>
        {role !== "viewer" && (
          <Button variant="primary" disabled={run.isPending} onClick={() => run.mutate()}>Run now</Button>
        )}
      </div>
      {run.error && <p role="alert" className="text-sm text-red-700 dark:text-red-400">{isApiError(run.error) ? (run.error.detail ?? run.error.title) : String(run.error)}</p>}
      {run.data && <RunProgress id={run.data.report_id} />}
      <Panel title="Reports">
        {list.isPending ? (
          <LoadingState />
        ) : list.isError ? (
          <ErrorState error={list.error} onRetry={() => void list.refetch()} />
        ) : list.data.total === 0 ? (
          <EmptyState title="No patrol reports">The Patrol runs twice a day; operators can run one now.</EmptyState>
        ) : (
          <div className="space-y-3">
            <DataTable data={list.data.items} columns={columns} ariaLabel="Patrol reports" emptyText="No reports." />
            <PrevNextPager label="Patrol pages" page={page} size={PAGE_SIZE} total={list.data.total} onPageChange={setPage} />
          </div>
        )}
      </Panel>
    </div>
  );
}
