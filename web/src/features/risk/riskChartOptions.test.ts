import { describe, expect, it } from "vitest";
import { riskDistribution } from "../../test/healthFixtures";
import { describeGroups, describeLevels, groupsByRisk, LEVEL_COLORS, levelBarOption, stackedLevelOption } from "./riskChartOptions";

type Series = { name: string; stack?: string; data: unknown[] };

describe("riskChartOptions", () => {
  it("puts the levels in severity order, missing ones as zero", () => {
    const option = levelBarOption({ low: 5, critical: 2 });
    expect((option.xAxis as { data: string[] }).data).toEqual(["critical", "high", "medium", "low"]);
    const data = (option.series as Series[])[0].data as { value: number; itemStyle: { color: string } }[];
    expect(data.map((d) => d.value)).toEqual([2, 0, 0, 5]);
    expect(data[0].itemStyle.color).toBe(LEVEL_COLORS.critical);
    expect(describeLevels("Risk", { high: 1 })).toBe("Risk: critical 0, high 1, medium 0, low 0");
  });

  it("orders groups riskiest first: most critical, then most high, then by name", () => {
    const groups = groupsByRisk({
      B: { critical: 1, high: 3, medium: 0, low: 9 },
      A: { critical: 1, high: 5, medium: 0, low: 1 },
      S: { critical: 2, high: 0, medium: 0, low: 0 },
      C: { critical: 1, high: 5, medium: 0, low: 0 },
    });
    expect(groups.map(([name]) => name)).toEqual(["S", "A", "C", "B"]);
  });

  it("stacks one series per level with the riskiest group on top of the horizontal bars", () => {
    const groups = groupsByRisk(riskDistribution.by_tier);
    const option = stackedLevelOption(groups);
    // ECharts draws the first category at the bottom: the list is reversed.
    expect((option.yAxis as { data: string[] }).data).toEqual(["B", "A", "S"]);
    const series = option.series as Series[];
    expect(series.map((s) => [s.name, s.stack])).toEqual([
      ["critical", "level"],
      ["high", "level"],
      ["medium", "level"],
      ["low", "level"],
    ]);
    expect(series[0].data).toEqual([1, 1, 2]);
    expect(series[3].data).toEqual([88, 25, 4]);
    expect(describeGroups("Risk by tier", groups.slice(0, 1))).toBe("Risk by tier: S 2 critical 1 high 3 medium 4 low");
  });
});
