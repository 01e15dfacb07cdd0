import { Link } from "react-router";
import { Timestamp } from "../../shared/format/Timestamp";
import { ErrorState } from "../../shared/ui/ErrorState";
import { LoadingState } from "../../shared/ui/LoadingState";
import { IssueStatusBadge, SeverityBadge } from "./IssueBadges";
import { useIssues } from "./useIssues";

/** Active issues, most severe first: the Overview's list, or one cluster's in its drawer. */
export function OpenIssuesList({ clusterId, limit = 8 }: { clusterId?: string; limit?: number }) {
  const issues = useIssues({ status: "active", cluster_id: clusterId ?? "", sort: "severity,desc" }, 0, limit);
  if (issues.isPending) return <LoadingState label="Loading open issues…" />;
  if (issues.isError) return <ErrorState error={issues.error} onRetry={() => void issues.refetch()} />;
  const { items, total } = issues.data;
  if (items.length === 0) return <p className="text-sm text-slate-500">No open issues.</p>;
  return (
    <div className="space-y-1">
      <ul aria-label={clusterId ? "Open issues of the cluster" : "Open issues"} className="space-y-1 text-sm">
        {items.map((i) => (
          <li key={i.issue_id} className="flex flex-wrap items-center gap-2">
            <SeverityBadge severity={i.severity} />
            <Link className="text-sky-700 hover:underline dark:text-sky-400" to={`/issues/${i.issue_id}`}>
              {clusterId ? (i.alert_name ?? i.title) : i.title}
            </Link>
            <IssueStatusBadge status={i.status} />
            <span className="text-xs text-slate-500">
              since <Timestamp value={i.first_seen} />
            </span>
          </li>
        ))}
      </ul>
      {total > items.length && (
        <Link className="text-xs text-sky-700 hover:underline dark:text-sky-400" to={clusterId ? `/issues?cluster_id=${encodeURIComponent(clusterId)}` : "/issues"}>
          All {total} open issues
        </Link>
      )}
    </div>
  );
}
