import { describe, expect, it } from "vitest";
import { usageReport } from "../../test/healthFixtures";
import { describeHeatmap, heatmapData, heatmapOption } from "./usageChartOptions";

const tiny = {
  ...usageReport.heatmap,
  weekdays: ["Mon", "Tue"],
  hours: [0, 1],
  cpu_util_pct: [
    [10, null],
    [55.5, 2],
  ],
  query_qps: [
    [null, null],
    [null, null],
  ],
};

describe("usageChartOptions", () => {
  it("turns the weekday x hour grid into [hour, weekday, value] cells, skipping cells without data", () => {
    expect(heatmapData(tiny, "cpu")).toEqual([
      [0, 0, 10],
      [0, 1, 55.5],
      [1, 1, 2],
    ]);
    expect(heatmapData(tiny, "qps")).toEqual([]);
    expect(heatmapData(usageReport.heatmap, "cpu")).toHaveLength(168);
  });

  it("scales the colours to the largest cell and puts Monday on top", () => {
    const option = heatmapOption(tiny, "cpu");
    expect((option.visualMap as { min: number; max: number }).max).toBe(56);
    expect((option.yAxis as { data: string[]; inverse: boolean }).inverse).toBe(true);
    expect((option.xAxis as { data: string[] }).data).toEqual(["00:00", "01:00"]);
    expect((heatmapOption(tiny, "qps").visualMap as { max: number }).max).toBe(1);
  });

  it("names the busiest and quietest cell", () => {
    expect(describeHeatmap(tiny, "cpu")).toBe("CPU by weekday and hour (UTC): busiest Tue 00:00 55.5 CPU %, quietest Tue 01:00 2 CPU %");
    expect(describeHeatmap(tiny, "qps")).toBe("Query volume by weekday and hour (UTC): no data");
  });
});
