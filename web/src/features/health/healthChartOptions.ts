import type { EChartOption } from "../../shared/charts/EChart";
import { parseApiTime } from "../../shared/format/formatDateTime";
import type { HealthHistoryPoint, HistogramBucket } from "./healthTypes";

/** The score bands of the backend's defaults (byoc.health.healthy-min / warning-min). */
export const HEALTHY_MIN = 80;
export const WARNING_MIN = 60;

export const STATUS_COLORS: Record<string, string> = {
  healthy: "#10b981",
  warning: "#f59e0b",
  critical: "#dc2626",
  no_data: "#94a3b8",
};

export function scoreColor(score: number): string {
  return score >= HEALTHY_MIN ? STATUS_COLORS.healthy : score >= WARNING_MIN ? STATUS_COLORS.warning : STATUS_COLORS.critical;
}

export function bucketLabel(b: HistogramBucket): string {
  return b.to >= 100 ? `${b.from}–100` : `${b.from}–${b.to - 1}`;
}

export function describeHistogram(buckets: HistogramBucket[]): string {
  return `Health score histogram: ${buckets.map((b) => `${bucketLabel(b)} ${b.count}`).join(", ")}`;
}

/** Ten 10-point buckets, each bar coloured by the band its scores fall in. */
export function histogramOption(buckets: HistogramBucket[]): EChartOption {
  return {
    tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
    grid: { left: 8, right: 16, top: 12, bottom: 8, containLabel: true },
    xAxis: { type: "category", data: buckets.map(bucketLabel), axisTick: { show: false }, name: "score" },
    yAxis: { type: "value", minInterval: 1, splitLine: { lineStyle: { color: "#e2e8f0" } } },
    series: [
      {
        type: "bar",
        name: "clusters",
        barMaxWidth: 32,
        data: buckets.map((b) => ({ value: b.count, itemStyle: { color: scoreColor(b.from), borderRadius: [3, 3, 0, 0] } })),
      },
    ],
  };
}

export function describeHistory(history: HealthHistoryPoint[]): string {
  const scored = history.filter((p) => p.score !== null);
  if (scored.length === 0) return "Health score history: no scores";
  const scores = scored.map((p) => p.score as number);
  return `Health score history: ${scored.length} hours, from ${scores[0]} to ${scores[scores.length - 1]}, low ${Math.min(...scores)}, high ${Math.max(...scores)}`;
}

/** Hourly scores on a time axis with the warning and critical bands marked; no-data hours are gaps. */
export function historyOption(history: HealthHistoryPoint[]): EChartOption {
  const data = history.flatMap((p) => {
    const t = parseApiTime(p.scored_at);
    return t ? [[t.getTime(), p.score] as [number, number | null]] : [];
  });
  return {
    tooltip: { trigger: "axis" },
    grid: { left: 8, right: 24, top: 16, bottom: 8, containLabel: true },
    xAxis: { type: "time" },
    yAxis: { type: "value", min: 0, max: 100, splitLine: { lineStyle: { color: "#e2e8f0" } } },
    series: [
      {
        type: "line",
        name: "score",
        data,
        showSymbol: false,
        connectNulls: false,
        lineStyle: { color: "#0ea5e9", width: 2 },
        itemStyle: { color: "#0ea5e9" },
        markLine: {
          symbol: "none",
          silent: true,
          label: { formatter: "{b}", position: "insideEndTop" },
          data: [
            { name: "healthy", yAxis: HEALTHY_MIN, lineStyle: { color: STATUS_COLORS.healthy, type: "dashed" } },
            { name: "warning", yAxis: WARNING_MIN, lineStyle: { color: STATUS_COLORS.critical, type: "dashed" } },
          ],
        },
      },
    ],
  };
}
