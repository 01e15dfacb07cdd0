import { Link } from "react-router";
import { formatDecimal, formatText } from "../../shared/format/formatNumber";
import { Timestamp } from "../../shared/format/Timestamp";
import { Panel } from "../../shared/ui/Panel";
import { QueryView } from "../../shared/ui/QueryView";
import { RiskBadge } from "./RiskBadge";
import { useCriticalClusters } from "./useRisk";
import { TableHead } from "../../shared/table/TableHead";

const REASONS_SHOWN = 3;

function signed(value: number | null): string {
  if (value === null) return "—";
  return `${value > 0 ? "+" : value < 0 ? "−" : "±"}${formatDecimal(Math.abs(value))}`;
}

/** Clusters at critical or high risk, riskiest first, with their top reasons; names open the cluster drawer. */
export function CriticalClustersPanel() {
  const critical = useCriticalClusters();
  return (
    <Panel title="Critical clusters" className="xl:col-span-3">
      <QueryView query={critical} loadingLabel="Loading critical clusters…">
        {(data) =>
          data.items.length === 0 ? (
            <p className="text-sm text-slate-500 dark:text-slate-400">
              {data.as_of === null ? "No risk assessed yet." : "No cluster is at critical or high risk."}
            </p>
          ) : (
            <div className="overflow-x-auto">
              <table aria-label="Critical clusters" className="min-w-full text-left text-xs">
                <TableHead headers={["Cluster", "Customer", "Tier", "Risk", "Score", "Health", "24 h", "Nearest breach", "Top reasons"]} />
                <tbody>
                  {data.items.map((c) => (
                    <tr key={c.cluster_id} className="border-b border-slate-100 dark:border-slate-800 align-top last:border-0">
                      <td className="px-2 py-1.5">
                        <Link
                          to={`/overview/clusters/${encodeURIComponent(c.cluster_id)}`}
                          className="font-medium text-sky-700 dark:text-sky-400 hover:underline"
                        >
                          {c.cluster_name ?? c.cluster_id}
                        </Link>
                      </td>
                      <td className="px-2 py-1.5">{formatText(c.customer_name)}</td>
                      <td className="px-2 py-1.5">{formatText(c.tier)}</td>
                      <td className="px-2 py-1.5">
                        <RiskBadge value={c.risk_level} />
                      </td>
                      <td className="px-2 py-1.5 tabular-nums">{formatDecimal(c.risk_score)}</td>
                      <td className="px-2 py-1.5 tabular-nums">{formatDecimal(c.health_score)}</td>
                      <td className="px-2 py-1.5 tabular-nums">{signed(c.health_trend24h)}</td>
                      <td className="px-2 py-1.5">
                        {c.nearest_breach_at ? (
                          <>
                            <Timestamp value={c.nearest_breach_at} dateOnly />
                            <span className="ml-1 text-slate-500">{formatText(c.nearest_breach_metric)}</span>
                          </>
                        ) : (
                          "—"
                        )}
                      </td>
                      <td className="px-2 py-1.5">
                        <ul className="list-disc space-y-0.5 pl-4 text-slate-700 dark:text-slate-300">
                          {c.reasons.slice(0, REASONS_SHOWN).map((r) => (
                            <li key={r}>{r}</li>
                          ))}
                        </ul>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )
        }
      </QueryView>
    </Panel>
  );
}
