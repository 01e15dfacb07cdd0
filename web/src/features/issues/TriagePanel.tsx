import { useState, type FormEvent } from "react";
import { useSession } from "../../shared/auth/useSession";
import { toast } from "../../shared/toast/toastStore";
import { Button } from "../../shared/ui/Button";
import { useTriage } from "./useIssues";
import type { IssueDetail, TriageAction, TriageBody } from "./issueTypes";

const INPUT = "rounded border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-600 dark:bg-slate-900";

/** Acknowledge, investigate, assign, comment, severity, silence, resolve, close: operators only. */
export function TriagePanel({ detail }: { detail: IssueDetail }) {
  const session = useSession();
  const triage = useTriage(detail.issue.issue_id);
  const [owner, setOwner] = useState(detail.issue.assignee ?? "");
  const [comment, setComment] = useState("");
  const [until, setUntil] = useState("");
  const canTriage = session?.user.role === "operator" || session?.user.role === "admin";
  const { status, merged_into: mergedInto } = detail.issue;
  const active = !["resolved", "closed"].includes(status) && mergedInto === null;

  if (!canTriage) return <p className="text-sm text-slate-500">Viewers can read issues; operators triage them.</p>;

  const run = (action: TriageAction, body?: TriageBody, done?: () => void) =>
    triage.mutate(
      { action, body },
      { onSuccess: () => done?.(), onError: (error) => toast.fromError(error, `Could not ${action} the issue`) },
    );
  const submitComment = (e: FormEvent) => {
    e.preventDefault();
    if (comment.trim()) run("comment", { note: comment.trim() }, () => setComment(""));
  };

  return (
    <div className="space-y-3">
      <div role="toolbar" aria-label="Triage" className="flex flex-wrap items-center gap-2">
        <Button disabled={!active || triage.isPending || status === "acknowledged"} onClick={() => run("acknowledge")}>
          Acknowledge
        </Button>
        <Button disabled={!active || triage.isPending || status === "investigating"} onClick={() => run("investigate")}>
          Investigating
        </Button>
        <Button variant="primary" disabled={!active || triage.isPending} onClick={() => run("resolve")}>
          Resolve
        </Button>
        <Button variant="danger" disabled={status === "closed" || mergedInto !== null || triage.isPending} onClick={() => run("close")}>
          Close
        </Button>
        <label className="flex items-center gap-1 text-sm">
          Severity
          <select
            aria-label="Change severity"
            value={detail.issue.severity}
            disabled={mergedInto !== null || triage.isPending}
            onChange={(e) => run("severity", { severity: e.target.value })}
            className={INPUT}
          >
            <option value="critical">critical</option>
            <option value="warning">warning</option>
            <option value="info">info</option>
          </select>
        </label>
      </div>
      <form
        aria-label="Assign"
        className="flex flex-wrap items-center gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          run("assign", { owner: owner.trim() });
        }}
      >
        <input aria-label="Owner" placeholder="owner@example.com" value={owner} onChange={(e) => setOwner(e.target.value)} className={INPUT} />
        <Button type="submit" disabled={triage.isPending || mergedInto !== null}>
          Assign
        </Button>
        <input
          aria-label="Silence until"
          type="datetime-local"
          value={until}
          onChange={(e) => setUntil(e.target.value)}
          className={INPUT}
        />
        <Button
          disabled={!active || !until || triage.isPending}
          onClick={() => run("silence", { until: new Date(until).toISOString() }, () => setUntil(""))}
        >
          Silence
        </Button>
      </form>
      <form aria-label="Comment" className="flex gap-2" onSubmit={submitComment}>
        <textarea
          aria-label="Comment text"
          rows={2}
          value={comment}
          onChange={(e) => setComment(e.target.value)}
          placeholder="What did you find?"
          className={`${INPUT} flex-1`}
        />
        <Button type="submit" disabled={!comment.trim() || triage.isPending}>
          Add comment
        </Button>
      </form>
    </div>
  );
}
