import { Link, useParams } from "react-router";
import { PatrolChangesView, PatrolReportView } from "../features/patrol/PatrolReportView";
import { usePatrolDiff, usePatrolReport } from "../features/patrol/usePatrol";
import { ErrorState } from "../shared/ui/ErrorState";
import { LoadingState } from "../shared/ui/LoadingState";
import { Panel } from "../shared/ui/Panel";

export function PatrolReportPage() {
  const { id = "" } = useParams();
  const report = usePatrolReport(id);
  const diff = usePatrolDiff(id, report.data?.status === "done");

  return (
    <div className="space-y-4">
      <div>
        <Link to="/patrol" className="text-sm text-sky-700 hover:underline dark:text-sky-400">← Patrol</Link>
        <h1 className="text-xl font-semibold text-slate-900 dark:text-slate-100">Patrol report</h1>
      </div>
      {report.isPending ? (
        <LoadingState />
      ) : report.isError ? (
        <ErrorState error={report.error} onRetry={() => void report.refetch()} />
      ) : (
        <>
          {report.data.status === "done" && (
            <Panel title="Since the previous patrol">
              {diff.isPending ? <LoadingState /> : diff.isError ? <ErrorState error={diff.error} /> : <PatrolChangesView changes={diff.data.changes} />}
            </Panel>
          )}
          <PatrolReportView report={report.data} />
        </>
      )}
    </div>
  );
}
