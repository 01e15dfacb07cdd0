import { createColumnHelper } from "@tanstack/react-table";
import { Link } from "react-router";
import { formatDecimal, formatText, formatUsd } from "../../shared/format/formatNumber";
import { DataTable } from "../../shared/table/DataTable";
import type { IdleCluster, OverProvisioned } from "./usageTypes";

function ClusterLink({ id, name }: { id: string; name: string | null }) {
  return (
    <Link to={`/overview/clusters/${encodeURIComponent(id)}`} className="font-medium text-sky-700 dark:text-sky-400 hover:underline">
      {name ?? id}
    </Link>
  );
}

const num = (v: number | null) => <span className="tabular-nums">{formatDecimal(v)}</span>;

const idle = createColumnHelper<IdleCluster>();
const idleColumns = [
  idle.accessor("cluster_name", { header: "Cluster", cell: ({ row }) => <ClusterLink id={row.original.cluster_id} name={row.original.cluster_name} /> }),
  idle.accessor("tier", { header: "Tier", cell: (c) => formatText(c.getValue()) }),
  idle.accessor("idle_hours", { header: "Idle hours", cell: (c) => num(c.getValue()) }),
  idle.accessor("max_qps", { header: "Max queries/s", cell: (c) => num(c.getValue()) }),
  idle.accessor("p95_cpu_pct", { header: "p95 CPU %", cell: (c) => num(c.getValue()) }),
  idle.accessor("ccu_per_week", { header: "CCU / week", cell: (c) => num(c.getValue()) }),
  idle.accessor("usd_per_week", { header: "$ / week", cell: (c) => <span className="tabular-nums">{formatUsd(c.getValue())}</span> }),
  idle.accessor("suggestion", { header: "Suggestion", cell: (c) => <span className="text-slate-600 dark:text-slate-300">{c.getValue()}</span> }),
];

const over = createColumnHelper<OverProvisioned>();
const overColumns = [
  over.accessor("cluster_name", { header: "Cluster", cell: ({ row }) => <ClusterLink id={row.original.cluster_id} name={row.original.cluster_name} /> }),
  over.accessor("tier", { header: "Tier", cell: (c) => formatText(c.getValue()) }),
  over.display({
    id: "now",
    header: "Now",
    cell: ({ row }) => `${row.original.nodes} × ${formatText(row.original.instance_type)}`,
  }),
  over.accessor("p95_cpu_pct", { header: "p95 CPU %", cell: (c) => num(c.getValue()) }),
  over.accessor("p95_mem_pct", { header: "p95 mem %", cell: (c) => num(c.getValue()) }),
  over.display({
    id: "suggested",
    header: "Suggested",
    cell: ({ row }) =>
      `${row.original.suggested_nodes} × ${formatText(row.original.suggested_instance_type ?? row.original.instance_type)}`,
  }),
  over.accessor("ccu_wasted_per_week", { header: "CCU wasted / week", cell: (c) => num(c.getValue()) }),
  over.accessor("usd_wasted_per_week", { header: "$ wasted / week", cell: (c) => <span className="tabular-nums">{formatUsd(c.getValue())}</span> }),
  over.accessor("suggestion", { header: "Right-sizing", cell: (c) => <span className="text-slate-600 dark:text-slate-300">{c.getValue()}</span> }),
];

export function IdleTable({ rows }: { rows: IdleCluster[] }) {
  return <DataTable data={rows} columns={idleColumns} ariaLabel="Idle clusters" emptyText="No idle clusters in this scope." />;
}

export function OverProvisionedTable({ rows }: { rows: OverProvisioned[] }) {
  return (
    <DataTable
      data={rows}
      columns={overColumns}
      ariaLabel="Over-provisioned clusters"
      emptyText="No over-provisioned clusters in this scope."
    />
  );
}
