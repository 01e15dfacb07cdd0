import { useState, type FormEvent } from "react";
import { useNavigate } from "react-router";
import { isApiError } from "../../shared/api/ApiError";
import { Button } from "../../shared/ui/Button";
import { useStartInvestigation } from "./useInvestigations";

/** Operators start an investigation of one cluster; the report opens when it is done. */
export function StartInvestigationForm() {
  const [clusterId, setClusterId] = useState("");
  const [issueId, setIssueId] = useState("");
  const start = useStartInvestigation();
  const navigate = useNavigate();

  function submit(event: FormEvent) {
    event.preventDefault();
    const issue = issueId.trim() === "" ? undefined : Number(issueId);
    start.mutate(
      { cluster_id: clusterId.trim(), issue_id: issue },
      { onSuccess: (inv) => void navigate(`/investigations/${encodeURIComponent(inv.investigation_id)}`) },
    );
  }

  const error = start.error;
  return (
    <form aria-label="Start an investigation" onSubmit={submit} className="flex flex-wrap items-end gap-3">
      <label className="flex flex-col text-xs text-slate-600 dark:text-slate-400">
        Cluster id
        <input
          required
          value={clusterId}
          onChange={(e) => setClusterId(e.target.value)}
          placeholder="c-…"
          className="mt-1 w-56 rounded-md border border-slate-300 px-2 py-1 text-sm dark:border-slate-600 dark:bg-slate-900"
        />
      </label>
      <label className="flex flex-col text-xs text-slate-600 dark:text-slate-400">
        Issue id (optional)
        <input
          inputMode="numeric"
          pattern="[0-9]*"
          value={issueId}
          onChange={(e) => setIssueId(e.target.value)}
          className="mt-1 w-32 rounded-md border border-slate-300 px-2 py-1 text-sm dark:border-slate-600 dark:bg-slate-900"
        />
      </label>
      <Button type="submit" variant="primary" disabled={start.isPending || clusterId.trim() === ""}>
        {start.isPending ? "Investigating…" : "Investigate"}
      </Button>
      {error && (
        <p role="alert" className="w-full text-sm text-red-700 dark:text-red-400">
          {isApiError(error) ? (error.detail ?? error.title) : String(error)}
        </p>
      )}
    </form>
  );
}
