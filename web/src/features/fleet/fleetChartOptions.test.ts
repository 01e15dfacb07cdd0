import { describe, expect, it } from "vitest";
import { barOption, byCountDesc, byVersionDesc, describeCounts } from "./fleetChartOptions";

describe("fleetChartOptions", () => {
  it("orders versions newest first, numerically", () => {
    expect(byVersionDesc({ "3.9": 1, "3.10": 2, "2.5": 3 }).map(([v]) => v)).toEqual(["3.10", "3.9", "2.5"]);
  });

  it("orders counts largest first and describes them for screen readers", () => {
    const entries = byCountDesc({ B: 100, S: 10, A: 40 });
    expect(describeCounts("Clusters by tier", entries)).toBe("Clusters by tier: B 100, A 40, S 10");
  });

  it("puts the largest bar on top of a horizontal chart", () => {
    const option = barOption([["us-east-1", 60], ["us-west-2", 40]], true);
    expect(option.yAxis).toMatchObject({ type: "category", data: ["us-west-2", "us-east-1"] });
    expect(option.series).toMatchObject([{ type: "bar", data: [40, 60] }]);
  });
});
