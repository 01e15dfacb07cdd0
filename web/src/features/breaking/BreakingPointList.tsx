import { Link } from "react-router";
import { formatDecimal, formatText } from "../../shared/format/formatNumber";
import { Timestamp } from "../../shared/format/Timestamp";
import { RiskBadge } from "../risk/RiskBadge";
import type { BreakingPointRow } from "./breakingTypes";
import { TableHead } from "../../shared/table/TableHead";

interface BreakingPointListProps {
  rows: BreakingPointRow[];
  selected: { clusterId: string; metric: string } | null;
  onSelect: (row: BreakingPointRow) => void;
}

const HEADERS = ["Cluster", "Tier", "Metric", "Status", "Current", "Threshold", "Predicted breach (interval)", "Days left", ""];

function withUnit(value: number | null, unit: string): string {
  return value === null ? "—" : `${formatDecimal(value)}${unit ? ` ${unit}` : ""}`;
}

function Interval({ row }: { row: BreakingPointRow }) {
  if (!row.breach_at) return <span className="text-slate-400">—</span>;
  return (
    <span>
      <Timestamp value={row.breach_at} />
      {row.status === "breach" && (row.breach_earliest || row.breach_latest) && (
        <span className="ml-1 text-slate-500 dark:text-slate-400">
          (<Timestamp value={row.breach_earliest} dateOnly /> – {row.breach_latest ? <Timestamp value={row.breach_latest} dateOnly /> : "open"})
        </span>
      )}
    </span>
  );
}

/** The fleet's nearest breaches, one row per cluster and metric; a row shows its chart below. */
export function BreakingPointList({ rows, selected, onSelect }: BreakingPointListProps) {
  return (
    <div className="overflow-x-auto">
      <table aria-label="Nearest breaches" className="min-w-full text-left text-xs">
        <TableHead headers={HEADERS} />
        <tbody>
          {rows.map((r) => {
            const isSelected = selected?.clusterId === r.cluster_id && selected.metric === r.metric_name;
            return (
              <tr
                key={`${r.cluster_id}-${r.metric_name}`}
                aria-selected={isSelected}
                className={`border-b border-slate-100 dark:border-slate-800 last:border-0 ${isSelected ? "bg-sky-50 dark:bg-sky-950/40" : ""}`}
              >
                <td className="px-2 py-1.5">
                  <Link
                    to={`/overview/clusters/${encodeURIComponent(r.cluster_id)}`}
                    className="font-medium text-sky-700 dark:text-sky-400 hover:underline"
                  >
                    {r.cluster_name ?? r.cluster_id}
                  </Link>
                </td>
                <td className="px-2 py-1.5">{formatText(r.tier)}</td>
                <td className="px-2 py-1.5 font-mono">{r.metric_name}</td>
                <td className="px-2 py-1.5">
                  <RiskBadge value={r.status} />
                </td>
                <td className="px-2 py-1.5 tabular-nums">{withUnit(r.current_value, r.unit)}</td>
                <td className="px-2 py-1.5 tabular-nums">{withUnit(r.threshold, r.unit)}</td>
                <td className="px-2 py-1.5">
                  <Interval row={r} />
                </td>
                <td className="px-2 py-1.5 tabular-nums">{r.days_to_breach === null ? "—" : formatDecimal(r.days_to_breach)}</td>
                <td className="px-2 py-1.5">
                  <button
                    type="button"
                    onClick={() => onSelect(r)}
                    aria-label={`Chart ${r.cluster_name ?? r.cluster_id} ${r.metric_name}`}
                    className="rounded px-1.5 py-0.5 text-sky-700 hover:bg-sky-50 dark:text-sky-400 dark:hover:bg-sky-950"
                  >
                    Chart
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
