import { createColumnHelper } from "@tanstack/react-table";
import { Link } from "react-router";
import { formatDecimal, formatText } from "../../shared/format/formatNumber";
import { Timestamp } from "../../shared/format/Timestamp";
import { SortedTable } from "../../shared/table/SortedTable";
import { StateBadge } from "../../shared/ui/StateBadge";
import type { ClusterQuery, SortDirection } from "./clusterQuery";
import type { ClusterRow } from "./fleetTypes";

const column = createColumnHelper<ClusterRow>();

/** Column ids double as the API's sort fields. */
const columns = [
  column.accessor("cluster_name", {
    header: "Cluster",
    cell: ({ row }) => (
      <Link
        to={`/overview/clusters/${encodeURIComponent(row.original.cluster_id)}`}
        className="font-medium text-sky-700 dark:text-sky-400 hover:underline"
      >
        {row.original.cluster_name}
      </Link>
    ),
  }),
  column.accessor("org_name", { header: "Organization", cell: (c) => formatText(c.getValue()) }),
  column.accessor("tier", { header: "Tier", cell: (c) => formatText(c.getValue()) }),
  column.accessor("cluster_type", { header: "Type", cell: (c) => formatText(c.getValue()) }),
  column.accessor("cluster_state", { header: "State", cell: (c) => <StateBadge state={c.getValue()} /> }),
  column.accessor("cluster_version", { header: "Version", cell: (c) => formatText(c.getValue()) }),
  column.accessor("region", {
    header: "Region",
    cell: ({ row }) => `${row.original.csp ? `${row.original.csp} · ` : ""}${row.original.region ?? "—"}`,
  }),
  column.display({
    id: "nodes",
    header: "FE / BE / CN",
    enableSorting: false,
    cell: ({ row }) => `${row.original.fe_count} / ${row.original.be_count} / ${row.original.cn_count}`,
  }),
  column.accessor("created_at", { header: "Created", cell: (c) => <Timestamp value={c.getValue()} dateOnly /> }),
  column.accessor("ccu_7d", {
    header: "CCU 7d",
    sortDescFirst: true,
    cell: (c) => <span className="tabular-nums">{formatDecimal(c.getValue())}</span>,
  }),
];

interface ClusterTableProps {
  rows: ClusterRow[];
  sort: ClusterQuery["sort"];
  onSortChange: (field: string, direction: SortDirection) => void;
  selectedId?: string;
}

export function ClusterTable({ rows, sort, onSortChange, selectedId }: ClusterTableProps) {
  return (
    <SortedTable
      rows={rows}
      columns={columns}
      ariaLabel="Clusters"
      getRowId={(row) => row.cluster_id}
      sort={sort}
      onSortChange={onSortChange}
      selectedId={selectedId}
    />
  );
}
