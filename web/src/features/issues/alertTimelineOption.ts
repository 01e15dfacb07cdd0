import type { EChartOption } from "../../shared/charts/EChart";
import type { IssueAlert } from "./issueTypes";

/** Firing and resolved notices per hour, stacked: the shape of the issue over time. */
export function alertTimelineOption(alerts: IssueAlert[]): EChartOption {
  const hours = new Map<string, { firing: number; resolved: number }>();
  const sorted = [...alerts].sort((a, b) => a.event_at.localeCompare(b.event_at));
  for (const a of sorted) {
    const hour = `${a.event_at.slice(0, 13).replace("T", " ")}:00`;
    const bucket = hours.get(hour) ?? { firing: 0, resolved: 0 };
    bucket[a.status] += 1;
    hours.set(hour, bucket);
  }
  const labels = [...hours.keys()];
  return {
    tooltip: { trigger: "axis" },
    legend: { data: ["firing", "resolved"], bottom: 0 },
    grid: { left: 40, right: 16, top: 16, bottom: 56 },
    xAxis: { type: "category", data: labels, axisLabel: { fontSize: 10 } },
    yAxis: { type: "value", minInterval: 1 },
    series: [
      { name: "firing", type: "bar", stack: "alerts", color: "#dc2626", data: labels.map((h) => hours.get(h)?.firing ?? 0) },
      { name: "resolved", type: "bar", stack: "alerts", color: "#16a34a", data: labels.map((h) => hours.get(h)?.resolved ?? 0) },
    ],
  };
}
