import { AiIssueCard } from "../features/aiIssues/AiIssueCard";
import { useAiIssues, useRecomputeAiIssues } from "../features/aiIssues/useAiIssues";
import { useSession } from "../shared/auth/useSession";
import { toast } from "../shared/toast/toastStore";
import { Button } from "../shared/ui/Button";
import { EmptyState } from "../shared/ui/EmptyState";
import { ErrorState } from "../shared/ui/ErrorState";
import { LoadingState } from "../shared/ui/LoadingState";

export function AiIssuesPage() {
  const groups = useAiIssues();
  const recompute = useRecomputeAiIssues();
  const role = useSession()?.user.role;
  const canRecompute = role === "operator" || role === "admin";

  return (
    <div className="space-y-4">
      <header className="flex flex-wrap items-baseline justify-between gap-2">
        <div>
          <h1 className="text-xl font-semibold text-slate-900 dark:text-slate-100">AI Issues</h1>
          <p className="text-xs text-slate-500 dark:text-slate-400">
            Issues on different clusters that share an alert family, version, region or instance type at the same time.
          </p>
        </div>
        {canRecompute && (
          <Button
            disabled={recompute.isPending}
            onClick={() =>
              recompute.mutate(undefined, {
                onSuccess: (r) => toast.success(`Found ${r.groups} pattern${r.groups === 1 ? "" : "s"} in ${r.candidates} issues`),
                onError: (error) => toast.fromError(error, "Recompute failed"),
              })
            }
          >
            {recompute.isPending ? "Recomputing…" : "Recompute now"}
          </Button>
        )}
      </header>
      {groups.isPending ? (
        <LoadingState label="Loading AI issues…" />
      ) : groups.isError ? (
        <ErrorState error={groups.error} onRetry={() => void groups.refetch()} />
      ) : groups.data.length === 0 ? (
        <EmptyState title="No patterns across clusters">The groups are recomputed every half hour; recompute now to look again.</EmptyState>
      ) : (
        <div className="space-y-3">
          {groups.data.map((g) => (
            <AiIssueCard key={g.ai_issue_id} group={g} />
          ))}
        </div>
      )}
    </div>
  );
}
