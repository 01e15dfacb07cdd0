import { createColumnHelper } from "@tanstack/react-table";
import { Timestamp } from "../../shared/format/Timestamp";
import { DataTable } from "../../shared/table/DataTable";
import type { LatestMetric } from "./fleetTypes";

const BAND_TONES: Record<string, string> = {
  ok: "bg-emerald-50 dark:bg-emerald-950 text-emerald-800 dark:text-emerald-300 ring-emerald-200 dark:ring-emerald-800",
  warning: "bg-amber-50 dark:bg-amber-950 text-amber-800 dark:text-amber-300 ring-amber-200 dark:ring-amber-800",
  critical: "bg-red-50 dark:bg-red-950 text-red-800 dark:text-red-200 ring-red-200 dark:ring-red-800",
};

const BAND_ORDER: Record<string, number> = { critical: 0, warning: 1, ok: 2 };

const valueFormat = new Intl.NumberFormat("en-US", { maximumFractionDigits: 2 });

function formatValue(value: number | null, unit: string | null): string {
  if (value === null || value === undefined) return "—";
  return unit ? `${valueFormat.format(value)} ${unit}` : valueFormat.format(value);
}

export function BandBadge({ band }: { band: string | null }) {
  const key = band?.toLowerCase() ?? "";
  const tone = BAND_TONES[key] ?? "bg-slate-50 dark:bg-slate-800/60 text-slate-500 dark:text-slate-400 ring-slate-200 dark:ring-slate-700";
  return (
    <span data-band={key || "none"} className={`inline-flex rounded px-1.5 py-0.5 text-xs font-medium ring-1 ring-inset ${tone}`}>
      {band ?? "n/a"}
    </span>
  );
}

const column = createColumnHelper<LatestMetric>();

const columns = [
  column.accessor("metric_name", { header: "Metric", cell: (c) => <span className="font-mono">{c.getValue()}</span> }),
  column.accessor("value", {
    header: "Value",
    cell: ({ row }) => <span className="tabular-nums">{formatValue(row.original.value, row.original.unit)}</span>,
  }),
  column.accessor("band", { header: "Band", cell: (c) => <BandBadge band={c.getValue()} /> }),
  column.display({
    id: "thresholds",
    header: "Warn / crit",
    cell: ({ row }) => (
      <span className="whitespace-nowrap text-slate-500 dark:text-slate-400 tabular-nums">
        {formatValue(row.original.warn_threshold, null)} / {formatValue(row.original.crit_threshold, null)}
      </span>
    ),
  }),
  column.accessor("snapshot_hour", { header: "Hour", cell: (c) => <Timestamp value={c.getValue()} /> }),
];

/** Worst band first, so a critical metric is the first thing the reader sees. */
export function sortByBand(metrics: LatestMetric[]): LatestMetric[] {
  const rank = (m: LatestMetric) => BAND_ORDER[m.band?.toLowerCase() ?? ""] ?? 3;
  return [...metrics].sort((a, b) => rank(a) - rank(b) || a.metric_name.localeCompare(b.metric_name));
}

export function ClusterMetricsTable({ metrics }: { metrics: LatestMetric[] }) {
  return (
    <DataTable
      data={sortByBand(metrics)}
      columns={columns}
      ariaLabel="Latest metrics"
      emptyText="No metric snapshots for this cluster yet."
    />
  );
}
