import { createColumnHelper } from "@tanstack/react-table";
import { formatTimestamp } from "../../shared/format/formatNumber";
import { DataTable } from "../../shared/table/DataTable";
import type { LatestMetric } from "./fleetTypes";

const BAND_TONES: Record<string, string> = {
  ok: "bg-emerald-50 text-emerald-800 ring-emerald-200",
  warning: "bg-amber-50 text-amber-800 ring-amber-200",
  critical: "bg-red-50 text-red-800 ring-red-200",
};

const BAND_ORDER: Record<string, number> = { critical: 0, warning: 1, ok: 2 };

const valueFormat = new Intl.NumberFormat("en-US", { maximumFractionDigits: 2 });

function formatValue(value: number | null, unit: string | null): string {
  if (value === null || value === undefined) return "—";
  return unit ? `${valueFormat.format(value)} ${unit}` : valueFormat.format(value);
}

export function BandBadge({ band }: { band: string | null }) {
  const key = band?.toLowerCase() ?? "";
  const tone = BAND_TONES[key] ?? "bg-slate-50 text-slate-500 ring-slate-200";
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
      <span className="whitespace-nowrap text-slate-500 tabular-nums">
        {formatValue(row.original.warn_threshold, null)} / {formatValue(row.original.crit_threshold, null)}
      </span>
    ),
  }),
  column.accessor("snapshot_hour", { header: "Hour", cell: (c) => formatTimestamp(c.getValue()) }),
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
