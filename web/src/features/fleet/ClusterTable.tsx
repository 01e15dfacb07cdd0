import {
  createColumnHelper,
  flexRender,
  getCoreRowModel,
  useReactTable,
  type SortingState,
  type Updater,
} from "@tanstack/react-table";
import { Link } from "react-router";
import { formatDecimal, formatText } from "../../shared/format/formatNumber";
import { Timestamp } from "../../shared/format/Timestamp";
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
  const sorting: SortingState = [{ id: sort.field, desc: sort.direction === "desc" }];

  const handleSortingChange = (updater: Updater<SortingState>) => {
    const next = typeof updater === "function" ? updater(sorting) : updater;
    const first = next[0];
    if (first) onSortChange(first.id, first.desc ? "desc" : "asc");
  };

  const table = useReactTable({
    data: rows,
    columns,
    getCoreRowModel: getCoreRowModel(),
    getRowId: (row) => row.cluster_id,
    manualSorting: true,
    enableSortingRemoval: false,
    enableMultiSort: false,
    sortDescFirst: false,
    state: { sorting },
    onSortingChange: handleSortingChange,
  });

  return (
    <div className="overflow-x-auto">
      <table aria-label="Clusters" className="min-w-full text-left text-sm">
        <thead className="bg-slate-50 dark:bg-slate-800/60 text-xs text-slate-500 dark:text-slate-400">
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id} className="border-b border-slate-200 dark:border-slate-700">
              {group.headers.map((header) => {
                const sorted = header.column.getIsSorted();
                const label = flexRender(header.column.columnDef.header, header.getContext());
                return (
                  <th
                    key={header.id}
                    scope="col"
                    aria-sort={sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : undefined}
                    className="px-3 py-2 font-medium whitespace-nowrap"
                  >
                    {header.column.getCanSort() ? (
                      <button
                        type="button"
                        onClick={header.column.getToggleSortingHandler()}
                        className="inline-flex items-center gap-1 hover:text-slate-900 dark:hover:text-slate-100"
                      >
                        {label}
                        <span aria-hidden="true" className={sorted ? "text-slate-900 dark:text-slate-100" : "text-slate-300"}>
                          {sorted === "desc" ? "▼" : sorted === "asc" ? "▲" : "↕"}
                        </span>
                      </button>
                    ) : (
                      label
                    )}
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody>
          {table.getRowModel().rows.map((row) => (
            <tr
              key={row.id}
              aria-selected={row.id === selectedId}
              className={`border-b border-slate-100 dark:border-slate-800 last:border-0 ${row.id === selectedId ? "bg-sky-50 dark:bg-sky-950" : "hover:bg-slate-50 dark:hover:bg-slate-800"}`}
            >
              {row.getVisibleCells().map((cell) => (
                <td key={cell.id} className="px-3 py-2 whitespace-nowrap text-slate-800 dark:text-slate-200">
                  {flexRender(cell.column.columnDef.cell, cell.getContext())}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
