import type { EChartOption } from "../../shared/charts/EChart";
import { parseApiTime } from "../../shared/format/formatDateTime";
import type { MetricChart, TimeValue } from "./breakingTypes";

const CRIT = "#dc2626";
const WARN = "#f59e0b";

function ms(t: string): number | null {
  return parseApiTime(t)?.getTime() ?? null;
}

function points(values: TimeValue[]): [number, number][] {
  return values.flatMap((p) => {
    const t = ms(p.t);
    return t === null ? [] : [[t, p.value] as [number, number]];
  });
}

/** A metric's status in words, for the chart's label and the table. */
export function describeForecast(chart: MetricChart): string {
  const f = chart.forecast;
  const what = `${chart.metric_name} forecast: ${chart.daily_peaks.length} daily peaks, critical threshold ${chart.crit_threshold}`;
  switch (f.status) {
    case "breached":
      return `${what}, breached (now ${f.current_value})`;
    case "breach":
      return `${what}, breach in ${f.days_to_breach} days`;
    case "no_breach":
      return `${what}, no breach within ${f.horizon_days} days`;
    default:
      return `${what}, not enough data`;
  }
}

/**
 * History (hourly values and the daily peaks the trend was fitted on), the fitted line, its
 * prediction band (drawn as a transparent lower edge with the band's width stacked on top) and the
 * warning and critical thresholds; a vertical line marks the forecast crossing.
 */
export function forecastOption(chart: MetricChart): EChartOption {
  const trend = chart.trend.flatMap((p) => {
    const t = ms(p.t);
    return t === null ? [] : [{ t, value: p.value, lower: p.lower, upper: p.upper }];
  });
  const breachAt = chart.forecast.breach_at ? ms(chart.forecast.breach_at) : null;
  const values = [
    ...chart.hourly.map((p) => p.value),
    ...chart.daily_peaks.map((p) => p.value),
    ...trend.map((p) => p.upper),
    chart.crit_threshold,
  ];
  const top = Math.max(...values);
  const unit = chart.unit ? ` ${chart.unit}` : "";
  return {
    tooltip: { trigger: "axis" },
    legend: { bottom: 0, textStyle: { color: "#475569" }, data: ["hourly", "daily peak", "trend", "interval"] },
    grid: { left: 8, right: 110, top: 24, bottom: 32, containLabel: true },
    xAxis: { type: "time" },
    yAxis: {
      type: "value",
      min: 0,
      max: Number.isFinite(top) ? Math.ceil(top * 1.05) : undefined,
      name: chart.unit,
      splitLine: { lineStyle: { color: "#e2e8f0" } },
    },
    series: [
      {
        type: "line",
        name: "hourly",
        data: points(chart.hourly),
        showSymbol: false,
        lineStyle: { color: "#94a3b8", width: 1 },
        itemStyle: { color: "#94a3b8" },
        markLine: {
          symbol: "none",
          silent: true,
          label: { formatter: "{b}", position: "end" },
          data: [
            { name: `critical ${chart.crit_threshold}${unit}`, yAxis: chart.crit_threshold, lineStyle: { color: CRIT, type: "solid" } },
            { name: `warning ${chart.warn_threshold}${unit}`, yAxis: chart.warn_threshold, lineStyle: { color: WARN, type: "dashed" } },
            ...(breachAt === null
              ? []
              : [{ name: "breach", xAxis: breachAt, lineStyle: { color: CRIT, type: "dotted" as const }, label: { formatter: "breach" } }]),
          ],
        },
      },
      {
        type: "line",
        name: "daily peak",
        data: points(chart.daily_peaks),
        symbol: "circle",
        symbolSize: 6,
        lineStyle: { opacity: 0 },
        itemStyle: { color: "#0f172a" },
      },
      {
        type: "line",
        name: "interval lower",
        data: trend.map((p) => [p.t, p.lower]),
        stack: "band",
        showSymbol: false,
        lineStyle: { opacity: 0 },
        tooltip: { show: false },
      },
      {
        type: "line",
        name: "interval",
        data: trend.map((p) => [p.t, p.upper - p.lower]),
        stack: "band",
        showSymbol: false,
        lineStyle: { opacity: 0 },
        areaStyle: { color: "rgba(14, 165, 233, 0.18)" },
        itemStyle: { color: "rgba(14, 165, 233, 0.4)" },
        tooltip: { show: false },
      },
      {
        type: "line",
        name: "trend",
        data: trend.map((p) => [p.t, p.value]),
        showSymbol: false,
        lineStyle: { color: "#0ea5e9", width: 2, type: "dashed" },
        itemStyle: { color: "#0ea5e9" },
      },
    ],
  };
}
