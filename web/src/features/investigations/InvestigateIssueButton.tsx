import { useNavigate } from "react-router";
import { isApiError } from "../../shared/api/ApiError";
import { useSession } from "../../shared/auth/useSession";
import { Button } from "../../shared/ui/Button";
import { useStartInvestigation } from "./useInvestigations";

/** Operators start an investigation of an issue's cluster, tied to the issue; its report opens when done. */
export function InvestigateIssueButton({ issueId, clusterId }: { issueId: number; clusterId: string | null }) {
  const session = useSession();
  const start = useStartInvestigation();
  const navigate = useNavigate();
  const canStart = session?.user.role === "operator" || session?.user.role === "admin";
  if (!canStart || clusterId === null) return null;
  const error = start.error;
  return (
    <div className="mt-2 space-y-1">
      <Button
        type="button"
        variant="primary"
        disabled={start.isPending}
        onClick={() =>
          start.mutate(
            { cluster_id: clusterId, issue_id: issueId },
            { onSuccess: (inv) => void navigate(`/investigations/${encodeURIComponent(inv.investigation_id)}`) },
          )
        }
      >
        {start.isPending ? "Investigating…" : "Investigate this issue"}
      </Button>
      {error && (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          {isApiError(error) ? (error.detail ?? error.title) : String(error)}
        </p>
      )}
    </div>
  );
}
