import { describe, expect, it } from "vitest";
import { clusterBreakingPoint } from "../../test/healthFixtures";
import { describeForecast, forecastOption } from "./breakingChartOptions";
import type { MetricChart } from "./breakingTypes";

type Series = { name: string; stack?: string; data: [number, number][]; areaStyle?: unknown; markLine?: { data: { yAxis?: number; xAxis?: number }[] } };

const disk: MetricChart = {
  ...clusterBreakingPoint.metrics[1],
  forecast: {
    ...clusterBreakingPoint.metrics[1].forecast,
    status: "breach",
    breach_at: "2026-12-04T05:00:00",
    days_to_breach: 5,
  },
};

describe("breakingChartOptions", () => {
  it("draws the interval as a transparent lower edge with the band's width stacked on top", () => {
    const series = forecastOption(disk).series as Series[];
    const lower = series.find((s) => s.name === "interval lower") as Series;
    const band = series.find((s) => s.name === "interval") as Series;
    expect(lower.stack).toBe("band");
    expect(band.stack).toBe("band");
    expect(lower.data).toEqual([
      [Date.UTC(2026, 10, 28, 5), 60],
      [Date.UTC(2026, 11, 5, 5), 58],
    ]);
    expect(band.data.map(([, w]) => w)).toEqual([0, 6]);
    expect(band.areaStyle).toBeTruthy();
    expect(lower.areaStyle).toBeUndefined();
  });

  it("marks the critical and warning thresholds and the forecast crossing", () => {
    const series = forecastOption(disk).series as Series[];
    const hourly = series.find((s) => s.name === "hourly") as Series;
    expect(hourly.data).toEqual([[Date.UTC(2026, 10, 29, 4), 59]]);
    const marks = hourly.markLine?.data ?? [];
    expect(marks.map((m) => m.yAxis ?? m.xAxis)).toEqual([90, 80, Date.UTC(2026, 11, 4, 5)]);
    expect((series.find((s) => s.name === "daily peak") as Series).data).toHaveLength(2);
    expect((series.find((s) => s.name === "trend") as Series).data.map(([, v]) => v)).toEqual([60, 61]);
  });

  it("keeps the y axis above the threshold so the line is always visible", () => {
    const option = forecastOption(disk);
    expect((option.yAxis as { max: number }).max).toBe(Math.ceil(90 * 1.05));
    const noCrossing = forecastOption(clusterBreakingPoint.metrics[1]).series as Series[];
    expect((noCrossing[0].markLine?.data ?? []).map((m) => m.yAxis ?? "x")).toEqual([90, 80]);
  });

  it("says the status in words", () => {
    expect(describeForecast(disk)).toBe("disk_used_pct forecast: 2 daily peaks, critical threshold 90, breach in 5 days");
    expect(describeForecast(clusterBreakingPoint.metrics[0])).toBe(
      "compaction_score_max forecast: 2 daily peaks, critical threshold 500, breached (now 812)",
    );
    expect(describeForecast({ ...disk, forecast: { ...disk.forecast, status: "insufficient_data" } })).toMatch(/not enough data$/);
  });
});
