import { Link, useNavigate, useParams } from "react-router";
import { InvestigationReport } from "../features/investigations/InvestigationReport";
import { useInvestigation, useRerunInvestigation } from "../features/investigations/useInvestigations";
import { isApiError } from "../shared/api/ApiError";
import { useSession } from "../shared/auth/useSession";
import { Button } from "../shared/ui/Button";
import { ErrorState } from "../shared/ui/ErrorState";
import { LoadingState } from "../shared/ui/LoadingState";

export function InvestigationReportPage() {
  const { id = "" } = useParams();
  const role = useSession()?.user.role;
  const investigation = useInvestigation(id);
  const rerun = useRerunInvestigation();
  const navigate = useNavigate();

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <div>
          <Link to="/investigations" className="text-sm text-sky-700 hover:underline dark:text-sky-400">← Investigations</Link>
          <h1 className="text-xl font-semibold text-slate-900 dark:text-slate-100">Investigation <span className="font-mono text-base">{id}</span></h1>
        </div>
        {role !== "viewer" && investigation.data && (
          <Button
            variant="primary"
            disabled={rerun.isPending}
            onClick={() => rerun.mutate(id, { onSuccess: (inv) => void navigate(`/investigations/${encodeURIComponent(inv.investigation_id)}`) })}
          >
            {rerun.isPending ? "Re-running…" : "Re-run"}
          </Button>
        )}
      </div>
      {rerun.error && (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          {isApiError(rerun.error) ? (rerun.error.detail ?? rerun.error.title) : String(rerun.error)}
        </p>
      )}
      {investigation.isPending ? (
        <LoadingState />
      ) : investigation.isError ? (
        <ErrorState error={investigation.error} onRetry={() => void investigation.refetch()} />
      ) : (
        <InvestigationReport investigation={investigation.data} />
      )}
    </div>
  );
}
