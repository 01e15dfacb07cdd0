import type { EChartOption } from "../../shared/charts/EChart";
import type { UsageHeatmap } from "./usageTypes";

export type HeatmapKind = "cpu" | "qps";

const LABEL: Record<HeatmapKind, string> = { cpu: "CPU %", qps: "queries/s" };

function cells(heatmap: UsageHeatmap, kind: HeatmapKind): (number | null)[][] {
  return kind === "cpu" ? heatmap.cpu_util_pct : heatmap.query_qps;
}

/** [hour, weekday, value] triples of the cells with data. */
export function heatmapData(heatmap: UsageHeatmap, kind: HeatmapKind): [number, number, number][] {
  const out: [number, number, number][] = [];
  cells(heatmap, kind).forEach((row, day) =>
    row.forEach((value, hour) => {
      if (value !== null && value !== undefined) out.push([hour, day, value]);
    }),
  );
  return out;
}

const pad = (h: number) => `${String(h).padStart(2, "0")}:00`;

/** The busiest and the quietest cell, for people who cannot see the colours (and for tests). */
export function describeHeatmap(heatmap: UsageHeatmap, kind: HeatmapKind): string {
  const data = heatmapData(heatmap, kind);
  const title = `${kind === "cpu" ? "CPU" : "Query volume"} by weekday and hour (${heatmap.timezone})`;
  if (data.length === 0) return `${title}: no data`;
  const max = data.reduce((a, b) => (b[2] > a[2] ? b : a));
  const min = data.reduce((a, b) => (b[2] < a[2] ? b : a));
  const cell = ([h, d, v]: [number, number, number]) => `${heatmap.weekdays[d]} ${pad(h)} ${v} ${LABEL[kind]}`;
  return `${title}: busiest ${cell(max)}, quietest ${cell(min)}`;
}

/** Weekday rows (Monday on top) by hour columns, coloured from white to the kind's colour. */
export function heatmapOption(heatmap: UsageHeatmap, kind: HeatmapKind): EChartOption {
  const data = heatmapData(heatmap, kind);
  const max = data.reduce((m, [, , v]) => Math.max(m, v), 0);
  return {
    tooltip: {
      position: "top",
      formatter: (p: unknown) => {
        const [h, d, v] = (p as { value: [number, number, number] }).value;
        return `${heatmap.weekdays[d]} ${pad(h)}: ${v} ${LABEL[kind]}`;
      },
    },
    grid: { left: 8, right: 8, top: 8, bottom: 72, containLabel: true },
    xAxis: { type: "category", data: heatmap.hours.map(pad), splitArea: { show: true } },
    yAxis: { type: "category", data: heatmap.weekdays, inverse: true, splitArea: { show: true } },
    visualMap: {
      min: 0,
      max: max > 0 ? Math.ceil(max) : 1,
      calculable: true,
      orient: "horizontal",
      left: "center",
      bottom: 0,
      itemHeight: 120,
      inRange: { color: kind === "cpu" ? ["#f8fafc", "#f97316", "#b91c1c"] : ["#f8fafc", "#38bdf8", "#1d4ed8"] },
    },
    series: [{ type: "heatmap", name: LABEL[kind], data, emphasis: { itemStyle: { borderColor: "#0f172a", borderWidth: 1 } } }],
  };
}
