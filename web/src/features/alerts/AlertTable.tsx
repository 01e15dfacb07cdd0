import { createColumnHelper } from "@tanstack/react-table";
import { Link, useLocation } from "react-router";
import { formatText } from "../../shared/format/formatNumber";
import { Timestamp } from "../../shared/format/Timestamp";
import { SortedTable, type SortDirection, type TableSort } from "../../shared/table/SortedTable";
import { AlertStatus, SeverityBadge } from "./AlertBadges";
import type { AlertSummary } from "./alertTypes";

const column = createColumnHelper<AlertSummary>();

function AlertLink({ alert }: { alert: AlertSummary }) {
  const { search } = useLocation();
  const label = alert.alert_name ?? (alert.parse_status === "parsed" ? "(no name)" : "Unparsed message");
  return (
    <Link
      to={{ pathname: `/raw-alerts/${encodeURIComponent(alert.message_id)}`, search }}
      className="font-medium text-sky-700 dark:text-sky-400 hover:underline"
    >
      {label}
    </Link>
  );
}

function columns(onCluster: (clusterId: string) => void) {
  return [
    column.accessor("received_at", { header: "Received", cell: (c) => <Timestamp value={c.getValue()} withSeconds /> }),
    column.accessor("alert_name", { header: "Alert", cell: ({ row }) => <AlertLink alert={row.original} /> }),
    column.accessor("severity", { header: "Severity", cell: (c) => <SeverityBadge severity={c.getValue()} /> }),
    column.accessor("status", { header: "Status", cell: (c) => <AlertStatus status={c.getValue()} /> }),
    column.accessor("cluster_id", {
      header: "Cluster",
      cell: ({ row }) => {
        const a = row.original;
        if (!a.cluster_id) return <span className="text-slate-400" title="Mapped to no known cluster">{formatText(a.cluster_ref)} · unmapped</span>;
        return (
          <button
            type="button"
            title={`Only alerts of ${a.cluster_id}`}
            onClick={() => onCluster(a.cluster_id as string)}
            className="text-left hover:underline"
          >
            {a.cluster_name ?? a.cluster_id}
          </button>
        );
      },
    }),
    column.display({ id: "tier", header: "Tier", enableSorting: false, cell: ({ row }) => formatText(row.original.tier) }),
    column.display({ id: "node", header: "Node", enableSorting: false, cell: ({ row }) => formatText(row.original.node) }),
    column.accessor("source", { header: "Source", cell: (c) => c.getValue() }),
    column.accessor("starts_at", { header: "Started", cell: (c) => <Timestamp value={c.getValue()} /> }),
    column.display({
      id: "summary",
      header: "Summary",
      enableSorting: false,
      cell: ({ row }) => (
        <span className="block max-w-md truncate" title={row.original.parse_error ?? row.original.summary ?? undefined}>
          {row.original.parse_status === "parsed" ? formatText(row.original.summary) : `Not parsed: ${formatText(row.original.parse_error)}`}
        </span>
      ),
    }),
  ];
}

interface AlertTableProps {
  rows: AlertSummary[];
  sort: TableSort;
  onSortChange: (field: string, direction: SortDirection) => void;
  onCluster: (clusterId: string) => void;
  selectedId?: string;
}

export function AlertTable({ rows, sort, onSortChange, onCluster, selectedId }: AlertTableProps) {
  return (
    <SortedTable
      rows={rows}
      columns={columns(onCluster)}
      ariaLabel="Alerts"
      getRowId={(row) => row.message_id}
      sort={sort}
      onSortChange={onSortChange}
      selectedId={selectedId}
    />
  );
}
