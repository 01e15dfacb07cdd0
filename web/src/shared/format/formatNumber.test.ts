import { describe, expect, it } from "vitest";
import { formatPercentChange, formatTimestamp, percentChange } from "./formatNumber";

describe("formatNumber", () => {
  it("computes week-over-week change and refuses a zero base", () => {
    expect(formatPercentChange(percentChange(12345.6, 11890.2))).toBe("+3.8%");
    expect(formatPercentChange(percentChange(90, 100))).toBe("−10.0%");
    expect(formatPercentChange(percentChange(5, 0))).toBe("n/a");
  });

  it("shows zone-less timestamps as written", () => {
    expect(formatTimestamp("2026-11-29T05:00:00")).toBe("2026-11-29 05:00");
    expect(formatTimestamp(null)).toBe("—");
  });
});
