import { describe, expect, it } from "vitest";
import { formatPercentChange, formatText, percentChange } from "./formatNumber";

describe("formatNumber", () => {
  it("computes week-over-week change and refuses a zero base", () => {
    expect(formatPercentChange(percentChange(12345.6, 11890.2))).toBe("+3.8%");
    expect(formatPercentChange(percentChange(90, 100))).toBe("−10.0%");
    expect(formatPercentChange(percentChange(5, 0))).toBe("n/a");
  });

  it("shows missing values as a dash and booleans as words", () => {
    expect(formatText(null)).toBe("—");
    expect(formatText("")).toBe("—");
    expect(formatText(true)).toBe("yes");
  });
});
