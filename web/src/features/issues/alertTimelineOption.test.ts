import { describe, expect, it } from "vitest";
import { alertTimelineOption } from "./alertTimelineOption";
import type { IssueAlert } from "./issueTypes";

const alert = (status: "firing" | "resolved", at: string): IssueAlert => ({
  message_id: `${status}-${at}`, status, severity: "critical", alert_name: "Data Disk", node: "be-1",
  fingerprint: "f", instance_key: "f@x", event_at: at,
});

describe("alertTimelineOption", () => {
  it("counts firing and resolved notices per hour in time order", () => {
    const option = alertTimelineOption([
      alert("resolved", "2026-11-28T11:40:00"),
      alert("firing", "2026-11-28T10:05:00"),
      alert("firing", "2026-11-28T10:50:00"),
    ]);
    expect((option.xAxis as { data: string[] }).data).toEqual(["2026-11-28 10:00", "2026-11-28 11:00"]);
    const series = option.series as { name: string; data: number[] }[];
    expect(series.find((s) => s.name === "firing")?.data).toEqual([2, 0]);
    expect(series.find((s) => s.name === "resolved")?.data).toEqual([0, 1]);
  });
});
