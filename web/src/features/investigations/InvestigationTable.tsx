import { createColumnHelper } from "@tanstack/react-table";
import { Link } from "react-router";
import { DataTable } from "../../shared/table/DataTable";
import { Timestamp } from "../../shared/format/Timestamp";
import { StateBadge } from "../../shared/ui/StateBadge";
import type { InvestigationSummary } from "./investigationTypes";

const column = createColumnHelper<InvestigationSummary>();

export function percent(value: number | null | undefined): string {
  return value === null || value === undefined ? "—" : `${Math.round(value * 100)}%`;
}

const columns = [
  column.accessor("started_at", { header: "Started", cell: (c) => <Timestamp value={c.getValue()} /> }),
  column.accessor("cluster_id", { header: "Cluster", cell: (c) => <span className="font-mono">{c.getValue() ?? "—"}</span> }),
  column.accessor("root_cause", {
    header: "Root cause",
    cell: (c) => (
      <Link className="text-sky-700 hover:underline dark:text-sky-400" to={`/investigations/${encodeURIComponent(c.row.original.investigation_id)}`}>
        {c.getValue() ?? "(none)"}
      </Link>
    ),
  }),
  column.accessor("confidence", { header: "Confidence", cell: (c) => percent(c.getValue()) }),
  column.accessor("severity", { header: "Severity", cell: (c) => <StateBadge state={c.getValue()} /> }),
  column.accessor("escalate", { header: "Escalate", cell: (c) => (c.getValue() ? "yes" : "no") }),
  column.accessor("mode", { header: "Mode" }),
  column.accessor("evidence_count", { header: "Evidence" }),
  column.accessor("issue_id", {
    header: "Issue",
    cell: (c) => (c.getValue() === null ? "—" : <Link className="text-sky-700 hover:underline dark:text-sky-400" to={`/issues/${c.getValue()}`}>#{c.getValue()}</Link>),
  }),
];

export function InvestigationTable({ items }: { items: InvestigationSummary[] }) {
  return <DataTable data={items} columns={columns} ariaLabel="Investigations" emptyText="No investigations yet." />;
}
