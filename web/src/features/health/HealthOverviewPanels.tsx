import { Link } from "react-router";
import { EChart } from "../../shared/charts/EChart";
import { formatDecimal, formatText } from "../../shared/format/formatNumber";
import { Timestamp } from "../../shared/format/Timestamp";
import { Panel } from "../../shared/ui/Panel";
import { QueryView } from "../../shared/ui/QueryView";
import { describeHistogram, histogramOption } from "./healthChartOptions";
import type { FleetHealth, Mover } from "./healthTypes";
import { useFleetHealth } from "./useFleetHealth";

function MoverList({ title, movers, empty }: { title: string; movers: Mover[]; empty: string }) {
  return (
    <div>
      <h3 className="mb-1 text-xs font-semibold text-slate-600 dark:text-slate-400">{title}</h3>
      {movers.length === 0 ? (
        <p className="text-sm text-slate-500 dark:text-slate-400">{empty}</p>
      ) : (
        <ul aria-label={title} className="space-y-1 text-sm">
          {movers.map((m) => (
            <li key={m.cluster_id} className="flex items-baseline justify-between gap-2">
              <Link
                to={`/overview/clusters/${encodeURIComponent(m.cluster_id)}`}
                className="truncate font-medium text-sky-700 dark:text-sky-400 hover:underline"
              >
                {m.cluster_name ?? m.cluster_id}
              </Link>
              <span className="text-xs whitespace-nowrap text-slate-500 tabular-nums dark:text-slate-400">
                {formatText(m.tier)} · <span>{`${formatDecimal(m.previous_score)} → ${formatDecimal(m.score)}`}</span>{" "}
                <span className={m.change < 0 ? "font-semibold text-red-700 dark:text-red-300" : "font-semibold text-emerald-700 dark:text-emerald-300"}>
                  {`${m.change > 0 ? "+" : "−"}${formatDecimal(Math.abs(m.change))}`}
                </span>
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function Panels({ health }: { health: FleetHealth }) {
  const counts = health.by_status;
  return (
    <>
      <Panel
        title="Health scores"
        actions={
          health.as_of && (
            <span className="text-xs text-slate-500 dark:text-slate-400">
              as of <Timestamp value={health.as_of} />
            </span>
          )
        }
      >
        <p className="mb-2 text-xs text-slate-600 dark:text-slate-400">
          {health.scored} of {health.clusters} scored · median {formatDecimal(health.median_score)} · healthy {counts.healthy ?? 0} · warning{" "}
          {counts.warning ?? 0} · critical {counts.critical ?? 0} · no data {counts.no_data ?? 0}
        </p>
        <EChart option={histogramOption(health.histogram)} height={200} ariaLabel={describeHistogram(health.histogram)} />
      </Panel>
      <Panel title="Movers (24 h)" className="xl:col-span-2">
        {health.compared_with === null ? (
          <p className="text-sm text-slate-500 dark:text-slate-400">No scores from 24 hours ago to compare with yet.</p>
        ) : (
          <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
            <MoverList title="Largest drops" movers={health.movers.drops} empty="No score fell." />
            <MoverList title="Largest rises" movers={health.movers.rises} empty="No score rose." />
          </div>
        )}
      </Panel>
    </>
  );
}

/** The fleet's health score histogram and the biggest score changes over 24 hours. */
export function HealthOverviewPanels() {
  const health = useFleetHealth();
  return (
    <QueryView query={health} loadingLabel="Loading health scores…">
      {(h) =>
        h.as_of === null ? (
          <Panel title="Health scores">
            <p className="text-sm text-slate-500 dark:text-slate-400">No scores yet: the first scoring pass has not run.</p>
          </Panel>
        ) : (
          <Panels health={h} />
        )
      }
    </QueryView>
  );
}
