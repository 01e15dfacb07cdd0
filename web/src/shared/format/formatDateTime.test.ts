import { describe, expect, it } from "vitest";
import { browserTimeZone, formatDateTime, parseApiTime } from "./formatDateTime";

describe("formatDateTime", () => {
  it("reads zone-less API times as UTC", () => {
    expect(parseApiTime("2026-11-29T04:00:00")?.toISOString()).toBe("2026-11-29T04:00:00.000Z");
    expect(parseApiTime("2026-11-29T04:00:00Z")?.toISOString()).toBe("2026-11-29T04:00:00.000Z");
    expect(parseApiTime("2026-11-29T06:00:00+02:00")?.toISOString()).toBe("2026-11-29T04:00:00.000Z");
    expect(parseApiTime("2026-11-29T04:00:00.123456")?.toISOString()).toBe("2026-11-29T04:00:00.123Z");
  });

  it("shows the same instant in the chosen zone, daylight saving included", () => {
    expect(formatDateTime("2026-11-29T04:00:00", "UTC")).toBe("2026-11-29 04:00");
    expect(formatDateTime("2026-11-29T04:00:00", "Europe/Berlin")).toBe("2026-11-29 05:00"); // CET, +1
    expect(formatDateTime("2026-07-01T04:00:00", "Europe/Berlin")).toBe("2026-07-01 06:00"); // CEST, +2
    expect(formatDateTime("2026-11-29T04:00:00", "America/Los_Angeles")).toBe("2026-11-28 20:00"); // the day before
    expect(formatDateTime("2026-11-29T04:00:00", "Asia/Kolkata")).toBe("2026-11-29 09:30");
  });

  it("uses a 24-hour clock, midnight as 00", () => {
    expect(formatDateTime("2026-11-28T23:00:00", "Europe/Berlin")).toBe("2026-11-29 00:00");
    expect(formatDateTime("2026-11-29T04:05:06", "UTC", { withSeconds: true })).toBe("2026-11-29 04:05:06");
  });

  it("gives the day in that zone for date-only display", () => {
    expect(formatDateTime("2025-03-01T23:30:00", "Asia/Tokyo", { dateOnly: true })).toBe("2025-03-02");
  });

  it("defaults to the browser's zone and survives bad input", () => {
    expect(browserTimeZone()).toBe(Intl.DateTimeFormat().resolvedOptions().timeZone);
    expect(formatDateTime(null, "UTC")).toBe("—");
    expect(formatDateTime("not a time", "UTC")).toBe("not a time");
    expect(formatDateTime("2026-11-29T04:00:00", "Mars/Olympus")).toBe("2026-11-29 04:00");
    // A calendar date is not an instant: shown as given, not shifted.
    expect(formatDateTime("2026-12-31", "America/Los_Angeles")).toBe("2026-12-31");
  });
});
