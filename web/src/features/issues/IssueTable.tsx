import { createColumnHelper } from "@tanstack/react-table";
import { Link } from "react-router";
import { Timestamp } from "../../shared/format/Timestamp";
import { formatNumber } from "../../shared/format/formatNumber";
import { DataTable } from "../../shared/table/DataTable";
import { IssueStatusBadge, SeverityBadge } from "./IssueBadges";
import type { IssueSummary } from "./issueTypes";

const column = createColumnHelper<IssueSummary>();

interface IssueTableProps {
  issues: IssueSummary[];
  selected: Set<number>;
  onToggle: (id: number) => void;
  onToggleAll: (ids: number[], on: boolean) => void;
}

/** The issue list with a checkbox per row for bulk triage. */
export function IssueTable({ issues, selected, onToggle, onToggleAll }: IssueTableProps) {
  const allOn = issues.length > 0 && issues.every((i) => selected.has(i.issue_id));
  const columns = [
    column.display({
      id: "select",
      header: () => (
        <input
          type="checkbox"
          aria-label="Select all issues on this page"
          checked={allOn}
          onChange={(e) => onToggleAll(issues.map((i) => i.issue_id), e.target.checked)}
        />
      ),
      cell: ({ row }) => (
        <input
          type="checkbox"
          aria-label={`Select issue ${row.original.title}`}
          checked={selected.has(row.original.issue_id)}
          onChange={() => onToggle(row.original.issue_id)}
        />
      ),
    }),
    column.accessor("title", {
      header: "Issue",
      cell: ({ row }) => (
        <Link to={`/issues/${row.original.issue_id}`} className="font-medium text-sky-700 hover:underline dark:text-sky-400">
          {row.original.alert_name ?? row.original.title}
        </Link>
      ),
    }),
    column.accessor("cluster_name", {
      header: "Cluster",
      cell: ({ row }) => (
        <span>
          {row.original.cluster_name ?? row.original.cluster_id ?? "unmapped"}
          {row.original.tier && <span className="ml-1 text-slate-400">· {row.original.tier}</span>}
        </span>
      ),
    }),
    column.accessor("severity", { header: "Severity", cell: ({ getValue }) => <SeverityBadge severity={getValue()} /> }),
    column.accessor("status", { header: "Status", cell: ({ getValue }) => <IssueStatusBadge status={getValue()} /> }),
    column.accessor("assignee", { header: "Owner", cell: ({ getValue }) => getValue() ?? <span className="text-slate-400">—</span> }),
    column.accessor("alert_count", {
      header: "Alerts",
      cell: ({ row }) => (
        <span className="tabular-nums">
          {formatNumber(row.original.alert_count)}
          {row.original.firing_count > 0 && <span className="ml-1 text-red-600 dark:text-red-400">({row.original.firing_count} firing)</span>}
          {row.original.reopen_count > 0 && <span className="ml-1 text-slate-400">↻{row.original.reopen_count}</span>}
        </span>
      ),
    }),
    column.accessor("first_seen", { header: "First seen", cell: ({ getValue }) => <Timestamp value={getValue()} /> }),
    column.accessor("last_seen", { header: "Last firing", cell: ({ getValue }) => <Timestamp value={getValue()} /> }),
  ];
  return <DataTable data={issues} columns={columns} ariaLabel="Issues" emptyText="No issues." />;
}
