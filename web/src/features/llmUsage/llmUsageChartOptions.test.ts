import { describe, expect, it } from "vitest";
import { dailySeries, describeDaily, stackedBarOption } from "./llmUsageChartOptions";
import { usageReport } from "./llmUsageFixtures";

describe("llmUsageChartOptions", () => {
  it("pivots daily rows into one stacked series per agent, zero on days without calls", () => {
    const data = dailySeries(usageReport.daily, "agent", "tokens");

    expect(data.days).toEqual(["2026-11-28", "2026-11-29"]);
    expect(data.series).toEqual([
      { name: "investigator", values: [2700, 1100] },
      { name: "patrol", values: [0, 4300] },
    ]);
  });

  it("sums cost per model and describes the totals for screen readers", () => {
    const data = dailySeries(usageReport.daily, "model", "cost");

    expect(data.series.map((s) => s.name)).toEqual(["anthropic/claude-sonnet-4-5", "openai/gpt-4.1"]);
    expect(describeDaily("Cost", data, "cost")).toBe("Cost: anthropic/claude-sonnet-4-5 $0.0137, openai/gpt-4.1 $0.0208");
    const option = stackedBarOption(data, "cost");
    expect(option.series).toHaveLength(2);
    expect((option.series as { stack: string }[]).every((s) => s.stack === "total")).toBe(true);
  });
});
