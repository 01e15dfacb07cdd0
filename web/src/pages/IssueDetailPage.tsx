import { Link, useParams } from "react-router";
import { IssueDetailView } from "../features/issues/IssueDetailView";
import { useIssue } from "../features/issues/useIssues";
import { ErrorState } from "../shared/ui/ErrorState";
import { LoadingState } from "../shared/ui/LoadingState";

export function IssueDetailPage() {
  const { issueId } = useParams();
  const issue = useIssue(issueId);
  return (
    <div className="space-y-3">
      <Link to="/issues" className="text-sm text-sky-700 hover:underline dark:text-sky-400">
        ← All issues
      </Link>
      {issue.isPending ? (
        <LoadingState label="Loading the issue…" />
      ) : issue.isError ? (
        <ErrorState error={issue.error} onRetry={() => void issue.refetch()} />
      ) : (
        <IssueDetailView detail={issue.data} />
      )}
    </div>
  );
}
