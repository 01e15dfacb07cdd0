import { useMemo } from "react";
import { EChart } from "../../shared/charts/EChart";
import { Panel } from "../../shared/ui/Panel";
import type { ClusterFilters } from "./clusterQuery";
import {
  barOption,
  byCountDesc,
  byKey,
  byVersionDesc,
  describeCounts,
  pieOption,
  statePieOption,
} from "./fleetChartOptions";
import type { FleetSummary } from "./fleetTypes";

type FilterField = Exclude<keyof ClusterFilters, "q">;

interface FleetChartsProps {
  summary: FleetSummary;
  /** Clicking a slice or bar filters the cluster table to it. */
  onFilter: (field: FilterField, value: string) => void;
}

export function FleetCharts({ summary, onFilter }: FleetChartsProps) {
  const charts = useMemo(() => {
    const state = byCountDesc(summary.clusters_by_state);
    const type = byCountDesc(summary.clusters_by_type);
    const tier = byKey(summary.clusters_by_tier);
    const version = byVersionDesc(summary.clusters_by_version);
    const region = byCountDesc(summary.clusters_by_region);
    return [
      { field: "state", title: "Clusters by state", entries: state, option: statePieOption(summary.clusters_by_state), height: 240 },
      { field: "type", title: "Clusters by type", entries: type, option: pieOption(type), height: 240 },
      { field: "tier", title: "Clusters by tier", entries: tier, option: barOption(tier), height: 240 },
      { field: "version", title: "Clusters by version", entries: version, option: barOption(version), height: 240 },
      {
        field: "region",
        title: "Clusters by region",
        entries: region,
        option: barOption(region, true),
        height: Math.max(240, region.length * 22 + 40),
      },
    ] as const;
  }, [summary]);

  return (
    <div className="grid grid-cols-1 gap-3 md:grid-cols-2 xl:grid-cols-3">
      {charts.map((chart) => (
        <Panel key={chart.field} title={chart.title} className={chart.field === "region" ? "xl:col-span-2" : ""}>
          {chart.entries.length === 0 ? (
            <p className="text-sm text-slate-500 dark:text-slate-400">No data.</p>
          ) : (
            <EChart
              option={chart.option}
              height={chart.height}
              ariaLabel={describeCounts(chart.title, chart.entries)}
              onItemClick={(name) => onFilter(chart.field, name)}
            />
          )}
        </Panel>
      ))}
    </div>
  );
}
