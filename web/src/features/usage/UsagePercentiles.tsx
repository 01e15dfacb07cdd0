import { formatDecimal } from "../../shared/format/formatNumber";
import type { Percentiles } from "./usageTypes";
import { TableHead } from "../../shared/table/TableHead";

const LABELS: Record<string, string> = {
  cpu_util_pct: "CPU %",
  mem_util_pct: "Memory %",
  disk_used_pct: "Disk used %",
  query_qps: "Queries/s",
};

/** p50/p95/p99 of every cluster-hour in the window. */
export function UsagePercentiles({ percentiles }: { percentiles: Record<string, Percentiles> }) {
  return (
    <table aria-label="Utilization percentiles" className="min-w-full text-left text-xs">
      <TableHead headers={["Metric", "p50", "p95", "p99", "Over"]} />
      <tbody>
        {Object.entries(percentiles).map(([metric, p]) => (
          <tr key={metric} className="border-b border-slate-100 dark:border-slate-800 last:border-0">
            <td className="px-2 py-1.5 font-medium">{LABELS[metric] ?? metric}</td>
            <td className="px-2 py-1.5 tabular-nums">{formatDecimal(p.p50)}</td>
            <td className="px-2 py-1.5 tabular-nums">{formatDecimal(p.p95)}</td>
            <td className="px-2 py-1.5 tabular-nums">{formatDecimal(p.p99)}</td>
            <td className="px-2 py-1.5 text-slate-500 dark:text-slate-400">{p.basis}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
