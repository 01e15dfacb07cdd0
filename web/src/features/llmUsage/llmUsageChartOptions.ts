import type { EChartOption } from "../../shared/charts/EChart";
import { totalTokens, type UsageDaily } from "./llmUsageTypes";

const PALETTE = ["#0ea5e9", "#6366f1", "#14b8a6", "#f59e0b", "#8b5cf6", "#ec4899", "#84cc16", "#64748b"];

export type SplitBy = "agent" | "model";
export type Measure = "tokens" | "cost";

export interface DailySeries {
  days: string[];
  /** One stack per agent or model, values aligned with `days`. */
  series: { name: string; values: number[] }[];
}

/** Daily rows pivoted into one series per agent (or model); days without calls count 0. */
export function dailySeries(rows: UsageDaily[], splitBy: SplitBy, measure: Measure): DailySeries {
  const days = [...new Set(rows.map((r) => r.usage_date))].sort();
  const names = [...new Set(rows.map((r) => r[splitBy]))].sort();
  const series = names.map((name) => ({
    name,
    values: days.map((day) =>
      rows
        .filter((r) => r.usage_date === day && r[splitBy] === name)
        .reduce((sum, r) => sum + (measure === "tokens" ? totalTokens(r) : (r.cost_usd ?? 0)), 0),
    ),
  }));
  return { days, series };
}

export function describeDaily(title: string, data: DailySeries, measure: Measure): string {
  const format = (v: number) => (measure === "cost" ? `$${v.toFixed(4)}` : String(v));
  const totals = data.series.map((s) => `${s.name} ${format(s.values.reduce((a, b) => a + b, 0))}`);
  return `${title}: ${totals.join(", ")}`;
}

export function stackedBarOption(data: DailySeries, measure: Measure): EChartOption {
  return {
    tooltip: { trigger: "axis" },
    legend: { bottom: 0, type: "scroll", textStyle: { color: "#475569" } },
    color: PALETTE,
    grid: { left: 8, right: 8, top: 16, bottom: 40, containLabel: true },
    xAxis: { type: "category", data: data.days },
    yAxis: { type: "value", name: measure === "cost" ? "USD" : "tokens" },
    series: data.series.map((s) => ({ type: "bar", name: s.name, stack: "total", data: s.values })),
  };
}
