import type { EChartOption } from "../../shared/charts/EChart";
import { RISK_LEVELS, type LevelCounts } from "./riskTypes";

export const LEVEL_COLORS: Record<string, string> = {
  critical: "#dc2626",
  high: "#f97316",
  medium: "#facc15",
  low: "#10b981",
};

export function describeLevels(title: string, counts: LevelCounts): string {
  return `${title}: ${RISK_LEVELS.map((l) => `${l} ${counts[l] ?? 0}`).join(", ")}`;
}

/** One bar per level, in severity order. */
export function levelBarOption(counts: LevelCounts): EChartOption {
  return {
    tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
    grid: { left: 8, right: 16, top: 12, bottom: 8, containLabel: true },
    xAxis: { type: "category", data: RISK_LEVELS, axisTick: { show: false } },
    yAxis: { type: "value", minInterval: 1, splitLine: { lineStyle: { color: "#e2e8f0" } } },
    series: [
      {
        type: "bar",
        name: "clusters",
        barMaxWidth: 40,
        data: RISK_LEVELS.map((l) => ({ value: counts[l] ?? 0, itemStyle: { color: LEVEL_COLORS[l], borderRadius: [3, 3, 0, 0] } })),
      },
    ],
  };
}

/** Groups riskiest first: most critical, then most high, then by name. */
export function groupsByRisk(groups: Record<string, LevelCounts>): [string, LevelCounts][] {
  return Object.entries(groups).sort(
    ([a, x], [b, y]) =>
      (y.critical ?? 0) - (x.critical ?? 0) || (y.high ?? 0) - (x.high ?? 0) || a.localeCompare(b, undefined, { numeric: true }),
  );
}

export function describeGroups(title: string, groups: [string, LevelCounts][]): string {
  return `${title}: ${groups.map(([name, c]) => `${name} ${RISK_LEVELS.map((l) => `${c[l] ?? 0} ${l}`).join(" ")}`).join("; ")}`;
}

/** Horizontal bars per group (riskiest on top), stacked by level. */
export function stackedLevelOption(groups: [string, LevelCounts][]): EChartOption {
  const names = groups.map(([name]) => name).reverse();
  return {
    tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
    legend: { bottom: 0, textStyle: { color: "#475569" } },
    grid: { left: 8, right: 16, top: 8, bottom: 28, containLabel: true },
    xAxis: { type: "value", minInterval: 1, splitLine: { lineStyle: { color: "#e2e8f0" } } },
    yAxis: { type: "category", data: names, axisTick: { show: false } },
    series: RISK_LEVELS.map((level) => ({
      type: "bar" as const,
      name: level,
      stack: "level",
      barMaxWidth: 20,
      itemStyle: { color: LEVEL_COLORS[level] },
      data: [...groups].reverse().map(([, c]) => c[level] ?? 0),
    })),
  };
}
