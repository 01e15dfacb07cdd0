import type { EChartOption } from "../../shared/charts/EChart";
import type { CountByKey } from "./fleetTypes";

const STATE_COLORS: Record<string, string> = {
  RUNNING: "#10b981",
  SUSPENDED: "#94a3b8",
  ABNORMAL: "#dc2626",
  RELEASED: "#cbd5e1",
};

const PALETTE = ["#0ea5e9", "#6366f1", "#14b8a6", "#f59e0b", "#8b5cf6", "#ec4899", "#84cc16", "#64748b"];

export type Entry = [name: string, count: number];

export function byCountDesc(counts: CountByKey): Entry[] {
  return Object.entries(counts).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

/** Newest version first: "3.10" sorts above "3.9". */
export function byVersionDesc(counts: CountByKey): Entry[] {
  return Object.entries(counts).sort((a, b) => b[0].localeCompare(a[0], undefined, { numeric: true }));
}

export function byKey(counts: CountByKey): Entry[] {
  return Object.entries(counts).sort((a, b) => a[0].localeCompare(b[0]));
}

export function describeCounts(title: string, entries: Entry[]): string {
  return `${title}: ${entries.map(([name, count]) => `${name} ${count}`).join(", ")}`;
}

export function pieOption(entries: Entry[], colors: Record<string, string> = {}): EChartOption {
  return {
    tooltip: { trigger: "item", formatter: "{b}: {c} ({d}%)" },
    legend: { bottom: 0, type: "scroll", textStyle: { color: "#475569" } },
    color: PALETTE,
    series: [
      {
        type: "pie",
        radius: ["45%", "70%"],
        center: ["50%", "45%"],
        avoidLabelOverlap: true,
        label: { show: false },
        data: entries.map(([name, value]) => ({
          name,
          value,
          itemStyle: colors[name] ? { color: colors[name] } : undefined,
        })),
      },
    ],
  };
}

export function statePieOption(counts: CountByKey): EChartOption {
  return pieOption(byCountDesc(counts), STATE_COLORS);
}

/** Vertical bars for a few categories, horizontal ones (largest on top) for many. */
export function barOption(entries: Entry[], horizontal = false): EChartOption {
  const names = entries.map(([name]) => name);
  const values = entries.map(([, count]) => count);
  const category = { type: "category" as const, data: horizontal ? [...names].reverse() : names, axisTick: { show: false } };
  const value = { type: "value" as const, minInterval: 1, splitLine: { lineStyle: { color: "#e2e8f0" } } };
  return {
    tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
    grid: { left: 8, right: 16, top: 12, bottom: 8, containLabel: true },
    xAxis: horizontal ? value : category,
    yAxis: horizontal ? category : value,
    series: [
      {
        type: "bar",
        data: horizontal ? [...values].reverse() : values,
        itemStyle: { color: "#0ea5e9", borderRadius: horizontal ? [0, 3, 3, 0] : [3, 3, 0, 0] },
        barMaxWidth: 32,
      },
    ],
  };
}
