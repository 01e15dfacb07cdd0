import { useMemo } from "react";
import { EChart } from "../../shared/charts/EChart";
import { Panel } from "../../shared/ui/Panel";
import { describeHeatmap, heatmapOption, type HeatmapKind } from "./usageChartOptions";
import type { UsageHeatmap } from "./usageTypes";

function Heatmap({ heatmap, kind, title }: { heatmap: UsageHeatmap; kind: HeatmapKind; title: string }) {
  const option = useMemo(() => heatmapOption(heatmap, kind), [heatmap, kind]);
  return (
    <Panel title={title}>
      <EChart option={option} height={300} ariaLabel={describeHeatmap(heatmap, kind)} />
    </Panel>
  );
}

/** CPU and query volume by weekday and hour of day (UTC). */
export function UsageHeatmaps({ heatmap }: { heatmap: UsageHeatmap }) {
  return (
    <div className="grid grid-cols-1 gap-3 xl:grid-cols-2">
      <Heatmap heatmap={heatmap} kind="cpu" title={`CPU by weekday and hour (${heatmap.timezone})`} />
      <Heatmap heatmap={heatmap} kind="qps" title={`Query volume by weekday and hour (${heatmap.timezone})`} />
    </div>
  );
}
