import { useState } from "react";
import { toast } from "../../shared/toast/toastStore";
import { Button } from "../../shared/ui/Button";
import { useBulkTriage } from "./useIssues";
import type { TriageAction } from "./issueTypes";

/** Acknowledge, assign or resolve every selected issue at once. */
export function BulkTriageBar({ selected, onDone }: { selected: number[]; onDone: () => void }) {
  const bulk = useBulkTriage();
  const [owner, setOwner] = useState("");
  if (selected.length === 0) return null;

  const run = (action: TriageAction, extra: { owner?: string } = {}) =>
    bulk.mutate(
      { issue_ids: selected, action, ...extra },
      {
        onSuccess: (changed) => {
          toast.success(`${action}: ${changed.length} issue${changed.length === 1 ? "" : "s"}`);
          onDone();
        },
        onError: (error) => toast.fromError(error, "Bulk triage failed"),
      },
    );

  return (
    <div role="toolbar" aria-label="Bulk triage" className="flex flex-wrap items-center gap-2 rounded-md bg-sky-50 px-3 py-2 text-sm dark:bg-sky-950">
      <span className="font-medium">{selected.length} selected</span>
      <Button disabled={bulk.isPending} onClick={() => run("acknowledge")}>
        Acknowledge
      </Button>
      <input
        aria-label="Bulk owner"
        placeholder="owner@example.com"
        value={owner}
        onChange={(e) => setOwner(e.target.value)}
        className="rounded border border-slate-300 bg-white px-2 py-1 dark:border-slate-600 dark:bg-slate-900"
      />
      <Button disabled={bulk.isPending || !owner.trim()} onClick={() => run("assign", { owner: owner.trim() })}>
        Assign
      </Button>
      <Button disabled={bulk.isPending} onClick={() => run("resolve")}>
        Resolve
      </Button>
      <Button variant="link" onClick={onDone}>
        Clear selection
      </Button>
    </div>
  );
}
