import { createColumnHelper } from "@tanstack/react-table";
import { useState, type FormEvent } from "react";
import { useSession } from "../../shared/auth/useSession";
import { formatNumber } from "../../shared/format/formatNumber";
import { Timestamp } from "../../shared/format/Timestamp";
import { DataTable } from "../../shared/table/DataTable";
import { toast } from "../../shared/toast/toastStore";
import { Button } from "../../shared/ui/Button";
import { ErrorState } from "../../shared/ui/ErrorState";
import { LoadingState } from "../../shared/ui/LoadingState";
import { Panel } from "../../shared/ui/Panel";
import { StateBadge } from "../../shared/ui/StateBadge";
import type { IngestRun } from "./alertTypes";
import { useIngestRuns, useRunLarkPipeline } from "./useAlerts";

const column = createColumnHelper<IngestRun>();
const count = (header: string, key: "pages" | "messages" | "alerts_inserted" | "duplicates" | "unparsed") =>
  column.accessor(key, { header, cell: (c) => <span className="tabular-nums">{formatNumber(c.getValue())}</span> });

const columns = [
  column.accessor("started_at", { header: "Started", cell: (c) => <Timestamp value={c.getValue()} withSeconds /> }),
  column.accessor("kind", { header: "Kind", cell: (c) => (c.getValue() === "lark_loader" ? "loader" : "pipeline") }),
  column.display({
    id: "window",
    header: "Window",
    cell: ({ row }) => (
      <span>
        <Timestamp value={row.original.window_from} /> – <Timestamp value={row.original.window_to} />
      </span>
    ),
  }),
  count("Pages", "pages"),
  count("Messages", "messages"),
  count("Inserted", "alerts_inserted"),
  count("Duplicates", "duplicates"),
  count("Unparsed", "unparsed"),
  column.accessor("status", {
    header: "Status",
    cell: ({ row }) => (
      <span title={row.original.error ?? undefined}>
        <StateBadge state={row.original.status} />
      </span>
    ),
  }),
  column.accessor("requested_by", { header: "By", cell: (c) => c.getValue() ?? "—" }),
];

/** yyyy-MM-ddTHH:mm in browser time, as a datetime-local field holds it. */
function localInput(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** Operators and admins run the Lark pipeline over a window; the server answers 409 when Lark is not set up. */
function RunNowForm() {
  const run = useRunLarkPipeline();
  const [to, setTo] = useState(() => localInput(new Date()));
  const [from, setFrom] = useState(() => localInput(new Date(Date.now() - 24 * 3_600_000)));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const fromDate = new Date(from);
    const toDate = new Date(to);
    if (Number.isNaN(fromDate.getTime()) || Number.isNaN(toDate.getTime()) || fromDate >= toDate) {
      toast.error("Check the window", "'From' must be a time before 'To'.");
      return;
    }
    run.mutate(
      { from: fromDate.toISOString(), to: toDate.toISOString() },
      {
        onSuccess: (r) =>
          r.status === "failed"
            ? toast.error("Lark pipeline run failed", r.error ?? undefined)
            : toast.success("Lark pipeline run finished", `${r.alerts_inserted} new alerts, ${r.duplicates} duplicates`),
        onError: (error) => toast.fromError(error, "The run could not start"),
      },
    );
  };

  const field =
    "ml-1 rounded border border-slate-300 dark:border-slate-600 bg-white dark:bg-slate-900 px-2 py-1 text-sm text-slate-900 dark:text-slate-100";
  return (
    <form aria-label="Run the Lark pipeline" onSubmit={submit} className="flex flex-wrap items-center gap-2 text-xs text-slate-500 dark:text-slate-400">
      <label>
        From
        <input type="datetime-local" value={from} onChange={(e) => setFrom(e.target.value)} className={field} required />
      </label>
      <label>
        To
        <input type="datetime-local" value={to} onChange={(e) => setTo(e.target.value)} className={field} required />
      </label>
      <Button type="submit" variant="primary" disabled={run.isPending}>
        {run.isPending ? "Running…" : "Run now"}
      </Button>
    </form>
  );
}

export function IngestRunHistory() {
  const runs = useIngestRuns();
  const session = useSession();
  const canRun = session?.user.role === "operator" || session?.user.role === "admin";

  return (
    <Panel title="Lark ingestion runs">
      <div className="space-y-3">
        {canRun && <RunNowForm />}
        {runs.isPending ? (
          <LoadingState label="Loading runs…" />
        ) : runs.isError ? (
          <ErrorState error={runs.error} onRetry={() => void runs.refetch()} />
        ) : (
          <DataTable
            data={runs.data}
            columns={columns}
            ariaLabel="Ingestion runs"
            emptyText="No Lark pipeline or loader run yet. Webhook alerts arrive without runs of their own."
          />
        )}
      </div>
    </Panel>
  );
}
