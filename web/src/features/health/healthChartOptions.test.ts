import { describe, expect, it } from "vitest";
import { clusterHealth, fleetHealth } from "../../test/healthFixtures";
import { bucketLabel, describeHistogram, describeHistory, histogramOption, historyOption, scoreColor, STATUS_COLORS } from "./healthChartOptions";

type Series = { data: unknown[]; markLine?: { data: { yAxis?: number }[] } };

describe("healthChartOptions", () => {
  it("labels the ten buckets with the last one closed at 100", () => {
    expect(fleetHealth.histogram.map(bucketLabel)).toEqual(["0–9", "10–19", "20–29", "30–39", "40–49", "50–59", "60–69", "70–79", "80–89", "90–100"]);
    expect(describeHistogram(fleetHealth.histogram.slice(8))).toBe("Health score histogram: 80–89 40, 90–100 60");
  });

  it("colours each histogram bar by the band its scores fall in", () => {
    const option = histogramOption(fleetHealth.histogram);
    const data = (option.series as Series[])[0].data as { value: number; itemStyle: { color: string } }[];
    expect(data.map((d) => d.value)).toEqual([1, 0, 2, 3, 2, 4, 10, 18, 40, 60]);
    expect(data[5].itemStyle.color).toBe(STATUS_COLORS.critical);
    expect(data[6].itemStyle.color).toBe(STATUS_COLORS.warning);
    expect(data[8].itemStyle.color).toBe(STATUS_COLORS.healthy);
    expect([scoreColor(59.9), scoreColor(60), scoreColor(80)]).toEqual([STATUS_COLORS.critical, STATUS_COLORS.warning, STATUS_COLORS.healthy]);
  });

  it("draws the history on a UTC time axis with no-data hours as gaps and the band limits marked", () => {
    const history = clusterHealth.history.slice(1);
    const option = historyOption(history);
    const series = (option.series as Series[])[0];
    expect(series.data).toEqual([
      [Date.UTC(2026, 10, 29, 3), 80],
      [Date.UTC(2026, 10, 29, 4), null],
      [Date.UTC(2026, 10, 29, 5), 62],
    ]);
    expect(series.markLine?.data.map((d) => d.yAxis)).toEqual([80, 60]);
    expect(describeHistory(history)).toBe("Health score history: 2 hours, from 80 to 62, low 62, high 80");
    expect(describeHistory([])).toBe("Health score history: no scores");
  });
});
