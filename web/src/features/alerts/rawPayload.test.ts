import { describe, expect, it } from "vitest";
import { prettyPayload } from "./rawPayload";

describe("prettyPayload", () => {
  it("indents JSON by two spaces", () => {
    expect(prettyPayload('{"status":"firing","labels":{"alertname":"Data Disk"}}')).toEqual({
      text: '{\n  "status": "firing",\n  "labels": {\n    "alertname": "Data Disk"\n  }\n}',
      json: true,
    });
  });

  it("keeps anything that is not JSON exactly as stored", () => {
    expect(prettyPayload("[FIRING:1] Data Disk cluster=sr-prod-01 {")).toEqual({
      text: "[FIRING:1] Data Disk cluster=sr-prod-01 {",
      json: false,
    });
    expect(prettyPayload(null)).toEqual({ text: "", json: false });
  });
});
